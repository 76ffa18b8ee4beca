import Testing
import Lending

@Suite struct RepaymentAllocationTests {
    let contract = Fixture.contract()

    func statement(_ facts: [MoneyFact], asOf: String) -> LoanStatement {
        LoanReplay.evaluate(contract, facts: facts, asOf: Fixture.date(asOf))
    }

    @Test("An on-time installment payment pays interest then principal of that installment")
    func onTimeInstallment() {
        let s = statement([Fixture.pay("P1", "899.75", "2026-02-15")], asOf: "2026-02-15")
        let expected = Allocation(interest: Fixture.yuan("120"), principal: Fixture.yuan("779.75"))
        #expect(s.allocations[Fixture.ref("P1")] == expected)
        #expect(s.installments[0].status == .paid)
        #expect(s.installments[0].paidOn == Fixture.date("2026-02-15"))
        #expect(s.installments[1].status == .pending)
        #expect(s.outstandingPrincipal == Fixture.yuan("9220.25"))
        #expect(s.dpd == 0)
        #expect(s.status == .active)
        #expect(s.nextDueDate == Fixture.date("2026-03-15"))
    }

    @Test("Due installments are settled oldest first, penalty → interest → principal in each")
    func oldestFirst() {
        // On 03-20 installment 1 owes 15.44 + 120.00 + 779.75, installment 2 owes
        // 2.37 + 110.64 + 789.11; 920.80 pays the first and 5.61 of the second.
        let s = statement([Fixture.pay("P1", "920.80", "2026-03-20")], asOf: "2026-03-20")
        let expected = Allocation(
            penalty: Fixture.yuan("17.81"), interest: Fixture.yuan("123.24"),
            principal: Fixture.yuan("779.75"))
        #expect(s.allocations[Fixture.ref("P1")] == expected)
        #expect(s.installments[0].status == .paid)
        #expect(s.installments[1].paidPenalty == Fixture.yuan("2.37"))
        #expect(s.installments[1].paidInterest == Fixture.yuan("3.24"))
        #expect(s.installments[1].paidPrincipal == .zero)
    }

    @Test("What remains pays future installments in due order, interest then principal")
    func advancePayment() {
        let s = statement([Fixture.pay("P1", "1000", "2026-02-15")], asOf: "2026-02-15")
        #expect(s.installments[0].status == .paid)
        #expect(s.installments[1].paidInterest == Fixture.yuan("100.25"))
        #expect(s.installments[1].paidPrincipal == .zero)
        #expect(s.allocations[Fixture.ref("P1")]
            == Allocation(interest: Fixture.yuan("220.25"), principal: Fixture.yuan("779.75")))
        // No interest is saved: installment 2 still owes its scheduled interest.
        #expect(s.installments[1].interest == Fixture.yuan("110.64"))
    }

    @Test("Advance payments that cover an installment make it paid before its due date")
    func advanceCoversInstallment() {
        let s = statement([Fixture.pay("P1", "1799.50", "2026-02-15")], asOf: "2026-03-20")
        #expect(s.installments[1].status == .paid)
        #expect(s.installments[1].paidOn == Fixture.date("2026-02-15"))
        #expect(s.dpd == 0)
    }

    @Test("A backdated repayment changes how a later payment is allocated")
    func backdatedReallocates() {
        let later = Fixture.pay("P2", "900", "2026-03-10")
        let knownThen = statement([later], asOf: "2026-03-10")
        #expect(knownThen.allocations[Fixture.ref("P2")] == Allocation(
            penalty: Fixture.yuan("10.76"), interest: Fixture.yuan("120"),
            principal: Fixture.yuan("769.24")))
        let backdated = Fixture.pay("P1", "899.75", "2026-02-15")
        let knownNow = statement([later, backdated], asOf: "2026-03-10")
        #expect(knownNow.allocations[Fixture.ref("P2")] == Allocation(
            interest: Fixture.yuan("110.89"), principal: Fixture.yuan("789.11")))
        #expect(knownNow.allocations[Fixture.ref("P1")] == Allocation(
            interest: Fixture.yuan("120"), principal: Fixture.yuan("779.75")))
        #expect(knownNow.overdueSpans.isEmpty)
    }

    @Test("Facts on the same day keep log order; facts after the as-of date are ignored")
    func orderAndCutoff() {
        let a = Fixture.pay("A", "100", "2026-03-01")
        let b = Fixture.pay("B", "100", "2026-03-01")
        let s = statement([a, b, Fixture.pay("C", "5000", "2026-04-01")], asOf: "2026-03-01")
        #expect(s.allocations[Fixture.ref("A")]?.penalty == Fixture.yuan("6.55"))
        #expect(s.allocations[Fixture.ref("B")]?.penalty == .zero)
        #expect(s.allocations[Fixture.ref("C")] == nil)
    }

    @Test("Installment statuses of the three methods settle with scheduled payments",
          arguments: RepaymentMethod.allCases)
    func scheduledPaymentsClose(method: RepaymentMethod) {
        let loan = Fixture.contract(method: method)
        let facts = loan.schedule.map { row in
            MoneyFact.repayment(
                reference: Fixture.ref("R\(row.number)"), amount: row.total, on: row.dueDate)
        }
        let end = loan.schedule[11].dueDate
        let s = LoanReplay.evaluate(loan, facts: facts, asOf: end)
        #expect(s.status == .closed)
        #expect(s.closedOn == end)
        #expect(s.totals.paidPrincipal == Fixture.yuan("10000"))
        #expect(s.totals.paidInterest == loan.schedule.map(\.interest).sum())
        #expect(s.installments.allSatisfy { $0.status == .paid })
    }
}
