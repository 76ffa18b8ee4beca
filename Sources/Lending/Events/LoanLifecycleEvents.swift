// Operational facts about a loan: what the company did and knew. Read, never recomputed;
// corrected by new events that name the business date they correct from.

/// Why a loan closed.
public enum LoanClosure: String, Sendable, Hashable, Codable {
    case paidOff = "paid-off"
}

/// The loan was fully repaid.
public struct LoanClosed: LendingEventPayload {
    public static let type = "LoanClosed"
    public var loan: LoanID
    public var reason: LoanClosure
    public var loanId: LoanID? { loan }
    public init(loan: LoanID, reason: LoanClosure) {
        self.loan = loan
        self.reason = reason
    }
}

/// A closed loan has a balance again (a reversal or a backdated correction).
public struct LoanReopened: LendingEventPayload {
    public static let type = "LoanReopened"
    public var loan: LoanID
    /// e.g. `reversal PAY-3`.
    public var cause: String
    public var loanId: LoanID? { loan }
    public init(loan: LoanID, cause: String) {
        self.loan = loan
        self.cause = cause
    }
}

/// An installment stayed unpaid past its grace period.
public struct InstallmentOverdue: LendingEventPayload {
    public static let type = "InstallmentOverdue"
    public var loan: LoanID
    public var installment: Int64
    public var dueDate: BusinessDate
    public var loanId: LoanID? { loan }
    public init(loan: LoanID, installment: Int64, dueDate: BusinessDate) {
        self.loan = loan
        self.installment = installment
        self.dueDate = dueDate
    }
}

/// Why a loan is no longer overdue.
public enum CureReason: String, Sendable, Hashable, Codable {
    /// A repayment paid everything past grace.
    case payment
    /// A backdated repayment proved the loan was not overdue (a correction).
    case backdatedRepayment = "backdated-repayment"
    /// A restructure replaced the schedule (DPD back to 0).
    case restructure
    /// A waiver or another correction.
    case correction
}

/// Nothing of the loan is past due beyond grace any more.
public struct LoanCured: LendingEventPayload {
    public static let type = "LoanCured"
    public var loan: LoanID
    public var reason: CureReason
    /// For a correction: the business date from which the overdue record was wrong.
    public var correctsFrom: BusinessDate?
    public var loanId: LoanID? { loan }
    public init(loan: LoanID, reason: CureReason, correctsFrom: BusinessDate? = nil) {
        self.loan = loan
        self.reason = reason
        self.correctsFrom = correctsFrom
    }
}
