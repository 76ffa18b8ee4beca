import Lending

extension DemoSimulation {
    /// The disputed installment: paid by bank transfer on its due date, but the record only
    /// arrives nine days later — after end of day marked it overdue, froze the line, started
    /// penalty and collection. Then the customer disputes; the dispute is upheld.
    func planDisputedInstallment(_ index: Int, due: BusinessDate) {
        plan(.collect(loan: index, channel: .sms, outcome: "reminder sent"),
             on: due.adding(days: 2), minute: 10 * 60 + 5)
        plan(.collect(loan: index, channel: .call, outcome: "no answer"),
             on: due.adding(days: 5), minute: 9 * 60 + 40)
        plan(.collect(loan: index, channel: .call, outcome: "customer says already paid"),
             on: due.adding(days: 5), minute: 15 * 60 + 10)
        plan(.collect(loan: index, channel: .push, outcome: "reminder sent"),
             on: due.adding(days: 6), minute: 10 * 60)
        plan(.backdatedPay(loan: index, on: due, channel: "bank"),
             on: due.adding(days: 9), minute: 10 * 60 + 30)
        plan(.openDispute(loan: index), on: due.adding(days: 10), minute: 11 * 60)
        plan(.resolveDispute(loan: index), on: due.adding(days: 13), minute: 16 * 60)
    }

    /// The last installment paid through the app on its due date, while a bank transfer of the
    /// day before is recorded three days later: the loan is overpaid and refunded.
    func planDoublePayment(_ index: Int, due: BusinessDate) {
        plan(.pay(loan: index), on: due, minute: 12 * 60)
        plan(.backdatedPay(loan: index, on: due.adding(days: -1), channel: "bank"),
             on: due.adding(days: 3), minute: 10 * 60)
        plan(.refund(loan: index), on: due.adding(days: 5), minute: 14 * 60)
    }

    /// A repayment effective on an earlier (already closed) business day.
    func payBackdated(_ index: Int, on date: BusinessDate, channel: String) throws(DemoError) {
        guard let record = loans[index].record else { return }
        let amount = installmentAmount(record, on: date)
        guard amount.isPositive else {
            anomalies.append("\(loans[index].id): nothing to pay on \(date) (backdated)")
            return
        }
        try repay(index, amount: amount, on: date, channel: channel)
        if case .disputed = loans[index].behaviour {
            loans[index].behaviour = .punctual
            scheduleNextPayment(index)
        }
    }

    func reverse(_ index: Int, payment: Int) throws(DemoError) {
        let reference = paymentReference(index, payment)
        try execute(.reverse(loan: loans[index].id, reference: reference, on: today),
                    customer: loans[index].customer, actor: Self.operationsActor,
                    reason: "payment bounced: insufficient funds",
                    step: "reverse \(reference)")
        loans[index].behaviour = .punctual
        plan(.payoff(loan: index), on: today.adding(days: 4), minute: 15 * 60)
    }

    func refund(_ index: Int) throws(DemoError) {
        guard let record = loans[index].record else { return }
        let overpaid = record.statement(asOf: today).overpaidBalance
        guard overpaid.isPositive else {
            anomalies.append("\(loans[index].id): expected an overpaid balance on \(today)")
            return
        }
        let loan = loans[index].id.rawValue.dropFirst(2)
        try execute(.refund(loan: loans[index].id, amount: overpaid, on: today,
                            reference: PaymentReference(validated: "F-\(loan)-01")),
                    customer: loans[index].customer, actor: Self.operationsActor,
                    reason: "duplicate payment returned to the customer",
                    step: "refund \(loans[index].id)")
        loans[index].isFinished = true
    }

    func openDispute(_ index: Int) throws(DemoError) {
        try execute(.openDispute(loan: loans[index].id, on: today),
                    customer: loans[index].customer, actor: "care.zhao",
                    reason: "customer shows a bank receipt: paid on the due date, yet was "
                        + "called and charged penalty",
                    step: "dispute open \(loans[index].id)")
        loans[index].isDisputeOpen = true
    }

    func resolveDispute(_ index: Int) throws(DemoError) {
        let note = "bank transfer on the due date confirmed; the record arrived late "
            + "and the overdue record, penalty and freeze were corrected"
        try execute(.resolveDispute(loan: loans[index].id, on: today, outcome: .upheld,
                                    note: note),
                    customer: loans[index].customer, actor: "care.zhao",
                    reason: "bank confirmation received", step: "dispute resolve")
        loans[index].isDisputeOpen = false
    }

    func restructure(_ index: Int) throws(DemoError) {
        try execute(.restructure(loan: loans[index].id, termMonths: 12, on: today),
                    customer: loans[index].customer, actor: "risk.chen",
                    reason: "negotiated 12-month plan after job loss",
                    step: "restructure \(loans[index].id)")
        loans[index].behaviour = .punctual
        scheduleNextPayment(index)
    }

    func writeOff(_ index: Int) throws(DemoError) {
        try execute(.writeOff(loan: loans[index].id, on: today),
                    customer: loans[index].customer, actor: "risk.chen",
                    reason: "no payment for 120 days; judged uncollectable",
                    step: "write off \(loans[index].id)")
    }

    /// A partial recovery after the write-off, through the agency.
    func recover(_ index: Int) throws(DemoError) {
        guard let record = loans[index].record else { return }
        let payoff = record.statement(asOf: today).payoff.amount
        guard payoff.isPositive else { return }
        let amount = Money.min(payoff, .yuan(100 * random.int(5...30)))
        try repay(index, amount: amount, on: today, channel: "agency")
    }

    /// Pays every arrear (installments due by today, with penalty); then pays on time.
    func cure(_ index: Int) throws(DemoError) {
        guard let record = loans[index].record else { return }
        try repay(index, amount: installmentAmount(record, on: today), on: today, channel: "bank")
        loans[index].behaviour = .punctual
        scheduleNextPayment(index)
    }
}
