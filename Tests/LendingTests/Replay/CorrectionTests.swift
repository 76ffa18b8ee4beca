import Testing
import Lending

/// Reversal, overpayment and refund: facts that correct what was paid.
@Suite struct CorrectionTests {
    let contract = Fixture.contract()

    func statement(_ facts: [MoneyFact], asOf: String) -> LoanStatement {
        LoanReplay.evaluate(contract, facts: facts, asOf: Fixture.date(asOf))
    }

    @Test("A reversed payment is as if never received, penalty included")
    func reversal() {
        let facts: [MoneyFact] = [
            Fixture.pay("P1", "899.75", "2026-02-15"),
            .reversal(reference: Fixture.ref("P1"), learnedOn: Fixture.date("2026-03-05")),
        ]
        let s = statement(facts, asOf: "2026-03-10")
        #expect(s.allocations[Fixture.ref("P1")] == nil)
        #expect(s.installments[0].penalty == Fixture.yuan("10.76"))
        #expect(s.dpd == 23)
        #expect(s.overdue.principal == Fixture.yuan("779.75"))
        #expect(s.overdue.interest == Fixture.yuan("120"))
        #expect(s == statement([], asOf: "2026-03-10"))
        // Its effect is at the payment's date, so earlier as-of dates show it too.
        #expect(statement(facts, asOf: "2026-02-20").isOverdue)
    }

    static let overpaidFacts: [MoneyFact] = [
        Fixture.pay("P1", "899.75", "2026-02-15"),
        Fixture.pay("P2", "9271.88", "2026-03-01"),
        Fixture.pay("P3", "100", "2026-02-20"),
    ]

    @Test("A backdated payment makes a later payoff overpay: the excess is an overpaid balance")
    func overpaidAfterBackdatedFact() {
        let s = statement(Self.overpaidFacts, asOf: "2026-03-02")
        #expect(s.status == .overpaid)
        #expect(s.allocations[Fixture.ref("P2")] == Allocation(
            principal: Fixture.yuan("9220.25"), overpaid: Fixture.yuan("51.63")))
        #expect(s.totals.overpaid == Fixture.yuan("51.63"))
        #expect(s.overpaidBalance == Fixture.yuan("51.63"))
        #expect(s.closedOn == Fixture.date("2026-03-01"))
    }

    @Test("A refund of the overpaid balance closes the loan")
    func refundCloses() {
        let refund = MoneyFact.refund(
            reference: Fixture.ref("RF1"), amount: Fixture.yuan("51.63"),
            on: Fixture.date("2026-03-05"))
        let s = statement(Self.overpaidFacts + [refund], asOf: "2026-03-05")
        #expect(s.status == .closed)
        #expect(s.totals.refunded == Fixture.yuan("51.63"))
        #expect(s.overpaidBalance == .zero)
    }

    @Test("A refund later shown not owed (after a reversal) is a shortfall the customer owes")
    func refundShortfall() {
        let facts = Self.overpaidFacts + [
            .refund(reference: Fixture.ref("RF1"), amount: Fixture.yuan("51.63"),
                    on: Fixture.date("2026-03-05")),
            .reversal(reference: Fixture.ref("P3"), learnedOn: Fixture.date("2026-03-06")),
        ]
        let s = statement(facts, asOf: "2026-03-10")
        #expect(s.status == .active)
        #expect(s.refundShortfall == Fixture.yuan("51.63"))
        #expect(s.overpaidBalance == .zero)
        #expect(s.payoff.amount == Fixture.yuan("51.63"))
        #expect(s.payoff.refundShortfall == Fixture.yuan("51.63"))
        let repayment = Fixture.pay("P4", "51.63", "2026-03-10")
        let repaid = statement(facts + [repayment], asOf: "2026-03-10")
        #expect(repaid.status == .closed)
        #expect(repaid.allocations[Fixture.ref("P4")]
            == Allocation(refundShortfall: Fixture.yuan("51.63")))
        #expect(repaid.closedOn == Fixture.date("2026-03-10"))
    }

    @Test("A repeated repayment reference is applied once")
    func duplicateReference() {
        let payment = Fixture.pay("P1", "899.75", "2026-02-15")
        #expect(statement([payment, payment], asOf: "2026-03-01")
            == statement([payment], asOf: "2026-03-01"))
    }

    @Test("Reversing the payment that closed a loan makes it active and owing again")
    func reversalReopens() {
        let facts: [MoneyFact] = [
            Fixture.pay("P1", "899.75", "2026-02-15"), Fixture.pay("P2", "9271.88", "2026-03-01"),
        ]
        #expect(statement(facts, asOf: "2026-03-20").status == .closed)
        let reversal = MoneyFact.reversal(
            reference: Fixture.ref("P2"), learnedOn: Fixture.date("2026-03-20"))
        let s = statement(facts + [reversal], asOf: "2026-03-20")
        #expect(s.status == .active)
        #expect(s.closedOn == nil)
        #expect(s.installments[1].status == .overdue)
        #expect(s.dpd == 5)
    }
}
