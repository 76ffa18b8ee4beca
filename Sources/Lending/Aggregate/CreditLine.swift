/// The state of a customer's credit line, folded from its events.
public struct CreditLine: Sendable, Hashable {
    /// Open or closed; frozen is derived from ``freezeReasons``.
    public enum Lifecycle: String, Sendable, Hashable, Codable { case open, closed }

    /// `active`, `frozen` or `closed`, as shown to users.
    public enum Status: String, Sendable, Hashable, Codable { case active, frozen, closed }

    public var lifecycle: Lifecycle
    public var limit: Money
    public var freezeReasons: Set<FreezeReason>
    public var openedOn: BusinessDate
    /// Why it was closed, while closed.
    public var closure: LineClosure?
    /// Every limit in force, with the date it took effect.
    public var limitHistory: [LimitChange]

    /// A limit taking effect on a date.
    public struct LimitChange: Sendable, Hashable, Codable {
        public var effectiveDate: BusinessDate
        public var limit: Money
    }

    /// The status users see: closed wins over frozen.
    public var status: Status {
        if lifecycle == .closed { return .closed }
        return freezeReasons.isEmpty ? .active : .frozen
    }
}
