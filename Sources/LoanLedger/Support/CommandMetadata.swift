import Lending

/// Who runs a command, why, and the request id that makes a retry idempotent.
public struct CommandMetadata: Sendable, Hashable {
    public var actor: ActorID
    public var reason: String?
    /// Event ids are derived from it; repeating a request writes nothing new.
    public var requestId: String?

    public init(actor: ActorID, reason: String? = nil, requestId: String? = nil) {
        self.actor = actor
        self.reason = reason
        self.requestId = requestId
    }
}
