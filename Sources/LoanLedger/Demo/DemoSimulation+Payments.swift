import Lending

extension DemoSimulation {
    /// Plans the payment of the loan's oldest unpaid installment, the way its borrower
    /// behaves; hands special installments to their stories.
    func scheduleNextPayment(_ index: Int) {
        guard let record = loans[index].record else { return }
        let statement = record.statement(asOf: Swift.max(today, record.contract.disbursedOn))
        guard statement.status == .active,
            let target = statement.installments.first(where: { $0.status != .paid })
        else {
            loans[index].isFinished = true
            return
        }
        let number = Int(target.number)
        switch loans[index].behaviour {
        case .defaulter(let path, let stopAfter) where loans[index].payments >= stopAfter:
            startDefault(index, missedDue: target.dueDate, path: path)
            return
        case .disputed(let delayed) where number == delayed:
            planDisputedInstallment(index, due: target.dueDate)
            return
        case .bouncedPayoff(let at) where number == at:
            plan(.payoff(loan: index), on: Swift.max(target.dueDate, today.adding(days: 1)),
                 minute: 10 * 60)
            return
        case .doublePaidLast where number == statement.installments.count:
            planDoublePayment(index, due: target.dueDate)
            return
        default:
            break
        }
        let offset = paymentOffset(loans[index].behaviour)
        let date = Swift.max(target.dueDate.adding(days: offset), today.adding(days: 1))
        plan(.pay(loan: index), on: date, minute: Self.openingMinute + 30 + random.int(0...600))
        if date.daysSinceEpoch - target.dueDate.daysSinceEpoch > record.contract.terms.graceDays {
            planLateCollection(index, due: target.dueDate, paidOn: date)
        }
    }

    /// Days from the due date to the payment (negative: early).
    private func paymentOffset(_ behaviour: DemoBehaviour) -> Int64 {
        switch behaviour {
        case .graceCurer:
            return random.chance(65) ? random.int(1...3) : random.int(-1...0)
        case .lateCurer:
            let draw = random.int(0...99)
            if draw < 55 { return random.int(-1...0) }
            return draw < 70 ? random.int(1...3) : random.int(5...25)
        default:
            return random.int(-2...0)
        }
    }

    /// Pays what is due: every installment due by today (with its penalty), or the next one
    /// in advance; never more than the payoff. Punctual borrowers sometimes settle early.
    func payInstallment(_ index: Int) throws(DemoError) {
        guard let record = loans[index].record, !loans[index].isFinished else { return }
        var amount = installmentAmount(record, on: today)
        if loans[index].behaviour == .punctual, loans[index].payments >= 2, random.chance(6) {
            amount = LoanReplay.payoff(record.contract, facts: record.facts, on: today).amount
        }
        guard amount.isPositive else {
            anomalies.append("\(loans[index].id): nothing to pay on \(today)")
            return
        }
        try repay(index, amount: amount, on: today, channel: random.pick(["app", "bank", "wechat"]))
        scheduleNextPayment(index)
    }

    /// Settles the loan: the payoff quote of today.
    func payOff(_ index: Int) throws(DemoError) {
        guard let record = loans[index].record else { return }
        let quote = LoanReplay.payoff(record.contract, facts: record.facts, on: today)
        try repay(index, amount: quote.amount, on: today, channel: "bank")
        if case .bouncedPayoff = loans[index].behaviour {
            plan(.reverse(loan: index, payment: loans[index].payments),
                 on: today.adding(days: 3), minute: 11 * 60)
            return
        }
        scheduleNextPayment(index)
    }

    /// What a borrower pays today: the unpaid total of installments due by `date`, or the
    /// next installment in advance, capped at the payoff.
    func installmentAmount(_ record: LoanRecord, on date: BusinessDate) -> Money {
        let statement = record.statement(asOf: date)
        guard let target = statement.installments.first(where: { $0.status != .paid }) else {
            return .zero
        }
        let amount = target.dueDate > date
            ? target.unpaidTotal
            : statement.installments.filter { $0.dueDate <= date }.map(\.unpaidTotal).sum()
        return Money.min(amount, statement.payoff.amount)
    }

    /// Sends one repayment with the loan's next reference.
    func repay(_ index: Int, amount: Money, on date: BusinessDate, channel: String)
        throws(DemoError)
    {
        loans[index].payments += 1
        let reference = paymentReference(index, loans[index].payments)
        try execute(.repay(loan: loans[index].id, amount: amount, on: date, reference: reference,
                           channel: channel),
                    customer: loans[index].customer, actor: Self.paymentsActor,
                    step: "repay \(loans[index].id) \(reference) \(amount) on \(date)")
    }

    /// `P-0001-1-03`: loan `L-0001-1`, third payment.
    func paymentReference(_ index: Int, _ number: Int) -> PaymentReference {
        let loan = loans[index].id.rawValue.dropFirst(2)
        return PaymentReference(validated: "P-\(loan)-\(String(number).leftPadded(to: 2))")
    }
}
