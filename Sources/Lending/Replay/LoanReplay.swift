/// The pure money engine: a loan's balances as of a date, recomputed from its money facts.
///
/// Every query, time-travel answer and command check goes through here. Facts are replayed in
/// business order (effective date, then the log order they were passed in); facts dated after
/// the as-of date are ignored; a reversed repayment is treated as never received.
public enum LoanReplay {
    /// The loan's statement as of `asOf`.
    ///
    /// ```swift
    /// let statement = LoanReplay.evaluate(contract, facts: facts, asOf: today)
    /// print(statement.dpd, statement.payoff.amount, statement.status)
    /// ```
    /// - Parameters:
    ///   - contract: The loan as disbursed (its recorded schedule).
    ///   - facts: The loan's money facts in log order (at most
    ///     ``LendingLimits/moneyFactsPerLoanMax``).
    ///   - asOf: The business date to evaluate; penalty accrues through this day.
    /// - Returns: Balances, installment states, allocations, outcomes and the payoff on `asOf`.
    /// - Complexity: O(f log f + f × n) for f facts and n installments; no per-day loops.
    public static func evaluate(
        _ contract: LoanContract, facts: [MoneyFact], asOf: BusinessDate
    ) -> LoanStatement {
        ReplayEngine.run(contract, facts: facts, asOf: asOf).statement(asOf: asOf)
    }

    /// What a repayment on `date` must be to settle the loan, with its parts.
    ///
    /// duePart + notDuePrincipal + max(0, round(notDuePrincipal × daily × days) −
    /// advanceInterestPaid); a same-day payoff (on a due date or the disbursement date) has
    /// no current-period interest; a written-off loan's payoff is what is not yet recovered.
    /// A refund shortfall, if any, is added.
    /// - Complexity: as ``evaluate(_:facts:asOf:)``.
    public static func payoff(
        _ contract: LoanContract, facts: [MoneyFact], on date: BusinessDate
    ) -> PayoffQuote {
        ReplayEngine.run(contract, facts: facts, asOf: date).payoffQuote(on: date)
    }

    /// The next date after `date` on which an installment's status or the loan's DPD can
    /// change without a new fact, or nil when none can (closed, written off, nothing unpaid).
    ///
    /// Candidates for each installment not fully paid on `date`: its due date (it becomes
    /// `due`), the day after (DPD leaves 0) and due + grace + 1 (it becomes `overdue`). While
    /// DPD is above 0 it also grows by one every day; thresholds on DPD (collection stages)
    /// are the caller's to add.
    /// - Complexity: as ``evaluate(_:facts:asOf:)``.
    public static func nextStateChange(
        _ contract: LoanContract, facts: [MoneyFact], after date: BusinessDate
    ) -> BusinessDate? {
        let engine = ReplayEngine.run(contract, facts: facts, asOf: date)
        guard engine.writeOff == nil else { return nil }
        var next: BusinessDate?
        for ledger in engine.ledgers where ledger.paidOn == nil {
            let candidates = [
                ledger.dueDate, ledger.dueDate.adding(days: 1),
                ledger.dueDate.adding(days: engine.graceDays + 1),
            ]
            for candidate in candidates where candidate > date {
                next = next.map { Swift.min($0, candidate) } ?? candidate
            }
        }
        return next
    }
}
