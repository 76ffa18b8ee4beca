import Foundation

/// An event as stored: what the writer gave plus what the store assigned.
public struct RecordedEvent: Sendable, Equatable {
    /// Global, gap-free position in commit order (1…).
    public var position: Int64
    /// The stream, e.g. `customer-C1`.
    public var streamId: String
    /// Version within the stream (1…, gap-free).
    public var version: Int64
    /// The idempotency key the writer gave.
    public var eventId: UUID
    /// The past-tense fact name, e.g. `LoanDisbursed`.
    public var type: String
    /// The version of `data`'s shape.
    public var schemaVersion: Int
    /// Business date, `YYYY-MM-DD`.
    public var effectiveDate: String
    /// Microseconds since 1970-01-01T00:00:00Z, never decreasing with position.
    public var recordedAt: Int64
    /// The event's JSON bytes, verbatim as appended.
    public var data: [UInt8]
    /// Who caused it and why (JSON bytes), verbatim.
    public var metadata: [UInt8]
    /// SHA-256(previous hash ‖ canonical bytes), or HMAC-SHA-256 with the store's
    /// ``ChainKey``; 32 bytes. docs/event-store.md gives the canonical layout.
    public var hash: [UInt8]

    /// Creates a recorded event (stores and `restore` inputs).
    public init(
        position: Int64, streamId: String, version: Int64, eventId: UUID, type: String,
        schemaVersion: Int, effectiveDate: String, recordedAt: Int64, data: [UInt8],
        metadata: [UInt8], hash: [UInt8]
    ) {
        self.position = position
        self.streamId = streamId
        self.version = version
        self.eventId = eventId
        self.type = type
        self.schemaVersion = schemaVersion
        self.effectiveDate = effectiveDate
        self.recordedAt = recordedAt
        self.data = data
        self.metadata = metadata
        self.hash = hash
    }
}
