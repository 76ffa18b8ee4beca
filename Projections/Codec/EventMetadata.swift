/// Who or what caused an event, and why: stored beside the data, hashed verbatim.
public struct EventMetadata: Sendable, Hashable, Codable {
    /// The person or system, e.g. `ops.wang` or `system:eod`.
    public var actor: String
    /// Why, in the actor's words (required for adjustments, freezes, reversals…).
    public var reason: String?
    /// The caller's request id; event ids are derived from it, making retries idempotent.
    public var requestId: String?
    /// The id of the event or command that caused this one.
    public var causationId: String?
    /// Groups every event of one business operation (e.g. one day close).
    public var correlationId: String?

    public init(
        actor: String, reason: String? = nil, requestId: String? = nil,
        causationId: String? = nil, correlationId: String? = nil
    ) {
        self.actor = actor
        self.reason = reason
        self.requestId = requestId
        self.causationId = causationId
        self.correlationId = correlationId
    }
}
