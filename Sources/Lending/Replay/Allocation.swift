/// How one repayment was split, as replayed.
///
/// `penalty + interest + principal + overpaid + recovery + refundShortfall == amount`.
public struct Allocation: Sendable, Hashable, Codable {
    /// Paid to penalty.
    public var penalty: Money
    /// Paid to interest.
    public var interest: Money
    /// Paid to principal.
    public var principal: Money
    /// Beyond what was owed: becomes overpaid balance.
    public var overpaid: Money
    /// Recovered principal of a written-off loan.
    public var recoveredPrincipal: Money
    /// Recovered interest of a written-off loan.
    public var recoveredInterest: Money
    /// Recovered penalty of a written-off loan.
    public var recoveredPenalty: Money
    /// Paid back a refund that replay later showed was not owed.
    public var refundShortfall: Money

    /// Creates a split; omitted parts are zero.
    public init(
        penalty: Money = .zero, interest: Money = .zero, principal: Money = .zero,
        overpaid: Money = .zero, recoveredPrincipal: Money = .zero,
        recoveredInterest: Money = .zero, recoveredPenalty: Money = .zero,
        refundShortfall: Money = .zero
    ) {
        self.penalty = penalty
        self.interest = interest
        self.principal = principal
        self.overpaid = overpaid
        self.recoveredPrincipal = recoveredPrincipal
        self.recoveredInterest = recoveredInterest
        self.recoveredPenalty = recoveredPenalty
        self.refundShortfall = refundShortfall
    }

    /// Everything recovered after a write-off.
    public var recovery: Money { recoveredPrincipal + recoveredInterest + recoveredPenalty }

    /// The whole amount allocated.
    public var total: Money {
        penalty + interest + principal + overpaid + recovery + refundShortfall
    }
}
