import Testing
import Lending

@Suite struct PayoffTests {
    let contract = Fixture.contract()

    func payoff(_ facts: [MoneyFact], on day: String) -> PayoffQuote {
        LoanReplay.payoff(contract, facts: facts, on: Fixture.date(day))
    }

    @Test("Same-day payoff costs principal only")
    func sameDay() {
        let quote = payoff([], on: "2026-01-15")
        #expect(quote.amount == Fixture.yuan("10000"))
        #expect(quote.interest == .zero)
        #expect(quote.penalty == .zero)
    }

    @Test("Payoff parts: not-due principal + round(not-due × daily × days since the due date)")
    func parts() {
        let quote = payoff([Fixture.pay("P1", "899.75", "2026-02-15")], on: "2026-03-01")
        #expect(quote.principal == Fixture.yuan("9220.25"))
        #expect(quote.interest == Fixture.yuan("51.63"))
        #expect(quote.penalty == .zero)
        #expect(quote.amount == Fixture.yuan("9271.88"))
    }

    @Test("Interest paid in advance is credited against current-period interest, not below 0")
    func advanceInterestCredited() {
        let quote = payoff([Fixture.pay("P1", "999.75", "2026-02-15")], on: "2026-03-01")
        #expect(quote.interest == .zero)
        #expect(quote.amount == Fixture.yuan("9220.25"))
    }

    @Test("Payoff includes the due part: penalty to the day, interest and principal")
    func duePart() {
        let quote = payoff([], on: "2026-03-01")
        #expect(quote.penalty == Fixture.yuan("6.55"))
        // 120.00 due interest + round(9220.25 × 0.0004 × 14) current-period interest.
        #expect(quote.interest == Fixture.yuan("171.63"))
        #expect(quote.principal == Fixture.yuan("10000"))
        #expect(quote.amount == Fixture.yuan("10178.18"))
    }

    @Test("A repayment equal to the payoff settles and closes the loan")
    func settles() {
        let facts = [
            Fixture.pay("P1", "899.75", "2026-02-15"), Fixture.pay("P2", "9271.88", "2026-03-01"),
        ]
        let s = LoanReplay.evaluate(contract, facts: facts, asOf: Fixture.date("2026-06-01"))
        #expect(s.status == .closed)
        #expect(s.closedOn == Fixture.date("2026-03-01"))
        #expect(s.allocations[Fixture.ref("P2")] == Allocation(
            interest: Fixture.yuan("51.63"), principal: Fixture.yuan("9220.25")))
        #expect(s.installments.allSatisfy { $0.status == .paid })
        #expect(s.installments[1].interest == Fixture.yuan("51.63"))
        #expect(s.installments[2].interest == .zero)
        #expect(s.outstandingPrincipal == .zero)
        #expect(s.dpd == 0)
        #expect(s.payoff.amount == .zero)
        #expect(LoanReplay.nextStateChange(contract, facts: facts, after: s.asOf) == nil)
    }

    @Test("Payoff of a loan in default settles penalty, interest and principal")
    func settlesInDefault() {
        let s = LoanReplay.evaluate(
            contract, facts: [Fixture.pay("P1", "10178.18", "2026-03-01")],
            asOf: Fixture.date("2026-03-01"))
        #expect(s.status == .closed)
        #expect(s.allocations[Fixture.ref("P1")] == Allocation(
            penalty: Fixture.yuan("6.55"), interest: Fixture.yuan("171.63"),
            principal: Fixture.yuan("10000")))
        #expect(s.overdueSpans == [
            DateSpan(from: Fixture.date("2026-02-19"), through: Fixture.date("2026-03-01")),
        ])
    }
}
