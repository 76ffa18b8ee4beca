/// What an append wrote (or, for a retried idempotent append, what the first one wrote).
public struct AppendResult: Sendable, Equatable {
    /// The recorded events, in version order.
    public var events: [RecordedEvent]
    /// The stream's version after the append.
    public var streamVersion: Int64
    /// True when every event id was already stored with identical content: nothing was written.
    public var wasDuplicate: Bool

    /// Creates a result (stores build these).
    public init(events: [RecordedEvent], streamVersion: Int64, wasDuplicate: Bool) {
        self.events = events
        self.streamVersion = streamVersion
        self.wasDuplicate = wasDuplicate
    }
}
