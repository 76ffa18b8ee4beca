#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import Lending

/// Properties over seeded random histories (the seed is printed so a failure replays).
@Suite struct ReplayPropertyTests {
    static let seed: UInt64 = 0x10A1_1ED6_E500_0001
    /// 400 histories by default; `LOANLEDGER_LONG_TESTS=1` runs 20,000.
    static let historyCount = getenv("LOANLEDGER_LONG_TESTS") == nil ? 400 : 20_000

    /// Checks every invariant of one statement; returns a description of the first failure.
    static func violations(_ s: LoanStatement, facts: [MoneyFact]) -> [String] {
        var problems: [String] = []
        let t = s.totals
        let principalSide = s.outstandingPrincipal + t.paidPrincipal + t.recoveredPrincipal
        if t.disbursed + t.capitalisedInterest != principalSide {
            problems.append(
                "conservation: \(t.disbursed) + \(t.capitalisedInterest) != \(principalSide)")
        }
        let reversed = Set(facts.compactMap { fact -> PaymentReference? in
            if case .reversal(let reference, _) = fact { return reference }
            return nil
        })
        var seen = Set<PaymentReference>()
        for case .repayment(let reference, let amount, let on) in facts where on <= s.asOf {
            guard !reversed.contains(reference), seen.insert(reference).inserted else { continue }
            guard let allocation = s.allocations[reference] else {
                problems.append("missing allocation \(reference)")
                continue
            }
            if allocation.total != amount { problems.append("allocation \(reference) != amount") }
        }
        if s.allocations.count != seen.count { problems.append("allocation count") }
        let all = Array(s.allocations.values)
        if all.map(\.principal).sum() != t.paidPrincipal { problems.append("paid principal sum") }
        if all.map(\.interest).sum() != t.paidInterest { problems.append("paid interest sum") }
        if all.map(\.penalty).sum() != t.paidPenalty { problems.append("paid penalty sum") }
        if all.map(\.overpaid).sum() != t.overpaid { problems.append("overpaid sum") }
        if all.map(\.recovery).sum() != t.recovered { problems.append("recovered sum") }
        let parts: [Money] = all.flatMap {
            [$0.penalty, $0.interest, $0.principal, $0.overpaid, $0.recovery, $0.refundShortfall]
        }
        if parts.contains(where: { $0.fen < 0 }) { problems.append("negative allocation part") }
        for row in s.installments {
            let values = [
                row.unpaidPrincipal, row.unpaidInterest, row.unpaidPenalty, row.paidPrincipal,
            ]
            if values.contains(where: { $0.fen < 0 }) {
                problems.append("negative on #\(row.number)")
            }
        }
        let balances = [s.outstandingPrincipal, s.overdue.total, s.payoff.amount, s.overpaidBalance,
                        s.refundShortfall, s.payoff.interest, s.payoff.penalty, s.payoff.principal]
        if balances.contains(where: { $0.fen < 0 }) { problems.append("negative balance") }
        if s.overpaidBalance.isPositive, s.refundShortfall.isPositive { problems.append("both") }
        if s.status == .closed, !s.payoff.amount.isZero { problems.append("closed but owes") }
        if s.dpd < 0 { problems.append("negative dpd") }
        if s.isOverdue != (s.overdueSpans.last.map { $0.through == nil } ?? false) {
            problems.append("isOverdue disagrees with spans")
        }
        return problems
    }

    @Test("Conservation and complete allocation hold over random histories")
    func conservationAndAllocation() {
        print("ReplayPropertyTests seed \(Self.seed)")
        var generator = SplitMix64(seed: Self.seed)
        var statuses = Set<LoanStatus>()
        var shapes = Set<String>()
        for index in 0..<Self.historyCount {
            let history = RandomHistory.make(&generator)
            for asOf in history.asOfDates {
                let s = LoanReplay.evaluate(history.contract, facts: history.facts, asOf: asOf)
                let problems = Self.violations(s, facts: history.facts)
                #expect(problems.isEmpty, "history \(index) as of \(asOf): \(problems)")
                if !problems.isEmpty { return }
                statuses.insert(s.status)
                if s.restructured { shapes.insert("restructured") }
                if s.refundShortfall.isPositive { shapes.insert("shortfall") }
                if s.totals.recovered.isPositive { shapes.insert("recovered") }
                if s.isOverdue { shapes.insert("overdue") }
                if s.totals.waivedPenalty.isPositive { shapes.insert("waived") }
            }
        }
        // The generator must reach every shape, or the properties above prove little.
        #expect(statuses == Set(LoanStatus.allCases))
        #expect(shapes == ["restructured", "shortfall", "recovered", "overdue", "waived"])
    }

    @Test("A reversed repayment gives the same statement as never receiving it")
    func reversalEqualsNeverReceived() {
        var generator = SplitMix64(seed: Self.seed ^ 0xFEED)
        print("ReplayPropertyTests reversal seed \(Self.seed ^ 0xFEED)")
        var checked = 0
        for index in 0..<Self.historyCount {
            let history = RandomHistory.make(&generator)
            let payments = history.facts.enumerated().compactMap {
                offset, fact -> (Int, PaymentReference)? in
                if case .repayment(let reference, _, _) = fact { return (offset, reference) }
                return nil
            }
            guard let (offset, reference) = payments.randomElement(using: &generator) else {
                continue
            }
            let learned = history.asOfDates[0]
            let reversed = history.facts + [.reversal(reference: reference, learnedOn: learned)]
            var without = history.facts
            without.remove(at: offset)
            for asOf in history.asOfDates {
                let a = LoanReplay.evaluate(history.contract, facts: reversed, asOf: asOf)
                let b = LoanReplay.evaluate(history.contract, facts: without, asOf: asOf)
                #expect(a == b, "history \(index) reversing \(reference) as of \(asOf)")
                checked += 1
            }
        }
        #expect(checked > Self.historyCount)
    }

    @Test("Payoff settles: paying the quoted payoff closes the loan with nothing overpaid")
    func payoffSettles() {
        var generator = SplitMix64(seed: Self.seed ^ 0xBEEF)
        print("ReplayPropertyTests payoff seed \(Self.seed ^ 0xBEEF)")
        for index in 0..<Self.historyCount {
            let history = RandomHistory.make(&generator, withCorrections: false)
            let day = history.asOfDates[0]
            let quote = LoanReplay.payoff(history.contract, facts: history.facts, on: day)
            guard quote.amount.isPositive else { continue }
            let settle = MoneyFact.repayment(
                reference: PaymentReference(validated: "PAYOFF"), amount: quote.amount, on: day)
            let s = LoanReplay.evaluate(
                history.contract, facts: history.facts + [settle], asOf: day)
            #expect(s.status == .closed, "history \(index) on \(day)")
            #expect(s.allocations[PaymentReference(validated: "PAYOFF")]?.overpaid == .zero)
            #expect(s.payoff.amount == .zero)
        }
    }

    @Test("Evaluation is fast: a year of facts on a 12-month loan, many times")
    func performance() {
        let contract = Fixture.contract()
        let facts = contract.schedule.map { row in
            MoneyFact.repayment(reference: Fixture.ref("R\(row.number)"), amount: row.total,
                                on: row.dueDate.adding(days: row.number % 5))
        }
        let runs = 2_000
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for offset in 0..<runs {
                let asOf = Fixture.date("2027-01-20").adding(days: Int64(offset % 3))
                _ = LoanReplay.evaluate(contract, facts: facts, asOf: asOf)
            }
        }
        print("ReplayPropertyTests: \(runs) evaluations of 12 facts in \(elapsed)")
        #expect(elapsed < .seconds(10))
    }

    @Test("Facts dated after the as-of date do not change the statement (time travel)")
    func laterFactsIgnored() {
        var generator = SplitMix64(seed: Self.seed ^ 0x7137)
        print("ReplayPropertyTests time-travel seed \(Self.seed ^ 0x7137)")
        for index in 0..<Self.historyCount {
            let history = RandomHistory.make(&generator)
            for asOf in history.asOfDates {
                let known = history.facts.filter { fact in
                    if case .reversal = fact { return true }
                    return fact.effectiveDate <= asOf
                }
                let all = LoanReplay.evaluate(history.contract, facts: history.facts, asOf: asOf)
                let cut = LoanReplay.evaluate(history.contract, facts: known, asOf: asOf)
                #expect(all == cut, "history \(index) as of \(asOf)")
            }
        }
    }
}
