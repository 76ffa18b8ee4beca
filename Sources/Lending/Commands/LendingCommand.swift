/// What a user or system asks the customer aggregate to do. Values are already parsed and
/// checked on their face (the caller maps those failures to exit 64); `decide` checks the rules
/// that need the state.
public enum LendingCommand: Sendable, Hashable {
    case openLine(limit: Money, on: BusinessDate)
    case adjustLimit(limit: Money, on: BusinessDate)
    case freezeLine(on: BusinessDate)
    case unfreezeLine(on: BusinessDate)
    case closeLine(on: BusinessDate)
    case reopenLine(limit: Money, on: BusinessDate)
    case disburse(DisbursementRequest)
    case repay(loan: LoanID, amount: Money, on: BusinessDate, reference: PaymentReference,
               channel: String?)
    case reverse(loan: LoanID, reference: PaymentReference, on: BusinessDate)
    case refund(loan: LoanID, amount: Money, on: BusinessDate, reference: PaymentReference)
    case waivePenalty(loan: LoanID, amount: Money, on: BusinessDate)
    case restructure(loan: LoanID, termMonths: Int64, on: BusinessDate)
    case writeOff(loan: LoanID, on: BusinessDate)
    case recordCollectionAction(CollectionActionRequest)
    case openDispute(loan: LoanID, on: BusinessDate)
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
    public var loanId: LoanID
    public var principal: Money
    public var terms: LoanTerms
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
