import Lending

extension DemoSimulation {
    /// Actor of line and loan operations.
    static let operationsActor = "ops.demo"
    /// Actor of repayments arriving from the payment gateway.
    static let paymentsActor = "payments:gateway"
    /// Days a refused disbursement waits before it is tried again.
    static let disbursementRetryDays: Int64 = 15
    /// Attempts before a planned loan is dropped (its line stayed frozen or full).
    static let disbursementAttemptsMax = 4

    func openLine(_ customer: Int) throws(DemoError) {
        let owner = customers[customer]
        try execute(.openLine(limit: owner.limit, on: today), customer: customer,
                    actor: Self.operationsActor, reason: "credit approved",
                    step: "open line of \(owner.id)")
    }

    /// Draws a planned loan when the line is active and has the credit; otherwise tries again
    /// later, as a lender would — the check is the ledger's own answer, never a guess.
    func disburse(_ index: Int) throws(DemoError) {
        let loan = loans[index]
        let customer = customers[loan.customer].id
        let line: CreditLineView
        do {
            line = try ledger.creditLine(customer, asOf: today)
        } catch {
            throw .commandFailed(step: "credit show \(customer)", error: error)
        }
        let principal = Money.min(loan.principal, Money(fen: line.available.fen / 10_000 * 10_000))
        guard line.status == .active, principal >= .yuan(1_000) else {
            loans[index].attempts += 1
            if loans[index].attempts < Self.disbursementAttemptsMax {
                plan(.disburse(loan: index), on: today.adding(days: Self.disbursementRetryDays),
                     minute: Self.openingMinute + 20)
            } else {
                loans[index].isFinished = true
            }
            return
        }
        let request: DisbursementRequest
        do {
            request = try DisbursementRequest(loanId: loan.id, principal: principal,
                                              terms: loan.terms, on: today)
        } catch {
            throw .commandFailed(step: "disburse \(loan.id)", error: .lending(error))
        }
        loans[index].principal = principal
        try execute(.disburse(request), customer: loan.customer, actor: Self.operationsActor,
                    step: "disburse \(loan.id)")
        scheduleNextPayment(index)
    }

    /// Reopens a line closed at DPD 91 once its arrears are paid.
    func reopenLine(_ customer: Int) throws(DemoError) {
        let owner = customers[customer]
        try execute(.reopenLine(limit: owner.limit, on: today), customer: customer,
                    actor: "risk.chen", reason: "arrears repaid in full; line reviewed",
                    step: "reopen line of \(owner.id)")
        // Borrowing again shows the reopened line works: same stream, whole history.
        let number = customers[customer].loans.count + 1
        let id = "L-\(String(customer + 1).leftPadded(to: 4))-\(number)"
        let terms = LoanTerms(dailyRate: DailyRate(millionths: 500), method: .equalInstallment,
                              termMonths: 6)
        loans.append(DemoLoan(id: LoanID(validated: id), customer: customer,
                              principal: .yuan(5_000), terms: terms, behaviour: .punctual))
        customers[customer].loans.append(loans.count - 1)
        plan(.disburse(loan: loans.count - 1), on: today.adding(days: 10),
             minute: Self.openingMinute + 20)
    }
}
