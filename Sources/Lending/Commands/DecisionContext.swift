/// What `decide` knows besides the state: the business calendar and the policy in force.
public struct DecisionContext: Sendable, Hashable {
    /// Today in Asia/Shanghai (from the injected clock).
    public var today: BusinessDate
    /// The last business day end of day has closed, if any. Facts effective on or before it
    /// are backdated.
    public var lastClosedDay: BusinessDate?
    /// Collection policies by effective date.
    public var policies: CollectionPolicyBook
    /// The current Shanghai wall-clock time, when the caller has it: a timed fact (a
    /// collection action) later than this is refused. Nil checks the date against ``today``
    /// only.
    public var now: LocalTime?

    /// Creates a context.
    /// - Parameters:
    ///   - today: Today in Asia/Shanghai.
    ///   - lastClosedDay: The last day end of day closed, if any.
    ///   - policies: Every collection policy version.
    ///   - now: The current Shanghai time, for timed facts (its date should be `today`).
    public init(today: BusinessDate, lastClosedDay: BusinessDate?, policies: CollectionPolicyBook,
                now: LocalTime? = nil)
    {
        self.today = today
        self.lastClosedDay = lastClosedDay
        self.policies = policies
        self.now = now
    }

    /// True when a fact effective on `date` is backdated (on or before the last closed day).
    public func isBackdated(_ date: BusinessDate) -> Bool {
        guard let closed = lastClosedDay else { return false }
        return date <= closed
    }
}
