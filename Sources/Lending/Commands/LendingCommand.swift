/// What a user or system asks the customer aggregate to do. Values are already parsed and
/// checked on their face (the caller maps those failures to exit 64); `decide` checks the rules
/// that need the state.
public enum LendingCommand: Sendable, Hashable {
    /// Open the customer's credit line with a limit of 0.00 … 1,000,000.00.
    case openLine(limit: Money, on: BusinessDate)
    /// Raise or lower the limit (below the outstanding principal is allowed).
    case adjustLimit(limit: Money, on: BusinessDate)
    /// Add the `manual` freeze reason.
    case freezeLine(on: BusinessDate)
    /// Remove the `manual` freeze reason only.
    case unfreezeLine(on: BusinessDate)
    /// Close the line by hand: no new loans, existing loans run on.
    case closeLine(on: BusinessDate)
    /// Reopen a closed line with a limit; refused while a loan is overdue or written off.
    case reopenLine(limit: Money, on: BusinessDate)
    /// Draw a loan on an active line within the available credit.
    case disburse(DisbursementRequest)
    /// Receive a repayment, at most the payoff on its date; a repeated reference with the same
    /// loan, amount and date is applied once.
    case repay(loan: LoanID, amount: Money, on: BusinessDate, reference: PaymentReference,
               channel: String?)
    /// Reverse a repayment by its reference; `on` is the day the reversal was learned.
    case reverse(loan: LoanID, reference: PaymentReference, on: BusinessDate)
    /// Pay back (part of) the overpaid balance.
    case refund(loan: LoanID, amount: Money, on: BusinessDate, reference: PaymentReference)
    /// Waive penalty, at most the penalty unpaid on the date.
    case waivePenalty(loan: LoanID, amount: Money, on: BusinessDate)
    /// Replace the schedule with a new equal-installment one of 3 … 36 months.
    case restructure(loan: LoanID, termMonths: Int64, on: BusinessDate)
    /// Write off everything unpaid; allowed from DPD 91.
    case writeOff(loan: LoanID, on: BusinessDate)
    /// Record a collection action that passes every compliance rule.
    case recordCollectionAction(CollectionActionRequest)
    /// Open a dispute on a loan: collection pauses.
    case openDispute(loan: LoanID, on: BusinessDate)
    /// Resolve the open dispute as upheld or rejected.
    case resolveDispute(loan: LoanID, on: BusinessDate, outcome: DisputeOutcome, note: String)

    /// The business date the command's own fact is effective on.
    public var date: BusinessDate {
        switch self {
        case .openLine(_, let d), .adjustLimit(_, let d), .freezeLine(let d), .unfreezeLine(let d),
            .closeLine(let d), .reopenLine(_, let d):
            return d
        case .disburse(let request): return request.on
        case .repay(_, _, let d, _, _), .reverse(_, _, let d), .refund(_, _, let d, _),
            .waivePenalty(_, _, let d), .restructure(_, _, let d), .writeOff(_, let d),
            .openDispute(_, let d), .resolveDispute(_, let d, _, _):
            return d
        case .recordCollectionAction(let request): return request.at.date
        }
    }

    /// The loan the command names, if any.
    public var loan: LoanID? {
        switch self {
        case .openLine, .adjustLimit, .freezeLine, .unfreezeLine, .closeLine, .reopenLine:
            return nil
        case .disburse(let request): return request.loanId
        case .repay(let l, _, _, _, _), .reverse(let l, _, _), .refund(let l, _, _, _),
            .waivePenalty(let l, _, _), .restructure(let l, _, _), .writeOff(let l, _),
            .openDispute(let l, _), .resolveDispute(let l, _, _, _):
            return l
        case .recordCollectionAction(let request): return request.loanId
        }
    }
}

/// A request to draw a loan on a credit line.
public struct DisbursementRequest: Sendable, Hashable {
    /// The new loan's id (unique across customers).
    public var loanId: LoanID
    /// The amount drawn: 10.00 … 200,000.00.
    public var principal: Money
    /// Contractual terms, recorded with the schedule in `LoanDisbursed`.
    public var terms: LoanTerms
    /// The disbursement date.
    public var on: BusinessDate

    /// Creates a request, checking the values on their face.
    /// - Throws: ``LendingError/invalidInput(field:value:rule:)`` for a principal outside
    ///   10.00–200,000.00, a term not in {3, 6, 9, 12}, grace outside 0–15.
    public init(loanId: LoanID, principal: Money, terms: LoanTerms, on: BusinessDate)
        throws(LendingError)
    {
        guard principal >= LendingLimits.principalMin, principal <= LendingLimits.principalMax
        else {
            throw .invalid("amount", principal.description,
                           "loan principal must be between 10.00 and 200000.00")
        }
        guard LendingLimits.disbursementTermsMonths.contains(terms.termMonths) else {
            throw .invalid("term", String(terms.termMonths), "must be 3, 6, 9 or 12 months")
        }
        guard terms.graceDays >= LendingLimits.graceDaysMin,
            terms.graceDays <= LendingLimits.graceDaysMax
        else { throw .invalid("grace-days", String(terms.graceDays), "must be 0 to 15") }
        self.loanId = loanId
        self.principal = principal
        self.terms = terms
        self.on = on
    }
}
