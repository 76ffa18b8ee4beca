import Testing
import Lending

@Suite struct RepaymentAllocationTests {
    @Test("An on-time installment payment pays interest then principal of that installment")
    func onTimeInstallment() {
        let contract = Fixture.contract()
        let facts = [Fixture.pay("P1", "899.75", "2026-02-15")]
        let statement = LoanReplay.evaluate(contract, facts: facts, asOf: Fixture.date("2026-02-15"))
        let allocation = statement.allocations[Fixture.ref("P1")]
        #expect(allocation == Allocation(interest: Fixture.yuan("120"), principal: Fixture.yuan("779.75")))
        #expect(statement.installments[0].status == .paid)
        #expect(statement.installments[1].status == .pending)
        #expect(statement.outstandingPrincipal == Fixture.yuan("9220.25"))
        #expect(statement.dpd == 0)
        #expect(statement.status == .active)
    }
}
