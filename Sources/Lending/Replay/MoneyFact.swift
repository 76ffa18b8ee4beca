/// A money fact of one loan, as replayed by ``LoanReplay``.
///
/// Callers pass a loan's facts in log order; replay sorts them stably by ``effectiveDate``
/// (ties keep log order). The disbursement itself is the ``LoanContract``.
public enum MoneyFact: Sendable, Hashable, Codable {
    /// Money received on a day, identified by a reference unique across loans.
    case repayment(reference: PaymentReference, amount: Money, on: BusinessDate)
    /// A repayment bounced or charged back, learned on `learnedOn`. Its effect is at the
    /// original payment's date: replay proceeds as if that payment never existed.
    case reversal(reference: PaymentReference, learnedOn: BusinessDate)
    /// Penalty forgiven on a day, oldest installment first, capped at the penalty unpaid then.
    case penaltyWaiver(amount: Money, on: BusinessDate)
    /// A negotiated new equal-installment schedule of `termMonths` starting on a day.
    case restructure(termMonths: Int64, on: BusinessDate)
    /// Everything unpaid written off on a day; later repayments are recoveries.
    case writeOff(on: BusinessDate)
    /// Overpaid balance paid back to the customer.
    case refund(reference: PaymentReference, amount: Money, on: BusinessDate)

    /// The business date the fact takes effect.
    ///
    /// For a reversal this is the day it was learned; replay nonetheless removes the reversed
    /// payment from its own date (see ``LoanReplay/evaluate(_:facts:asOf:)``).
    public var effectiveDate: BusinessDate {
        switch self {
        case .repayment(_, _, let on): return on
        case .reversal(_, let learnedOn): return learnedOn
        case .penaltyWaiver(_, let on): return on
        case .restructure(_, let on): return on
        case .writeOff(let on): return on
        case .refund(_, _, let on): return on
        }
    }
}
