/// What compliance needs to know about a loan on the action's Shanghai date.
///
/// The caller computes these from the customer's replayed state (the domain stays pure and the
/// checker does not need the whole aggregate), then calls
/// ``Compliance/check(_:facts:policy:)``.
public struct ComplianceFacts: Sendable, Hashable, Codable {
    /// The loan's collection stage on the action's date.
    public var stage: CollectionStage
    /// The loan's overdue amount on the action's date.
    public var overdueAmount: Money
    /// True when the loan is closed or paid off. A written-off loan is not closed: recoveries
    /// are still collected.
    public var loanIsClosed: Bool
    /// True while a dispute on the loan is open (collection is paused).
    public var disputeOpen: Bool
    /// Calls already recorded for this loan on the action's Shanghai date.
    public var callsOnSameShanghaiDay: Int
    /// Earlier overdue episodes of this customer that have ended.
    public var endedOverdueEpisodes: Int
    /// The loan's days past due on the action's date, when the caller has it: refusal messages
    /// show it. Compliance decides on ``stage`` alone.
    public var dpd: Int64?

    /// Creates the facts.
    /// - Precondition: the counts and `dpd` are not negative.
    public init(
        stage: CollectionStage, overdueAmount: Money, loanIsClosed: Bool, disputeOpen: Bool,
        callsOnSameShanghaiDay: Int, endedOverdueEpisodes: Int, dpd: Int64? = nil
    ) {
        precondition(callsOnSameShanghaiDay >= 0, "a call count is never negative")
        precondition(endedOverdueEpisodes >= 0, "an episode count is never negative")
        precondition((dpd ?? 0) >= 0, "days past due are never negative")
        self.stage = stage
        self.overdueAmount = overdueAmount
        self.loanIsClosed = loanIsClosed
        self.disputeOpen = disputeOpen
        self.callsOnSameShanghaiDay = callsOnSameShanghaiDay
        self.endedOverdueEpisodes = endedOverdueEpisodes
        self.dpd = dpd
    }
}
