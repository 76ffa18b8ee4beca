/// The contractual terms of a loan, fixed at disbursement and recorded in `LoanDisbursed`.
///
/// Changing a product default never changes an old loan's replay, because replay reads these.
public struct LoanTerms: Sendable, Hashable, Codable {
    /// The daily interest rate.
    public var dailyRate: DailyRate
    /// How the schedule is built.
    public var method: RepaymentMethod
    /// Number of monthly installments.
    public var termMonths: Int64
    /// Days after a due date during which a full payment costs no penalty (0–15).
    public var graceDays: Int64
    /// Penalty daily rate = daily rate × this.
    public var penaltyMultiplier: PenaltyMultiplier

    /// Creates terms (validated by ``LendingLimits`` where they come from input).
    public init(
        dailyRate: DailyRate, method: RepaymentMethod, termMonths: Int64,
        graceDays: Int64 = LendingLimits.graceDaysDefault,
        penaltyMultiplier: PenaltyMultiplier = .standard
    ) {
        self.dailyRate = dailyRate
        self.method = method
        self.termMonths = termMonths
        self.graceDays = graceDays
        self.penaltyMultiplier = penaltyMultiplier
    }
}
