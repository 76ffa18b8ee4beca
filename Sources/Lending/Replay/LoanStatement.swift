/// A loan's money position as of a business date: the answer to every balance query.
///
/// Produced by ``LoanReplay/evaluate(_:facts:asOf:)`` from the contract and the money facts;
/// never stored as truth (read models may cache it).
public struct LoanStatement: Sendable, Hashable, Codable {
    /// The date evaluated (facts dated later are ignored; accrual runs through this day).
    public var asOf: BusinessDate
    /// The contract with the schedule in force (after restructures: the last new schedule,
    /// method equal-installment and its term; principal and disbursement date unchanged).
    public var contract: LoanContract
    /// The loan status.
    public var status: LoanStatus
    /// The day the loan last became fully paid (or fully recovered), if it is closed.
    public var closedOn: BusinessDate?
    /// True once a restructure has been replayed.
    public var restructured: Bool
    /// The installments of the schedule in force.
    public var installments: [InstallmentState]
    /// Days past due: as-of date − due date of the oldest installment not fully paid
    /// (0 when none is past its due date).
    public var dpd: Int64
    /// Unpaid amounts of installments past their due date (within grace or not).
    public var overdue: OverdueAmounts
    /// Principal owed: unpaid principal of the schedule in force (including capitalised
    /// interest) plus written-off principal not yet recovered.
    public var outstandingPrincipal: Money
    /// Lifetime totals.
    public var totals: LoanTotals
    /// The split of each repayment as replayed, by reference.
    public var allocations: [PaymentReference: Allocation]
    /// Restructures, in business order.
    public var restructures: [RestructureOutcome]
    /// The write-off, if any.
    public var writeOff: WriteOffOutcome?
    /// True when an installment is overdue (past grace and unpaid) on the as-of date.
    public var isOverdue: Bool
    /// Runs of days on which at least one installment was overdue; the last one has
    /// `through == nil` when the loan is still overdue on the as-of date. A run ends on the
    /// day of the payment (or restructure) that cured it.
    public var overdueSpans: [DateSpan]
    /// The earliest due date on or after the as-of date of an installment not fully paid.
    public var nextDueDate: BusinessDate?
    /// Overpaid balance waiting to be refunded.
    public var overpaidBalance: Money
    /// Refunded beyond the overpaid balance (after a later reversal); owed by the customer.
    public var refundShortfall: Money
    /// What settles the loan on the as-of date.
    public var payoff: PayoffQuote
}
