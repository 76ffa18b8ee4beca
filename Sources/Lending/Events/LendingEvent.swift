/// Every fact the lending domain records: the event catalogue (docs/events.md).
///
/// Names are past-tense facts. Amounts are integer fen, rates decimal strings, dates
/// `YYYY-MM-DD`. Each case's payload is a struct with its own ``LendingEventPayload/type``
/// and ``LendingEventPayload/schemaVersion``; old versions are upcast on read, never rewritten.
public enum LendingEvent: Sendable, Hashable {
    case creditLineOpened(CreditLineOpened)
    case creditLimitAdjusted(CreditLimitAdjusted)
    case creditLineFrozen(CreditLineFrozen)
    case creditLineUnfrozen(CreditLineUnfrozen)
    case creditLineClosed(CreditLineClosed)
    case creditLineReopened(CreditLineReopened)
    case loanDisbursed(LoanDisbursed)
    case repaymentReceived(RepaymentReceived)
    case repaymentReallocated(RepaymentReallocated)
    case repaymentReversed(RepaymentReversed)
    case refundIssued(RefundIssued)
    case penaltyWaived(PenaltyWaived)
    case loanRestructured(LoanRestructured)
    case loanWrittenOff(LoanWrittenOff)
    case loanClosed(LoanClosed)
    case loanReopened(LoanReopened)
    case installmentOverdue(InstallmentOverdue)
    case loanCured(LoanCured)
    case collectionStageChanged(CollectionStageChanged)
    case collectionActionRecorded(CollectionActionRecorded)
    case disputeOpened(DisputeOpened)
    case disputeResolved(DisputeResolved)

    /// The payload, type-erased.
    public var payload: any LendingEventPayload {
        switch self {
        case .creditLineOpened(let e): return e
        case .creditLimitAdjusted(let e): return e
        case .creditLineFrozen(let e): return e
        case .creditLineUnfrozen(let e): return e
        case .creditLineClosed(let e): return e
        case .creditLineReopened(let e): return e
        case .loanDisbursed(let e): return e
        case .repaymentReceived(let e): return e
        case .repaymentReallocated(let e): return e
        case .repaymentReversed(let e): return e
        case .refundIssued(let e): return e
        case .penaltyWaived(let e): return e
        case .loanRestructured(let e): return e
        case .loanWrittenOff(let e): return e
        case .loanClosed(let e): return e
        case .loanReopened(let e): return e
        case .installmentOverdue(let e): return e
        case .loanCured(let e): return e
        case .collectionStageChanged(let e): return e
        case .collectionActionRecorded(let e): return e
        case .disputeOpened(let e): return e
        case .disputeResolved(let e): return e
        }
    }

    /// The stored type name, e.g. `LoanDisbursed`.
    public var type: String { Swift.type(of: payload).type }

    /// The loan the event is about, if any.
    public var loanId: LoanID? { payload.loanId }
}

/// The payload of one event type.
public protocol LendingEventPayload: Sendable, Hashable, Codable {
    /// The stored type name.
    static var type: String { get }
    /// The current version of this payload's shape.
    static var schemaVersion: Int { get }
    /// The loan the event is about, if any.
    var loanId: LoanID? { get }
}

extension LendingEventPayload {
    public static var schemaVersion: Int { 1 }
}
