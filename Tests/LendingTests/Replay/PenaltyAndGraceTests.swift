import Testing
import Lending

/// Installment 1 of the worked example: 779.75 principal + 120.00 interest due 2026-02-15.
@Suite struct PenaltyAndGraceTests {
    let contract = Fixture.contract()

    func statement(_ facts: [MoneyFact], asOf: String) -> LoanStatement {
        LoanReplay.evaluate(contract, facts: facts, asOf: Fixture.date(asOf))
    }

    @Test("Paid in full on due + grace (day 3): no penalty, never overdue")
    func paidOnLastGraceDay() {
        let s = statement([Fixture.pay("P1", "899.75", "2026-02-18")], asOf: "2026-03-01")
        #expect(s.installments[0].status == .paid)
        #expect(s.installments[0].penalty == .zero)
        #expect(s.installments[0].overdueFrom == nil)
        #expect(s.overdueSpans.isEmpty)
        #expect(s.allocations[Fixture.ref("P1")]?.penalty == .zero)
    }

    @Test("Paid on due + 4: overdue, penalty from due + 1 comes first in the allocation")
    func paidOnDayAfterGrace() {
        let s = statement([Fixture.pay("P1", "899.75", "2026-02-19")], asOf: "2026-02-19")
        let expected = Allocation(
            penalty: Fixture.yuan("1.87"), interest: Fixture.yuan("120"),
            principal: Fixture.yuan("777.88"))
        #expect(s.allocations[Fixture.ref("P1")] == expected)
        #expect(s.installments[0].overdueFrom == Fixture.date("2026-02-19"))
        #expect(s.installments[0].unpaidPrincipal == Fixture.yuan("1.87"))
        #expect(s.installments[0].status == .overdue)
        #expect(s.dpd == 4)
    }

    struct StatusCase: Sendable, CustomTestStringConvertible {
        var asOf: String
        var status: InstallmentStatus
        var dpd: Int64
        var penalty: String
        var testDescription: String { "as of \(asOf)" }
    }

    @Test("Unpaid installment: pending, due through grace, then overdue with DPD and penalty",
          arguments: [
              StatusCase(asOf: "2026-02-14", status: .pending, dpd: 0, penalty: "0"),
              StatusCase(asOf: "2026-02-15", status: .due, dpd: 0, penalty: "0"),
              StatusCase(asOf: "2026-02-18", status: .due, dpd: 3, penalty: "0"),
              StatusCase(asOf: "2026-02-19", status: .overdue, dpd: 4, penalty: "1.87"),
              StatusCase(asOf: "2026-03-10", status: .overdue, dpd: 23, penalty: "10.76"),
          ])
    func unpaidTimeline(_ example: StatusCase) {
        let s = statement([], asOf: example.asOf)
        #expect(s.installments[0].status == example.status)
        #expect(s.dpd == example.dpd)
        #expect(s.installments[0].penalty == Fixture.yuan(example.penalty))
        #expect(s.isOverdue == (example.status == .overdue))
    }

    @Test("A partial principal payment mid-overdue ends the stretch: 6.55 + 2.19")
    func principalChangeEndsStretch() {
        let s = statement([Fixture.pay("P1", "500", "2026-03-01")], asOf: "2026-03-10")
        let expected = Allocation(
            penalty: Fixture.yuan("6.55"), interest: Fixture.yuan("120"),
            principal: Fixture.yuan("373.45"))
        #expect(s.allocations[Fixture.ref("P1")] == expected)
        #expect(s.installments[0].unpaidPrincipal == Fixture.yuan("406.30"))
        #expect(s.installments[0].penalty == Fixture.yuan("8.74"))
        #expect(s.installments[0].unpaidPenalty == Fixture.yuan("2.19"))
        #expect(s.dpd == 23)
    }

    @Test("Paying all penalty accrued through the day ends the stretch; a partial payment does not",
          arguments: [("3.27", "14.03"), ("3.00", "14.04")])
    func penaltyPaymentStretch(paid: String, penaltyOnMarch17: String) {
        let s = statement([Fixture.pay("P1", paid, "2026-02-22")], asOf: "2026-03-17")
        #expect(s.allocations[Fixture.ref("P1")]?.penalty == Fixture.yuan(paid))
        #expect(s.installments[0].penalty == Fixture.yuan(penaltyOnMarch17))
    }

    @Test("DPD counts from the oldest installment not fully paid")
    func dpdOldestUnpaid() {
        let s = statement([], asOf: "2026-04-01")
        #expect(s.dpd == 45)
        #expect(s.installments[1].status == .overdue)
        #expect(s.overdue.principal == Fixture.yuan("1568.86"))
        #expect(s.overdue.interest == Fixture.yuan("230.64"))
        #expect(s.overdue.penalty == Fixture.yuan("29.10"))
        let paidFirst = statement([Fixture.pay("P1", "920.80", "2026-03-20")], asOf: "2026-04-01")
        #expect(paidFirst.installments[0].status == .paid)
        #expect(paidFirst.dpd == 17)
    }

    @Test("Overdue spans run from the first overdue day through the curing payment")
    func overdueSpans() {
        let facts = [
            Fixture.pay("P1", "2000", "2026-03-20"),
        ]
        let s = statement(facts, asOf: "2026-05-01")
        let expected = [
            DateSpan(from: Fixture.date("2026-02-19"), through: Fixture.date("2026-03-20")),
            DateSpan(from: Fixture.date("2026-04-19"), through: nil),
        ]
        #expect(s.overdueSpans == expected)
    }

    @Test("Grace is contractual: with 0 days an installment is overdue the day after its due date")
    func zeroGrace() {
        let noGrace = Fixture.contract(graceDays: 0)
        let s = LoanReplay.evaluate(noGrace, facts: [], asOf: Fixture.date("2026-02-16"))
        #expect(s.installments[0].status == .overdue)
        #expect(s.installments[0].penalty == Fixture.yuan("0.47"))
    }

    @Test("Next state change: due date, day after, end of grace + 1, skipping paid installments")
    func nextStateChange() {
        let next = { (facts: [MoneyFact], after: String) in
            LoanReplay.nextStateChange(self.contract, facts: facts, after: Fixture.date(after))
        }
        #expect(next([], "2026-01-15") == Fixture.date("2026-02-15"))
        #expect(next([], "2026-02-15") == Fixture.date("2026-02-16"))
        #expect(next([], "2026-02-16") == Fixture.date("2026-02-19"))
        #expect(next([], "2026-02-19") == Fixture.date("2026-03-15"))
        let paid = [Fixture.pay("P1", "899.75", "2026-02-10")]
        #expect(next(paid, "2026-02-10") == Fixture.date("2026-03-15"))
        #expect(next(paid, "2026-01-15") == Fixture.date("2026-02-15"))
    }

    @Test("A partial payment in grace still counts when the installment later becomes overdue")
    func partialInGraceThenOverdue() {
        let s = statement([Fixture.pay("P1", "500", "2026-02-17")], asOf: "2026-02-19")
        #expect(s.allocations[Fixture.ref("P1")]
            == Allocation(interest: Fixture.yuan("120"), principal: Fixture.yuan("380")))
        // 0.94 on 779.75 for 02-16..02-17, then 0.48 on 399.75 for 02-18..02-19.
        #expect(s.installments[0].penalty == Fixture.yuan("1.42"))
        #expect(s.installments[0].overdueFrom == Fixture.date("2026-02-19"))
        let inGrace = statement([Fixture.pay("P1", "500", "2026-02-17")], asOf: "2026-02-18")
        #expect(inGrace.installments[0].penalty == .zero)
        #expect(inGrace.installments[0].status == .due)
    }

    @Test("Next state change of an overdue loan is its next due date or grace end")
    func nextStateChangeOverdue() {
        let next = LoanReplay.nextStateChange(
            contract, facts: [], after: Fixture.date("2026-03-10"))
        #expect(next == Fixture.date("2026-03-15"))
    }
}
