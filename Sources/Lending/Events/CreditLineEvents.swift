// The credit line's facts. Who appended them and why travels in the event metadata.

/// A customer's credit line was opened with a limit.
public struct CreditLineOpened: LendingEventPayload {
    public static let type = "CreditLineOpened"
    public var customerId: CustomerID
    public var limit: Money
    public var loanId: LoanID? { nil }
    public init(customerId: CustomerID, limit: Money) {
        self.customerId = customerId
        self.limit = limit
    }
}

/// The limit was raised or lowered (lowering below the outstanding principal is allowed).
public struct CreditLimitAdjusted: LendingEventPayload {
    public static let type = "CreditLimitAdjusted"
    public var customerId: CustomerID
    public var previousLimit: Money
    public var limit: Money
    public var loanId: LoanID? { nil }
    public init(customerId: CustomerID, previousLimit: Money, limit: Money) {
        self.customerId = customerId
        self.previousLimit = previousLimit
        self.limit = limit
    }
}

/// A freeze reason was added to the line.
public struct CreditLineFrozen: LendingEventPayload {
    public static let type = "CreditLineFrozen"
    public var customerId: CustomerID
    public var reason: FreezeReason
    /// The loan that caused an `overdue` or `restructured` freeze.
    public var causedByLoan: LoanID?
    public var loanId: LoanID? { causedByLoan }
    public init(customerId: CustomerID, reason: FreezeReason, causedByLoan: LoanID? = nil) {
        self.customerId = customerId
        self.reason = reason
        self.causedByLoan = causedByLoan
    }
}

/// A freeze reason was removed from the line.
public struct CreditLineUnfrozen: LendingEventPayload {
    public static let type = "CreditLineUnfrozen"
    public var customerId: CustomerID
    public var reason: FreezeReason
    /// For a correction: the business date from which the freeze turned out to be wrong.
    public var correctsFrom: BusinessDate?
    public var loanId: LoanID? { nil }
    public init(customerId: CustomerID, reason: FreezeReason, correctsFrom: BusinessDate? = nil) {
        self.customerId = customerId
        self.reason = reason
        self.correctsFrom = correctsFrom
    }
}

/// Why a line was closed.
public enum LineClosure: String, Sendable, Hashable, Codable {
    /// Closed by hand, with a reason.
    case manual
    /// Closed automatically when a loan reached DPD 91.
    case dpd91 = "dpd-91"
}

/// The line was closed: no new loans; existing loans run and are repaid as usual.
public struct CreditLineClosed: LendingEventPayload {
    public static let type = "CreditLineClosed"
    public var customerId: CustomerID
    public var cause: LineClosure
    /// The loan that reached DPD 91, for an automatic close.
    public var causedByLoan: LoanID?
    public var loanId: LoanID? { causedByLoan }
    public init(customerId: CustomerID, cause: LineClosure, causedByLoan: LoanID? = nil) {
        self.customerId = customerId
        self.cause = cause
        self.causedByLoan = causedByLoan
    }
}

/// A closed line was reopened by hand with a (new) limit; same stream, whole history kept.
public struct CreditLineReopened: LendingEventPayload {
    public static let type = "CreditLineReopened"
    public var customerId: CustomerID
    public var limit: Money
    public var loanId: LoanID? { nil }
    public init(customerId: CustomerID, limit: Money) {
        self.customerId = customerId
        self.limit = limit
    }
}
