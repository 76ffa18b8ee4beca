import Foundation

/// The shape rules every backend applies to an append before touching storage.
package enum AppendValidation {
    /// Checks the stream id, the expected version and every event of the batch.
    ///
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` naming the first bad field.
    package static func validate(
        stream: String, expected: ExpectedVersion, events: [NewEvent]
    ) throws {
        try checkName(stream, field: "stream", max: EventStoreLimits.streamIdBytesMax)
        if case .exact(let version) = expected, version < 0 {
            throw EventStoreError.invalidInput(
                field: "expectedVersion", rule: "must not be negative, got \(version)")
        }
        guard !events.isEmpty else {
            throw EventStoreError.invalidInput(field: "events", rule: "must not be empty")
        }
        guard events.count <= EventStoreLimits.eventsPerAppendMax else {
            throw EventStoreError.invalidInput(
                field: "events",
                rule: "at most \(EventStoreLimits.eventsPerAppendMax) per "
                    + "append, got \(events.count)")
        }
        var totalBytes = 0
        var seen = Set<UUID>()
        seen.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            try validate(event, field: "events[\(index)]")
            guard seen.insert(event.eventId).inserted else {
                throw EventStoreError.invalidInput(
                    field: "events[\(index)].eventId", rule: "appears twice in one batch")
            }
            totalBytes += event.data.count + event.metadata.count
        }
        guard totalBytes <= EventStoreLimits.appendBytesMax else {
            throw EventStoreError.invalidInput(
                field: "events",
                rule: "data and metadata at most "
                    + "\(EventStoreLimits.appendBytesMax) bytes per append, got \(totalBytes)")
        }
    }

    /// Checks one event's fields (also used by `restore` and the export parser).
    package static func validate(_ event: NewEvent, field: String) throws {
        try checkName(event.type, field: field + ".type", max: EventStoreLimits.typeBytesMax)
        guard (1...EventStoreLimits.schemaVersionMax).contains(event.schemaVersion) else {
            throw EventStoreError.invalidInput(
                field: field + ".schemaVersion",
                rule: "must be 1…\(EventStoreLimits.schemaVersionMax), "
                    + "got \(event.schemaVersion)")
        }
        guard BusinessDateShape.isValid(event.effectiveDate) else {
            throw EventStoreError.invalidInput(
                field: field + ".effectiveDate",
                rule: "must be a calendar date YYYY-MM-DD, got '\(event.effectiveDate)'")
        }
        try checkPayload(event.data, field: field + ".data", max: EventStoreLimits.dataBytesMax)
        try checkPayload(
            event.metadata, field: field + ".metadata", max: EventStoreLimits.metadataBytesMax)
    }

    /// A non-empty name of at most `max` UTF-8 bytes.
    package static func checkName(_ value: String, field: String, max: Int) throws {
        guard !value.isEmpty else {
            throw EventStoreError.invalidInput(field: field, rule: "must not be empty")
        }
        guard value.utf8.count <= max else {
            throw EventStoreError.invalidInput(
                field: field, rule: "at most \(max) bytes, got \(value.utf8.count)")
        }
    }

    private static func checkPayload(_ bytes: [UInt8], field: String, max: Int) throws {
        guard bytes.count <= max else {
            throw EventStoreError.invalidInput(
                field: field, rule: "at most \(max) bytes, got \(bytes.count)")
        }
        // Export writes data as a JSON string, which must round-trip byte for byte: only
        // valid UTF-8 does.
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw EventStoreError.invalidInput(field: field, rule: "must be valid UTF-8")
        }
    }
}

extension NewEvent {
    /// The writer-given part of a recorded event (for idempotency comparison, restore, and
    /// re-appending an event elsewhere, e.g. in tests).
    public init(_ recorded: RecordedEvent) {
        self.init(
            eventId: recorded.eventId, type: recorded.type, schemaVersion: recorded.schemaVersion,
            effectiveDate: recorded.effectiveDate, data: recorded.data,
            metadata: recorded.metadata)
    }
}
