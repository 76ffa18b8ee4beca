extension CustomerState {
    func decideRestructure(
        loan id: LoanID, termMonths: Int64, on date: BusinessDate, context: DecisionContext
    ) throws(LendingError) -> [DecidedEvent] {
        guard termMonths >= LendingLimits.restructureTermMonthsMin,
            termMonths <= LendingLimits.restructureTermMonthsMax
        else {
            throw .invalid("term", String(termMonths), "a restructure term must be 3 to 36 months")
        }
        let loan = try requireLoan(id)
        try checkNotBeforeDisbursement(date, loan: loan)
        let before = loan.statement(asOf: date)
        guard before.status == .active else {
            throw .refused(rule: "loan-not-active",
                           message: "loan '\(id)' is \(before.status.rawValue) on \(date)")
        }
        var after = loan
        after.facts.append(.restructure(termMonths: termMonths, on: date))
        guard let outcome = after.statement(asOf: date).restructures.last else {
            throw .invariantViolated("restructure of loan '\(id)' produced no outcome")
        }
        let restructured = LoanRestructured(loan: id, termMonths: termMonths, outcome: outcome)
        var events = [DecidedEvent(.loanRestructured(restructured), on: date)]
        if let line, !line.freezeReasons.contains(.restructured) {
            events.append(DecidedEvent(
                .creditLineFrozen(.init(customerId: customerId, reason: .restructured,
                                        causedByLoan: id)), on: date))
        }
        var state = self
        for decided in events.dropFirst() { state.evolve(decided.event, on: decided.effectiveDate) }
        events += state.consequences(of: .loanRestructured(restructured), on: date,
                                     cause: "restructure", context: context)
        return events
    }

    func decideWriteOff(loan id: LoanID, on date: BusinessDate, context: DecisionContext)
        throws(LendingError) -> [DecidedEvent]
    {
        let loan = try requireLoan(id)
        try checkNotBeforeDisbursement(date, loan: loan)
        let before = loan.statement(asOf: date)
        guard before.status == .active else {
            throw .refused(rule: "loan-not-active",
                           message: "loan '\(id)' is \(before.status.rawValue) on \(date)")
        }
        guard before.dpd >= LendingLimits.dpdLineClose else {
            throw .refused(
                rule: "write-off-dpd",
                message: "loan '\(id)' is at DPD \(before.dpd) on \(date); write-off needs "
                    + "DPD \(LendingLimits.dpdLineClose) or more")
        }
        var after = loan
        after.facts.append(.writeOff(on: date))
        guard let outcome = after.statement(asOf: date).writeOff else {
            throw .invariantViolated("write-off of loan '\(id)' produced no outcome")
        }
        let writtenOff = LoanWrittenOff(loan: id, principal: outcome.principal,
                                        interest: outcome.interest, penalty: outcome.penalty)
        var events = [DecidedEvent(.loanWrittenOff(writtenOff), on: date)]
        events += consequences(of: .loanWrittenOff(writtenOff), on: date, cause: "write-off",
                               context: context)
        return events
    }
}
