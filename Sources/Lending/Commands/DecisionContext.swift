/// What `decide` knows besides the state: the business calendar and the policy in force.
public struct DecisionContext: Sendable, Hashable {
    /// Today in Asia/Shanghai (from the injected clock).
    public var today: BusinessDate
    /// The last business day end of day has closed, if any. Facts effective on or before it
    /// are backdated.
    public var lastClosedDay: BusinessDate?
    /// Collection policies by effective date.
    public var policies: CollectionPolicyBook

    public init(today: BusinessDate, lastClosedDay: BusinessDate?, policies: CollectionPolicyBook) {
        self.today = today
        self.lastClosedDay = lastClosedDay
        self.policies = policies
    }

    /// True when a fact effective on `date` is backdated (on or before the last closed day).
    public func isBackdated(_ date: BusinessDate) -> Bool {
        guard let closed = lastClosedDay else { return false }
        return date <= closed
    }
}
