import Foundation

/// An event as a writer proposes it, before the store assigns position, time and hash.
public struct NewEvent: Sendable, Equatable {
    /// The idempotency key: storing the same id twice with the same content is a no-op.
    public var eventId: UUID
    /// A past-tense fact name, e.g. `LoanDisbursed`.
    public var type: String
    /// The version of `data`'s shape; readers upcast older versions.
    public var schemaVersion: Int
    /// The business date the fact is effective on, `YYYY-MM-DD`.
    public var effectiveDate: String
    /// The event's JSON, stored and hashed verbatim.
    public var data: [UInt8]
    /// Who caused it and why (JSON), stored and hashed verbatim.
    public var metadata: [UInt8]

    /// Creates an event to append.
    public init(
        eventId: UUID, type: String, schemaVersion: Int, effectiveDate: String,
        data: [UInt8], metadata: [UInt8]
    ) {
        self.eventId = eventId
        self.type = type
        self.schemaVersion = schemaVersion
        self.effectiveDate = effectiveDate
        self.data = data
        self.metadata = metadata
    }
}
