import Testing
import Lending

/// Restructure, penalty waiver and write-off of the worked-example loan, nothing ever paid.
@Suite struct RestructureWaiverWriteOffTests {
    let contract = Fixture.contract()

    func statement(_ facts: [MoneyFact], asOf: String) -> LoanStatement {
        LoanReplay.evaluate(contract, facts: facts, asOf: Fixture.date(asOf))
    }

    static let restructure = MoneyFact.restructure(termMonths: 24, on: Fixture.date("2026-05-20"))

    @Test("Restructure after default: interest capitalised, penalty waived, new schedule, DPD 0")
    func restructureAfterDefault() throws {
        let s = statement([Self.restructure], asOf: "2026-05-20")
        let outcome = try #require(s.restructures.first)
        #expect(outcome.capitalisedInterest == Fixture.yuan("423.40"))
        #expect(outcome.waivedPenalty == Fixture.yuan("94.42"))
        #expect(outcome.droppedInterest == Fixture.yuan("13.65"))
        #expect(outcome.newPrincipal == Fixture.yuan("10423.40"))
        #expect(outcome.newSchedule.count == 24)
        #expect(outcome.newSchedule[0].total == Fixture.yuan("502.43"))
        #expect(outcome.newSchedule[0].dueDate == Fixture.date("2026-06-20"))
        #expect(outcome.newSchedule[0].interest == Fixture.yuan("125.08"))
        #expect(outcome.newSchedule[23].principal == Fixture.yuan("496.44"))
        #expect(outcome.newSchedule[23].interest == Fixture.yuan("5.96"))
        #expect(outcome.replacedInstallments.count == 12)
        #expect(s.restructured)
        #expect(s.dpd == 0)
        #expect(!s.isOverdue)
        #expect(s.contract.schedule == outcome.newSchedule)
        #expect(s.outstandingPrincipal == Fixture.yuan("10423.40"))
        #expect(s.totals.capitalisedInterest == Fixture.yuan("423.40"))
        #expect(s.totals.waivedPenalty == Fixture.yuan("94.42"))
        #expect(s.overdueSpans == [
            DateSpan(from: Fixture.date("2026-02-19"), through: Fixture.date("2026-05-20")),
        ])
        #expect(s.payoff.amount == Fixture.yuan("10423.40"))
    }

    @Test("After a restructure the new schedule runs its own grace and penalty")
    func newScheduleOverdue() {
        let s = statement([Self.restructure], asOf: "2026-06-24")
        #expect(s.installments[0].status == .overdue)
        #expect(s.dpd == 4)
        #expect(s.overdueSpans.count == 2)
    }

    struct WaiverCase: Sendable, CustomTestStringConvertible {
        var amount: String
        var first: String
        var second: String
        var testDescription: String { "waive \(amount)" }
    }

    @Test("A waiver takes the oldest installment's penalty first, capped at the unpaid penalty",
          arguments: [
              WaiverCase(amount: "10", first: "10", second: "0"),
              WaiverCase(amount: "25", first: "21.05", second: "3.95"),
              WaiverCase(amount: "100", first: "21.05", second: "8.05"),
          ])
    func waiver(_ example: WaiverCase) {
        let fact = MoneyFact.penaltyWaiver(
            amount: Fixture.yuan(example.amount), on: Fixture.date("2026-04-01"))
        let s = statement([fact], asOf: "2026-04-01")
        #expect(s.installments[0].waivedPenalty == Fixture.yuan(example.first))
        #expect(s.installments[1].waivedPenalty == Fixture.yuan(example.second))
        let waived = Fixture.yuan(example.first) + Fixture.yuan(example.second)
        #expect(s.totals.waivedPenalty == waived)
        #expect(s.overdue.penalty == Fixture.yuan("29.10") - s.totals.waivedPenalty)
    }

    static let writeOff = MoneyFact.writeOff(on: Fixture.date("2026-05-20"))

    @Test("Write-off takes unpaid principal, due interest and penalty off the books; accrual stops")
    func writeOffOutcome() throws {
        let s = statement([Self.writeOff], asOf: "2026-07-01")
        let outcome = try #require(s.writeOff)
        #expect(outcome.principal == Fixture.yuan("10000"))
        #expect(outcome.interest == Fixture.yuan("423.40"))
        #expect(outcome.penalty == Fixture.yuan("94.42"))
        #expect(s.status == .writtenOff)
        #expect(s.totals.writtenOff == Fixture.yuan("10517.82"))
        #expect(s.outstandingPrincipal == Fixture.yuan("10000"))
        #expect(s.installments[0].penalty == Fixture.yuan("43.98"))
        #expect(s.overdue.total == Fixture.yuan("10517.82"))
        #expect(s.payoff.amount == Fixture.yuan("10517.82"))
        #expect(s.dpd == 136)
    }

    struct RecoveryCase: Sendable, CustomTestStringConvertible {
        var payments: Int
        var principal: String
        var interest: String
        var penalty: String
        var overpaid: String
        var status: LoanStatus
        var testDescription: String { "after \(payments) recoveries" }
    }

    static let recoveries = [
        Fixture.pay("R1", "6000", "2026-06-01"), Fixture.pay("R2", "4500", "2026-07-01"),
        Fixture.pay("R3", "1000", "2026-08-01"),
    ]

    @Test("Recoveries after write-off pay principal → interest → penalty, then overpay",
          arguments: [
              RecoveryCase(payments: 1, principal: "6000", interest: "0", penalty: "0",
                           overpaid: "0", status: .writtenOff),
              RecoveryCase(payments: 2, principal: "4000", interest: "423.40",
                           penalty: "76.60", overpaid: "0", status: .writtenOff),
              RecoveryCase(payments: 3, principal: "0", interest: "0", penalty: "17.82",
                           overpaid: "982.18", status: .overpaid),
          ])
    func recoveries(_ example: RecoveryCase) throws {
        let facts = [Self.writeOff] + Self.recoveries.prefix(example.payments)
        let s = statement(facts, asOf: "2026-08-01")
        let last = try #require(s.allocations[Fixture.ref("R\(example.payments)")])
        #expect(last == Allocation(
            overpaid: Fixture.yuan(example.overpaid),
            recoveredPrincipal: Fixture.yuan(example.principal),
            recoveredInterest: Fixture.yuan(example.interest),
            recoveredPenalty: Fixture.yuan(example.penalty)))
        #expect(s.status == example.status)
        #expect(s.totals.recovered == s.allocations.values.map(\.recovery).sum())
        if example.status == .overpaid {
            #expect(s.dpd == 0)
            #expect(!s.isOverdue)
            #expect(s.closedOn == Fixture.date("2026-08-01"))
            #expect(s.overdueSpans.last?.through == Fixture.date("2026-08-01"))
        } else {
            #expect(s.isOverdue)
            #expect(s.overdueSpans.last?.through == nil)
        }
    }

    @Test("Restructure credits interest paid in advance as principal and drops current interest")
    func restructureCreditsAdvanceInterest() throws {
        let facts: [MoneyFact] = [
            Fixture.pay("P1", "1000", "2026-02-15"),
            .restructure(termMonths: 6, on: Fixture.date("2026-03-01")),
        ]
        let s = statement(facts, asOf: "2026-03-01")
        let outcome = try #require(s.restructures.first)
        #expect(outcome.advanceInterestCredited == Fixture.yuan("100.25"))
        #expect(outcome.capitalisedInterest == .zero)
        #expect(outcome.droppedInterest == Fixture.yuan("51.63"))
        #expect(outcome.newPrincipal == Fixture.yuan("9120"))
        #expect(outcome.newSchedule[0].total == Fixture.yuan("1584.47"))
        #expect(outcome.newSchedule[0].dueDate == Fixture.date("2026-04-01"))
        #expect(outcome.newSchedule[0].interest == Fixture.yuan("109.44"))
        #expect(s.allocations[Fixture.ref("P1")]
            == Allocation(interest: Fixture.yuan("120"), principal: Fixture.yuan("880")))
        #expect(s.totals.paidPrincipal == Fixture.yuan("880"))
        #expect(s.outstandingPrincipal == Fixture.yuan("9120"))
    }
}
