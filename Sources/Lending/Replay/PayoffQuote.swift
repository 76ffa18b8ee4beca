/// What settles a loan on a date, with its parts.
///
/// `amount == principal + interest + penalty + refundShortfall`.
public struct PayoffQuote: Sendable, Hashable, Codable {
    /// The payment date quoted for.
    public var date: BusinessDate
    /// The whole amount that settles the loan.
    public var amount: Money
    /// Due principal plus all not-yet-due principal.
    public var principal: Money
    /// Due interest plus current-period interest net of interest paid in advance.
    public var interest: Money
    /// Unpaid penalty accrued through the date.
    public var penalty: Money
    /// A refund that replay showed was not owed, to be paid back.
    public var refundShortfall: Money

    /// Creates a quote.
    public init(
        date: BusinessDate, principal: Money, interest: Money, penalty: Money,
        refundShortfall: Money = .zero
    ) {
        self.date = date
        self.principal = principal
        self.interest = interest
        self.penalty = penalty
        self.refundShortfall = refundShortfall
        self.amount = principal + interest + penalty + refundShortfall
    }
}
