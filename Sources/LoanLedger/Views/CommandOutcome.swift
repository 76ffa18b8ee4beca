import EventStore
import Lending
import Projections

/// What a command wrote (or, for a repeated request or reference, what the first one wrote).
public struct CommandOutcome: Sendable {
    public var customer: CustomerID
    /// The events, as stored.
    public var events: [EventCodec.Decoded]
    /// True when nothing new was written: the request id or repayment reference was applied
    /// before and these are the first result's events.
    public var wasDuplicate: Bool
    /// The customer after the command.
    public var state: CustomerState
}
