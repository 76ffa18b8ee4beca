/// Lifetime money totals of a loan, as replayed to a date.
///
/// Conservation: `disbursed + capitalisedInterest == outstandingPrincipal + paidPrincipal +
/// recoveredPrincipal` (outstanding includes written-off principal not yet recovered), and
/// equivalently `== on-book principal + paidPrincipal + principal written off`.
public struct LoanTotals: Sendable, Hashable, Codable {
    /// Principal disbursed.
    public var disbursed: Money = .zero
    /// Interest turned into principal by restructures.
    public var capitalisedInterest: Money = .zero
    /// Principal paid on installments (recoveries after a write-off are not included).
    public var paidPrincipal: Money = .zero
    /// Interest paid on installments.
    public var paidInterest: Money = .zero
    /// Penalty paid on installments.
    public var paidPenalty: Money = .zero
    /// Penalty waived (waivers and restructures).
    public var waivedPenalty: Money = .zero
    /// Principal + interest + penalty written off.
    public var writtenOff: Money = .zero
    /// Recovered after a write-off (principal + interest + penalty).
    public var recovered: Money = .zero
    /// Of ``recovered``, principal.
    public var recoveredPrincipal: Money = .zero
    /// Repayments beyond what was owed.
    public var overpaid: Money = .zero
    /// Refunds paid to the customer.
    public var refunded: Money = .zero
    /// Repaid refund shortfall (refunds that later replay showed were not owed).
    public var refundShortfallPaid: Money = .zero

    /// Zero totals.
    public init() {}
}
