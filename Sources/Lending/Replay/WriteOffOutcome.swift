/// What a write-off took off the books, and how much of it has been recovered since.
public struct WriteOffOutcome: Sendable, Hashable, Codable {
    /// The write-off date (accrual stops after this day).
    public var date: BusinessDate
    /// Unpaid principal written off (all installments, due or not).
    public var principal: Money
    /// Unpaid interest of installments due on or before the date.
    public var interest: Money
    /// Unpaid penalty accrued through the date.
    public var penalty: Money
    /// Principal recovered since.
    public var recoveredPrincipal: Money
    /// Interest recovered since.
    public var recoveredInterest: Money
    /// Penalty recovered since.
    public var recoveredPenalty: Money

    /// Creates an outcome (replay builds these).
    public init(
        date: BusinessDate, principal: Money, interest: Money, penalty: Money,
        recoveredPrincipal: Money = .zero, recoveredInterest: Money = .zero,
        recoveredPenalty: Money = .zero
    ) {
        self.date = date
        self.principal = principal
        self.interest = interest
        self.penalty = penalty
        self.recoveredPrincipal = recoveredPrincipal
        self.recoveredInterest = recoveredInterest
        self.recoveredPenalty = recoveredPenalty
    }

    /// Principal + interest + penalty written off.
    public var total: Money { principal + interest + penalty }
    /// Written off and not yet recovered.
    public var unrecovered: OverdueAmounts {
        OverdueAmounts(
            principal: principal - recoveredPrincipal, interest: interest - recoveredInterest,
            penalty: penalty - recoveredPenalty)
    }
}
