/// What is unpaid on installments past their due date (within grace or not).
///
/// After a write-off: the written-off amounts not yet recovered.
public struct OverdueAmounts: Sendable, Hashable, Codable {
    /// Unpaid principal.
    public var principal: Money
    /// Unpaid interest.
    public var interest: Money
    /// Unpaid penalty accrued through the as-of date.
    public var penalty: Money

    /// Creates amounts.
    public init(principal: Money = .zero, interest: Money = .zero, penalty: Money = .zero) {
        self.principal = principal
        self.interest = interest
        self.penalty = penalty
    }

    /// Principal + interest + penalty.
    public var total: Money { principal + interest + penalty }
}
