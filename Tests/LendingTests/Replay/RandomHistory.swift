import Lending

/// Seeded random loans and money-fact histories for the property tests.
struct RandomHistory {
    var contract: LoanContract
    /// Facts in log order (dates deliberately not sorted: backdated facts happen).
    var facts: [MoneyFact]
    /// Dates worth evaluating at.
    var asOfDates: [BusinessDate]

    static func make(_ generator: inout SplitMix64, withCorrections: Bool = true) -> RandomHistory {
        let methods = RepaymentMethod.allCases
        let terms: [Int64] = [3, 6, 9, 12]
        let principal = Money(fen: Int64.random(in: 1_000...20_000_000, using: &generator))
        let startDay = Int64.random(in: 1...31, using: &generator)
        let start = BusinessDate(year: 2026, month: 1, day: startDay)
        let contract = LoanContract.make(
            loanId: LoanID(validated: "L-R"), customerId: CustomerID(validated: "C-R"),
            principal: principal, disbursedOn: start,
            terms: LoanTerms(
                dailyRate: DailyRate(millionths: Int64.random(in: 1...986, using: &generator)),
                method: methods.randomElement(using: &generator) ?? .equalInstallment,
                termMonths: terms.randomElement(using: &generator) ?? 12,
                graceDays: Int64.random(in: 0...15, using: &generator)))
        let span = start.days(until: contract.schedule.last?.dueDate ?? start) + 120
        var facts: [MoneyFact] = []
        var references: [PaymentReference] = []
        let count = Int.random(in: 0...14, using: &generator)
        for index in 0..<count {
            let day = start.adding(days: Int64.random(in: 0...span, using: &generator))
            let roll = Int.random(in: 0..<100, using: &generator)
            let installment = contract.schedule[0].total.fen
            if roll < 70 || !withCorrections {
                let reference = PaymentReference(validated: "P\(index)")
                references.append(reference)
                let amount = Int64.random(in: 1...(installment * 3), using: &generator)
                facts.append(.repayment(reference: reference, amount: Money(fen: amount), on: day))
            } else if roll < 78, let reference = references.randomElement(using: &generator) {
                facts.append(.reversal(reference: reference, learnedOn: day))
            } else if roll < 85 {
                let amount = Int64.random(in: 1...5_000, using: &generator)
                facts.append(.penaltyWaiver(amount: Money(fen: amount), on: day))
            } else if roll < 90 {
                let term = Int64.random(in: 3...36, using: &generator)
                facts.append(.restructure(termMonths: term, on: day))
            } else if roll < 94 {
                facts.append(.writeOff(on: day))
            } else {
                let amount = Int64.random(in: 1...10_000, using: &generator)
                facts.append(.refund(
                    reference: PaymentReference(validated: "RF\(index)"),
                    amount: Money(fen: amount), on: day))
            }
        }
        if Int.random(in: 0..<4, using: &generator) == 0 {
            // Settle with the exact payoff on a random day, so closed loans are covered too.
            let day = start.adding(days: Int64.random(in: 0...span, using: &generator))
            let quote = LoanReplay.payoff(contract, facts: facts, on: day)
            if quote.amount.isPositive {
                let reference = PaymentReference(validated: "PAYOFF")
                facts.append(.repayment(reference: reference, amount: quote.amount, on: day))
            }
        }
        let asOfDates = (0..<3).map { _ in
            start.adding(days: Int64.random(in: 0...span, using: &generator))
        }
            + [start.adding(days: span)]
        return RandomHistory(contract: contract, facts: facts, asOfDates: asOfDates)
    }
}
