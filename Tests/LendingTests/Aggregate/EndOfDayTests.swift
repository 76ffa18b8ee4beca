import Testing
import Lending

/// End of day (`closeDay`): overdue notices, stages, the overdue freeze, the close at DPD 91.
@Suite struct EndOfDayTests {
    typealias F = AggregateFixture

    /// A 10,000.00 loan disbursed 2026-01-15 (first due 2026-02-15), days closed through
    /// `through` one at a time.
    func defaulter(through: String, amount: String = "10000", termMonths: Int64 = 12)
        throws -> (CustomerHarness, [BusinessDate: [DecidedEvent]])
    {
        var h = try CustomerHarness.withLine(
            limit: "1000000", loan: F.disbursement(F.loan, amount, terms: F.terms(
                termMonths: termMonths)))
        let days = h.closeDays(through: through)
        return (h, days)
    }

    func stageChange(_ from: CollectionStage, _ to: CollectionStage, dpd: Int64,
                     _ h: CustomerHarness, on day: BusinessDate) -> LendingEvent
    {
        let overdue = h.loan().statement(asOf: day).overdue.total
        return .collectionStageChanged(.init(loan: F.loan, from: from, to: to, dpd: dpd,
                                             overdueAmount: overdue))
    }

    @Test("A missed installment: grace on due+1, nothing more through due+3, overdue on due+4")
    func missedInstallment() throws {
        let (h, days) = try defaulter(through: "2026-02-19")
        let due = F.date("2026-02-15")
        #expect(days.filter { $0.key <= due }.allSatisfy { $0.value.isEmpty })
        #expect(days[due.adding(days: 1)]?.map(\.event)
                == [stageChange(.current, .grace, dpd: 1, h, on: due.adding(days: 1))])
        #expect(days[due.adding(days: 2)] == [])
        #expect(days[due.adding(days: 3)] == [])
        let day4 = due.adding(days: 4)
        #expect(days[day4] == [
            DecidedEvent(.installmentOverdue(.init(loan: F.loan, installment: 1, dueDate: due)),
                         on: day4),
            DecidedEvent(stageChange(.grace, .early, dpd: 4, h, on: day4), on: day4),
            DecidedEvent(.creditLineFrozen(.init(customerId: F.customer, reason: .overdue,
                                                 causedByLoan: F.loan)), on: day4),
        ])
        #expect(h.loan().isRecordedOverdue)
        #expect(h.loan().recordedStage == .early)
        #expect(h.state.line?.freezeReasons == [.overdue])
    }

    @Test("Closing day after day straight to due+4 goes current → early at once")
    func skippedDays() throws {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        h.advance(to: "2026-02-19")
        let events = h.close("2026-02-19")
        #expect(F.types(events) == ["InstallmentOverdue", "CollectionStageChanged",
                                    "CreditLineFrozen"])
        guard case .collectionStageChanged(let change) = events[1].event else { return }
        #expect(change.from == .current)
        #expect(change.to == .early)
    }

    @Test("End of day is idempotent: closing the same day again appends nothing",
          arguments: ["2026-02-15", "2026-02-16", "2026-02-19", "2026-03-18", "2026-05-17"])
    func idempotent(_ day: String) throws {
        let (h, _) = try defaulter(through: day)
        let date = F.date(day)
        #expect(h.state.closeDay(date, policy: .standard) == [])
        #expect(h.state.closeDay(date, policy: .standard, only: [F.loan]) == [])
    }

    @Test("A late payment cures the loan in its own decision and lifts the overdue freeze")
    func latePaymentCures() throws {
        var (h, _) = try defaulter(through: "2026-02-24")
        h.advance(to: "2026-02-25")
        let owed = h.statement(asOf: "2026-02-25").overdue.total
        #expect(owed > F.yuan("899.75"))  // penalty since 2026-02-16
        let events = try h.run(.repay(loan: F.loan, amount: owed, on: F.date("2026-02-25"),
                                      reference: F.ref("P1"), channel: nil))
        let day = F.date("2026-02-25")
        #expect(Array(events.dropFirst()) == [
            DecidedEvent(.loanCured(.init(loan: F.loan, reason: .payment)), on: day),
            DecidedEvent(.creditLineUnfrozen(.init(customerId: F.customer, reason: .overdue)),
                         on: day),
        ])
        #expect(h.state.line?.status == .active)
        #expect(!h.loan().isRecordedOverdue)
        let closing = h.close(day)
        #expect(closing.map(\.event) == [stageChange(.early, .current, dpd: 0, h, on: day)])
    }

    @Test("A partial late payment does not cure")
    func partialDoesNotCure() throws {
        var (h, _) = try defaulter(through: "2026-02-24")
        h.advance(to: "2026-02-25")
        let events = try h.run(F.repay("P1", "899.75", on: "2026-02-25"))
        #expect(F.types(events) == ["RepaymentReceived"])
        #expect(h.loan().isRecordedOverdue)
    }

    @Test("A defaulter walks grace → early → mid → late and the line closes at DPD 91")
    func defaulterWalk() throws {
        let (h, days) = try defaulter(through: "2026-06-01")
        let due = F.date("2026-02-15")
        var stages: [Int64: CollectionStage] = [:]
        var closes: [BusinessDate] = []
        var notices: [Int64: BusinessDate] = [:]
        for (day, events) in days {
            for decided in events {
                #expect(decided.effectiveDate == day)
                switch decided.event {
                case .collectionStageChanged(let change):
                    stages[change.dpd] = change.to
                    #expect(due.days(until: day) == change.dpd)
                case .creditLineClosed(let closed):
                    #expect(closed.cause == .dpd91)
                    #expect(closed.causedByLoan == F.loan)
                    closes.append(day)
                case .installmentOverdue(let notice):
                    notices[notice.installment] = day
                    #expect(day == notice.dueDate.adding(days: 4))
                default: break
                }
            }
        }
        #expect(stages == [1: .grace, 4: .early, 31: .mid, 91: .late])
        #expect(closes == [due.adding(days: 91)])
        #expect(notices.keys.sorted() == [1, 2, 3, 4])
        #expect(h.state.line?.status == .closed)
        #expect(h.state.line?.freezeReasons == [.overdue])
    }

    @Test("A large debt (20,000.00 or more overdue) reaches mid at DPD 16")
    func largeDebt() throws {
        let (h, days) = try defaulter(through: "2026-03-20", amount: "200000", termMonths: 3)
        let due = F.date("2026-02-15")
        var stages: [Int64: CollectionStage] = [:]
        for events in days.values {
            for case .collectionStageChanged(let change) in events.map(\.event) {
                stages[change.dpd] = change.to
            }
        }
        #expect(stages == [1: .grace, 4: .early, 16: .mid])
        #expect(h.statement(asOf: due.adding(days: 16).description).overdue.total
                >= .yuan(20_000))
    }

    @Test("A debt just under 20,000.00 stays early at DPD 16 and turns mid at 31")
    func ordinaryDebt() throws {
        let (_, days) = try defaulter(through: "2026-03-18", amount: "10000", termMonths: 3)
        var stages: [Int64: CollectionStage] = [:]
        for events in days.values {
            for case .collectionStageChanged(let change) in events.map(\.event) {
                stages[change.dpd] = change.to
            }
        }
        #expect(stages == [1: .grace, 4: .early, 31: .mid])
    }

    @Test("Grace is contractual: a 0-day grace loan is overdue the day after its due date")
    func zeroGrace() throws {
        var h = try CustomerHarness.withLine(
            loan: F.disbursement(terms: F.terms(graceDays: 0)))
        let days = h.closeDays(through: "2026-02-16")
        #expect(F.types(days[F.date("2026-02-16")] ?? [])
                == ["InstallmentOverdue", "CollectionStageChanged", "CreditLineFrozen"])
    }

    @Test("Two overdue loans keep the freeze until both are cured")
    func freezeUntilAllCured() throws {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        try h.run(F.disbursement(F.loan2, "1000"))
        h.closeDays(through: "2026-02-20")
        h.advance(to: "2026-02-21")
        #expect(h.state.line?.freezeReasons == [.overdue])
        let owed = h.statement(asOf: "2026-02-21").overdue.total
        let first = try h.run(.repay(loan: F.loan, amount: owed, on: h.today,
                                     reference: F.ref("P1"), channel: nil))
        #expect(F.types(first) == ["RepaymentReceived", "LoanCured"])
        #expect(h.state.line?.freezeReasons == [.overdue])
        let owed2 = h.statement(F.loan2, asOf: "2026-02-21").overdue.total
        let second = try h.run(.repay(loan: F.loan2, amount: owed2, on: h.today,
                                      reference: F.ref("P2"), channel: nil))
        #expect(F.types(second) == ["RepaymentReceived", "LoanCured", "CreditLineUnfrozen"])
        #expect(h.state.line?.freezeReasons == [])
    }

    @Test("The day a new collection policy takes effect is a review day for every loan")
    func policyChangeIsReviewDay() throws {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        h.closeDays(through: "2026-03-01")
        var stricter = CollectionPolicy.standard
        stricter.effectiveFrom = F.date("2026-03-02")
        stricter.midStartDPD = 15
        let book = CollectionPolicyBook(versions: [stricter])
        let after = F.date("2026-03-01")
        // DPD 14: under the standard policy nothing can change before DPD 16 (large-debt mid).
        #expect(h.state.nextReviewDate(of: F.loan, after: after, policy: .standard)
                == F.date("2026-03-03"))
        #expect(h.state.nextReviewDate(of: F.loan, after: after, policies: book)
                == F.date("2026-03-02"))
        h.policies = book
        let changes = h.closeDays(through: "2026-03-02")[F.date("2026-03-02")] ?? []
        #expect(changes.map(\.event) == [
            stageChange(.early, .mid, dpd: 15, h, on: F.date("2026-03-02")),
        ])
    }

    @Test("A paid-off loan is never reviewed again; a loan before its disbursement is, on it")
    func reviewDates() throws {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        let policy = CollectionPolicy.standard
        #expect(h.state.nextReviewDate(of: F.loan, after: F.date("2026-01-10"), policy: policy)
                == F.date("2026-01-15"))
        #expect(h.state.nextReviewDate(of: F.loan, after: F.date("2026-01-15"), policy: policy)
                == F.date("2026-02-15"))
        h.advance(to: "2026-02-01")
        let quote = h.statement(asOf: "2026-02-01").payoff.amount
        try h.run(.repay(loan: F.loan, amount: quote, on: h.today, reference: F.ref("P1"),
                         channel: nil))
        #expect(h.state.nextReviewDate(of: F.loan, after: h.today, policy: policy) == nil)
    }
}

/// End of day run late: days left unclosed while facts keep arriving.
@Suite struct LateEndOfDayTests {
    typealias F = AggregateFixture

    @Test("Closing days left open after a cure does not notice the cured installment again")
    func pendingDaysAfterCure() throws {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        h.closeDays(through: "2026-02-19")
        h.advance(to: "2026-02-24")
        let owed = h.statement(asOf: "2026-02-22").overdue.total
        let cure = try h.run(.repay(loan: F.loan, amount: owed, on: F.date("2026-02-22"),
                                    reference: F.ref("P1"), channel: nil))
        #expect(F.types(cure) == ["RepaymentReceived", "LoanCured", "CreditLineUnfrozen"])
        let days = h.closeDays(through: "2026-02-24")
        #expect(days.keys.sorted().map { F.types(days[$0] ?? []) }
                == [[], [], ["CollectionStageChanged"], [], []])
        #expect(h.state.line?.status == .active)
        #expect(h.loan().recordedStage == .current)
    }

    @Test("A bounced cure is noticed again on the first day closed after the cure")
    func bouncedCureAfterLateClose() throws {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        h.closeDays(through: "2026-02-19")
        h.advance(to: "2026-02-24")
        let owed = h.statement(asOf: "2026-02-22").overdue.total
        try h.run(.repay(loan: F.loan, amount: owed, on: F.date("2026-02-22"),
                         reference: F.ref("P1"), channel: nil))
        try h.run(.reverse(loan: F.loan, reference: F.ref("P1"), on: h.today))
        let days = h.closeDays(through: "2026-02-24")
        #expect(days.keys.sorted().map { F.types(days[$0] ?? []) }
                == [[], [], ["InstallmentOverdue", "CreditLineFrozen"], [], []])
        #expect(h.loan().isRecordedOverdue)
    }
}
