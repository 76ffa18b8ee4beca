extension CustomerState {
    /// The events end of day appends for this customer on `day`, effective on `day`:
    /// `InstallmentOverdue` for installments past grace, `LoanCured`, `CollectionStageChanged`,
    /// the `overdue` freeze reason, and `CreditLineClosed` at DPD 91.
    ///
    /// Pure and idempotent: run on a state that already holds that day's events it returns
    /// nothing, so closing a day twice appends nothing twice.
    /// - Parameters:
    ///   - day: The business day being closed.
    ///   - policy: The collection policy in force on `day`.
    ///   - only: The loans to visit (those whose state can change); nil visits all.
    /// - Complexity: O(visited loans × their facts × installments).
    public func closeDay(_ day: BusinessDate, policy: CollectionPolicy, only: Set<LoanID>? = nil)
        -> [DecidedEvent]
    {
        let reconciliation = OperationalReconciliation(
            comparedOn: day, effectiveOn: day, correctsFrom: nil, cureReason: .payment,
            policy: policy)
        var state = self
        var events: [DecidedEvent] = []
        for id in loanOrder where only?.contains(id) ?? true {
            reconciliation.reconcileLoan(id, state: &state, events: &events)
        }
        reconciliation.reconcileOverdueFreeze(state: &state, events: &events)
        return events
    }

    /// The first business day after `day` on which end of day could append something for this
    /// loan without a new fact: a fact already recorded with a later effective date (a payment
    /// made today, before today's close), a due date passing its grace, a DPD threshold of the
    /// policy, or penalty lifting the overdue amount to the large-debt threshold. Nil when
    /// nothing can change (closed, written off, and no later fact). Conservative: it may name a
    /// day on which nothing changes, never a day later than a change.
    public func nextReviewDate(of id: LoanID, after day: BusinessDate, policy: CollectionPolicy)
        -> BusinessDate?
    {
        guard let loan = loans[id] else { return nil }
        guard loan.contract.disbursedOn <= day else { return loan.contract.disbursedOn }
        // The statement below is as of `day`: it cannot see facts effective later, yet each of
        // them can change the stage or cure the loan on its own date.
        // So can a cure recorded for a later day: notices wait for it (see
        // `LoanRecord.recordedCuredOn`).
        let laterFact = (loan.facts.map(\.effectiveDate) + [loan.recordedCuredOn].compactMap { $0 })
            .filter { $0 > day }.min()
        let statement = loan.statement(asOf: day)
        guard statement.status == .active else { return laterFact }
        var candidates: [BusinessDate] = laterFact.map { [$0] } ?? []
        if let next = LoanReplay.nextStateChange(loan.contract, facts: loan.facts, after: day) {
            candidates.append(next)
        }
        let grace = loan.contract.terms.graceDays
        if statement.dpd > 0 {
            if let threshold = policy.nextThresholdDPD(after: statement.dpd, graceDays: grace) {
                candidates.append(day.adding(days: threshold - statement.dpd))
            }
            if let aging = LendingLimits.agingThresholdsDPD.first(where: { $0 > statement.dpd }) {
                candidates.append(day.adding(days: aging - statement.dpd))
            }
            if let crossing = largeDebtCrossing(statement, day: day, loan: loan, policy: policy) {
                candidates.append(crossing)
            }
        }
        return candidates.min()
    }

    /// ``nextReviewDate(of:after:policy:)`` under the policy in force the day after `day`, or
    /// the day the next policy version takes effect if that comes first: a new version can move
    /// a loan's stage on its first day without any new fact (regulation changes on a date).
    ///
    /// End of day that visits only the loans due for review must use this form when the
    /// policy book holds more than one version.
    /// - Parameters:
    ///   - id: The loan.
    ///   - day: The last day already reviewed (the last closed day).
    ///   - policies: Every collection policy version.
    /// - Returns: The next day to visit the loan, or nil when nothing can change any more.
    public func nextReviewDate(of id: LoanID, after day: BusinessDate,
                               policies: CollectionPolicyBook) -> BusinessDate?
    {
        guard loans[id] != nil else { return nil }
        let byPolicy = nextReviewDate(of: id, after: day, policy: policies.policy(on:
            day.adding(days: 1)))
        let nextVersion = policies.versions.first { $0.effectiveFrom > day }?.effectiveFrom
        return [byPolicy, nextVersion].compactMap { $0 }.min()
    }

    /// The first day the overdue amount could reach the large-debt threshold through penalty
    /// alone, while that could still move the stage (before the mid stage starts anyway).
    private func largeDebtCrossing(
        _ statement: LoanStatement, day: BusinessDate, loan: LoanRecord, policy: CollectionPolicy
    ) -> BusinessDate? {
        let total = statement.overdue.total
        guard total < policy.largeDebtThreshold, statement.dpd < policy.midStartDPD,
            statement.overdue.principal.isPositive
        else { return nil }
        let terms = loan.contract.terms
        // Upper bound of one day's penalty: exact product rounded up, plus a fen for rounding.
        let numerator = Int128(statement.overdue.principal.fen)
            * Int128(terms.dailyRate.millionths) * Int128(terms.penaltyMultiplier.hundredths)
        let denominator = Int128(DailyRate.scale) * 100
        let perDay = Int64((numerator + denominator - 1) / denominator) + 1
        let missing = (policy.largeDebtThreshold - total).fen
        let days = Swift.max(1, (missing + perDay - 1) / perDay)
        return day.adding(days: days)
    }
}
