// Money facts of a loan: recomputed in business order on every replay.

/// A loan was drawn: carries the full contract (terms and schedule in force).
public struct LoanDisbursed: LendingEventPayload {
    public static let type = "LoanDisbursed"
    public var contract: LoanContract
    public var loanId: LoanID? { contract.loanId }
    public init(contract: LoanContract) { self.contract = contract }
}

/// A repayment arrived; `allocation` is its split as known when it was received.
public struct RepaymentReceived: LendingEventPayload {
    public static let type = "RepaymentReceived"
    public var loan: LoanID
    public var reference: PaymentReference
    public var amount: Money
    /// The business date the money was received (the event's effective date).
    public var receivedOn: BusinessDate
    public var channel: String?
    public var allocation: Allocation
    public var loanId: LoanID? { loan }
    public init(
        loan: LoanID, reference: PaymentReference, amount: Money, receivedOn: BusinessDate,
        channel: String?, allocation: Allocation
    ) {
        self.loan = loan
        self.reference = reference
        self.amount = amount
        self.receivedOn = receivedOn
        self.channel = channel
        self.allocation = allocation
    }
}

/// A later (backdated) fact changed how an earlier payment is allocated.
public struct RepaymentReallocated: LendingEventPayload {
    public static let type = "RepaymentReallocated"
    public var loan: LoanID
    public var reference: PaymentReference
    public var previous: Allocation
    public var current: Allocation
    /// What caused it, e.g. `repayment PAY-9` or `reversal PAY-3`.
    public var cause: String
    public var loanId: LoanID? { loan }
    public init(
        loan: LoanID, reference: PaymentReference, previous: Allocation, current: Allocation,
        cause: String
    ) {
        self.loan = loan
        self.reference = reference
        self.previous = previous
        self.current = current
        self.cause = cause
    }
}

/// A repayment bounced or was charged back. Effective on the day it was learned; its effect is
/// at the payment's own date (`paymentDate`).
public struct RepaymentReversed: LendingEventPayload {
    public static let type = "RepaymentReversed"
    public var loan: LoanID
    public var reference: PaymentReference
    public var amount: Money
    public var paymentDate: BusinessDate
    public var loanId: LoanID? { loan }
    public init(loan: LoanID, reference: PaymentReference, amount: Money, paymentDate: BusinessDate) {
        self.loan = loan
        self.reference = reference
        self.amount = amount
        self.paymentDate = paymentDate
    }
}

/// An overpaid balance was paid back to the customer.
public struct RefundIssued: LendingEventPayload {
    public static let type = "RefundIssued"
    public var loan: LoanID
    public var reference: PaymentReference
    public var amount: Money
    public var loanId: LoanID? { loan }
    public init(loan: LoanID, reference: PaymentReference, amount: Money) {
        self.loan = loan
        self.reference = reference
        self.amount = amount
    }
}

/// Penalty was waived (oldest installment first), e.g. after an upheld dispute.
public struct PenaltyWaived: LendingEventPayload {
    public static let type = "PenaltyWaived"
    public var loan: LoanID
    public var amount: Money
    public var loanId: LoanID? { loan }
    public init(loan: LoanID, amount: Money) {
        self.loan = loan
        self.amount = amount
    }
}

/// A negotiated new schedule; the outcome is as computed when it was agreed.
public struct LoanRestructured: LendingEventPayload {
    public static let type = "LoanRestructured"
    public var loan: LoanID
    public var termMonths: Int64
    public var outcome: RestructureOutcome
    public var loanId: LoanID? { loan }
    public init(loan: LoanID, termMonths: Int64, outcome: RestructureOutcome) {
        self.loan = loan
        self.termMonths = termMonths
        self.outcome = outcome
    }
}

/// Every unpaid amount was written off; later repayments are recoveries.
public struct LoanWrittenOff: LendingEventPayload {
    public static let type = "LoanWrittenOff"
    public var loan: LoanID
    public var principal: Money
    public var interest: Money
    public var penalty: Money
    public var loanId: LoanID? { loan }
    public init(loan: LoanID, principal: Money, interest: Money, penalty: Money) {
        self.loan = loan
        self.principal = principal
        self.interest = interest
        self.penalty = penalty
    }
}
