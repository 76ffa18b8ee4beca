import Foundation

/// The checks `restore` applies to each imported event, shared by the backends.
package enum RestoreCheck {
    /// Checks the event's shape, its unique id and its place in the chain.
    /// - Throws: ``EventStoreError/restoreRejected(position:detail:)``.
    package static func check(
        _ event: RecordedEvent, verifier: inout ChainVerifier, seenIds: inout Set<UUID>
    ) throws {
        do {
            try AppendValidation.checkName(
                event.streamId, field: "streamId", max: EventStoreLimits.streamIdBytesMax)
            try AppendValidation.validate(NewEvent(event), field: "event")
        } catch let error as EventStoreError {
            throw EventStoreError.restoreRejected(position: event.position, detail: "\(error)")
        }
        guard seenIds.insert(event.eventId).inserted else {
            throw EventStoreError.restoreRejected(
                position: event.position, detail: "event id appears twice in the import")
        }
        if let finding = try verifier.check(.event(event)) {
            throw EventStoreError.restoreRejected(
                position: finding.position, detail: finding.problem)
        }
    }
}
