extension CustomerState {
    func decideDisburse(_ request: DisbursementRequest, context: DecisionContext)
        throws(LendingError) -> [DecidedEvent]
    {
        let line = try requireLine()
        guard loans[request.loanId] == nil else {
            throw .refused(rule: "duplicate-loan-id",
                           message: "loan '\(request.loanId)' already exists")
        }
        guard line.lifecycle == .open else {
            throw .refused(rule: "line-closed",
                           message: "credit line of '\(customerId)' is closed: no new loans")
        }
        guard request.on >= line.openedOn else {
            throw .refused(
                rule: "before-line-opened",
                message: "disbursement on \(request.on) precedes the opening of the credit line "
                    + "of '\(customerId)' on \(line.openedOn)")
        }
        guard line.freezeReasons.isEmpty else {
            let reasons = line.freezeReasons.sorted().map(\.rawValue).joined(separator: ", ")
            throw .refused(rule: "line-frozen",
                           message: "credit line of '\(customerId)' is frozen (\(reasons))")
        }
        let available = availableCredit(asOf: request.on)
        guard request.principal <= available else {
            throw .refused(
                rule: "credit-available",
                message: "amount '\(request.principal)' exceeds available credit '\(available)' "
                    + "of customer '\(customerId)'")
        }
        let contract = LoanContract.make(
            loanId: request.loanId, customerId: customerId, principal: request.principal,
            disbursedOn: request.on, terms: request.terms)
        return [DecidedEvent(.loanDisbursed(.init(contract: contract)), on: request.on)]
    }

    func decideRepay(
        loan id: LoanID, amount: Money, on date: BusinessDate, reference: PaymentReference,
        channel: String?, context: DecisionContext
    ) throws(LendingError) -> Decision {
        let loan = try requireLoan(id)
        if let use = references[reference] {
            let same = use.kind == .repayment && use.loan == id && use.amount == amount
                && use.date == date
            if same && !use.isReversed { return .alreadyApplied(reference: reference) }
            throw .refused(
                rule: "reference-reused",
                message: use.isReversed
                    ? "ref '\(reference)' was reversed and cannot be used again"
                    : "ref '\(reference)' was already used with other values")
        }
        try checkPositive(amount, field: "amount")
        try checkNotBeforeDisbursement(date, loan: loan)
        let quote = LoanReplay.payoff(loan.contract, facts: loan.facts, on: date)
        guard amount <= quote.amount else {
            throw .refused(
                rule: "above-payoff",
                message: "repayment amount '\(amount)' exceeds payoff '\(quote.amount)' on "
                    + "\(date) of loan '\(id)'")
        }
        var after = loan
        after.facts.append(.repayment(reference: reference, amount: amount, on: date))
        let statement = after.statement(asOf: date)
        guard let allocation = statement.allocations[reference] else {
            throw .invariantViolated("repayment '\(reference)' was not allocated on replay")
        }
        let received = RepaymentReceived(
            loan: id, reference: reference, amount: amount, receivedOn: date, channel: channel,
            allocation: allocation)
        var events = [DecidedEvent(.repaymentReceived(received), on: date)]
        events += consequences(
            of: .repaymentReceived(received), on: date, cause: "repayment \(reference)",
            context: context)
        return .append(events)
    }

    func decideReverse(
        loan id: LoanID, reference: PaymentReference, on date: BusinessDate,
        context: DecisionContext
    ) throws(LendingError) -> [DecidedEvent] {
        _ = try requireLoan(id)
        guard let use = references[reference], use.kind == .repayment, use.loan == id else {
            throw .notFound(entity: "repayment ref", id: reference.rawValue)
        }
        guard !use.isReversed else {
            throw .refused(rule: "already-reversed",
                           message: "repayment '\(reference)' was already reversed")
        }
        guard date >= use.date else {
            throw .refused(rule: "reversal-date",
                           message: "reversal on \(date) precedes the payment date \(use.date)")
        }
        let reversed = RepaymentReversed(
            loan: id, reference: reference, amount: use.amount, paymentDate: use.date)
        var events = [DecidedEvent(.repaymentReversed(reversed), on: date)]
        events += consequences(
            of: .repaymentReversed(reversed), on: date, cause: "reversal \(reference)",
            context: context, effectFrom: use.date)
        return events
    }

    func decideRefund(
        loan id: LoanID, amount: Money, on date: BusinessDate, reference: PaymentReference,
        context: DecisionContext
    ) throws(LendingError) -> Decision {
        let loan = try requireLoan(id)
        if let use = references[reference] {
            let same = use.kind == .refund && use.loan == id && use.amount == amount
                && use.date == date
            if same { return .alreadyApplied(reference: reference) }
            throw .refused(rule: "reference-reused",
                           message: "ref '\(reference)' was already used with other values")
        }
        try checkPositive(amount, field: "amount")
        // The balance still to refund (lifetime overpayment less refunds), on the refund's own
        // date and as of today: a refund may not run ahead of the overpayment it pays back.
        let overpaid = Money.min(
            loan.statement(asOf: date).overpaidBalance,
            loan.statement(asOf: Swift.max(date, context.today)).overpaidBalance)
        guard amount <= overpaid else {
            throw .refused(
                rule: "refund-above-overpaid",
                message: "refund amount '\(amount)' exceeds the overpaid balance '\(overpaid)' "
                    + "of loan '\(id)'")
        }
        let refund = RefundIssued(loan: id, reference: reference, amount: amount)
        var events = [DecidedEvent(.refundIssued(refund), on: date)]
        events += consequences(of: .refundIssued(refund), on: date, cause: "refund \(reference)",
                               context: context)
        return .append(events)
    }

    func decideWaiver(loan id: LoanID, amount: Money, on date: BusinessDate,
                      context: DecisionContext) throws(LendingError) -> [DecidedEvent]
    {
        let loan = try requireLoan(id)
        try checkPositive(amount, field: "amount")
        let statement = loan.statement(asOf: date)
        let unpaid = statement.installments.map { $0.penalty - $0.paidPenalty - $0.waivedPenalty }
            .sum()
        guard amount <= unpaid else {
            throw .refused(
                rule: "waiver-above-penalty",
                message: "waiver amount '\(amount)' exceeds the unpaid penalty '\(unpaid)' on "
                    + "\(date) of loan '\(id)'")
        }
        let waived = PenaltyWaived(loan: id, amount: amount)
        var events = [DecidedEvent(.penaltyWaived(waived), on: date)]
        events += consequences(of: .penaltyWaived(waived), on: date, cause: "penalty waiver",
                               context: context)
        return events
    }

    func checkPositive(_ amount: Money, field: String) throws(LendingError) {
        guard amount.isPositive else {
            throw .invalid(field, amount.description, "must be above zero")
        }
    }

    func checkNotBeforeDisbursement(_ date: BusinessDate, loan: LoanRecord) throws(LendingError) {
        guard date >= loan.contract.disbursedOn else {
            throw .refused(
                rule: "before-disbursement",
                message: "date \(date) is before loan '\(loan.contract.loanId)' was disbursed "
                    + "(\(loan.contract.disbursedOn))")
        }
    }
}
