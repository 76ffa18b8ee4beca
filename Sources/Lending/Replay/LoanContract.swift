/// What a loan's money replay starts from: the disbursement, its terms and its schedule.
///
/// Built once at disbursement (``make(loanId:customerId:principal:disbursedOn:terms:)``) and
/// recorded in `LoanDisbursed`; replay reads the recorded schedule, never a rebuilt one.
public struct LoanContract: Sendable, Hashable, Codable {
    /// The loan.
    public var loanId: LoanID
    /// Its borrower.
    public var customerId: CustomerID
    /// The amount disbursed.
    public var principal: Money
    /// The disbursement date (start of the first period).
    public var disbursedOn: BusinessDate
    /// Contractual terms (rate, method, term, grace, penalty multiplier).
    public var terms: LoanTerms
    /// The schedule in force.
    public var schedule: [ScheduledInstallment]

    /// Creates a contract from its recorded parts.
    public init(
        loanId: LoanID, customerId: CustomerID, principal: Money, disbursedOn: BusinessDate,
        terms: LoanTerms, schedule: [ScheduledInstallment]
    ) {
        self.loanId = loanId
        self.customerId = customerId
        self.principal = principal
        self.disbursedOn = disbursedOn
        self.terms = terms
        self.schedule = schedule
    }

    /// A contract with its schedule built by ``ScheduleBuilder`` from the terms.
    ///
    /// ```swift
    /// let contract = LoanContract.make(
    ///     loanId: loan, customerId: customer, principal: .yuan(10_000),
    ///     disbursedOn: day, terms: LoanTerms(dailyRate: rate, method: .equalInstallment,
    ///                                        termMonths: 12))
    /// ```
    /// - Precondition: the terms are valid (checked by the caller against ``LendingLimits``).
    public static func make(
        loanId: LoanID, customerId: CustomerID, principal: Money, disbursedOn: BusinessDate,
        terms: LoanTerms
    ) -> LoanContract {
        let schedule = ScheduleBuilder.build(
            principal: principal, dailyRate: terms.dailyRate, method: terms.method,
            termMonths: terms.termMonths, start: disbursedOn)
        return LoanContract(
            loanId: loanId, customerId: customerId, principal: principal,
            disbursedOn: disbursedOn, terms: terms, schedule: schedule)
    }
}
