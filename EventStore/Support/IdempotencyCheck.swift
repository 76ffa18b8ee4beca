import Foundation

/// The idempotency rule, decided before the expected version is looked at.
package enum IdempotencyCheck {
    package enum Outcome {
        /// No id of the batch is stored: append it.
        case new
        /// Every id is stored with identical content in this stream, in this order.
        case duplicate(AppendResult)
    }

    /// Decides from the batch and, for each event, the stored event with its id (or nil).
    ///
    /// - Throws: ``EventStoreError/idempotencyViolation(eventId:detail:)`` when an id is stored
    ///   in another stream or with other content, or the batch mixes stored and new ids.
    package static func evaluate(
        stream: String, events: [NewEvent], stored: [RecordedEvent?]
    ) throws -> Outcome {
        precondition(events.count == stored.count, "one lookup per event")
        let found = stored.compactMap { $0 }
        if found.isEmpty { return .new }
        for (event, original) in zip(events, stored) {
            guard let original else { continue }
            guard original.streamId == stream else {
                throw EventStoreError.idempotencyViolation(
                    eventId: event.eventId, detail: "already stored in another stream")
            }
            if let field = differingField(event, original) {
                throw EventStoreError.idempotencyViolation(
                    eventId: event.eventId, detail: "already stored with a different '\(field)'")
            }
        }
        guard found.count == events.count else {
            throw EventStoreError.idempotencyViolation(
                eventId: found[0].eventId, detail: "the batch mixes stored and new event ids")
        }
        for (earlier, later) in zip(found, found.dropFirst())
        where later.version != earlier.version + 1 {
            throw EventStoreError.idempotencyViolation(
                eventId: later.eventId, detail: "already stored, but not as the same batch")
        }
        return .duplicate(
            AppendResult(
                events: found, streamVersion: found[found.count - 1].version,
                wasDuplicate: true))
    }

    private static func differingField(_ event: NewEvent, _ original: RecordedEvent) -> String? {
        if event.type != original.type { return "type" }
        if event.schemaVersion != original.schemaVersion { return "schemaVersion" }
        if event.effectiveDate != original.effectiveDate { return "effectiveDate" }
        if event.data != original.data { return "data" }
        if event.metadata != original.metadata { return "metadata" }
        return nil
    }
}
