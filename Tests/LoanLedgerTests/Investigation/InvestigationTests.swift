import Foundation
import Lending
import LoanLedger
import Testing
import TestSupport

@Suite struct InvestigationTests {
    /// Paid on the due date, recorded after end of day had closed six more days.
    static func lateRecord() throws -> (InvestigationFixture, Investigation) {
        let fixture = try InvestigationFixture()
        try fixture.closeDays(through: InvestigationFixture.date(2, 11))
        try fixture.repay(InvestigationFixture.installment, on: InvestigationFixture.firstDue,
                          reference: "PAY-1")
        try fixture.closeDays(through: InvestigationFixture.date(2, 20))
        return (fixture, try fixture.ledger.investigate(fixture.loan))
    }

    @Test("A repayment recorded after end of day: overdue as known then, never as known now")
    func lateRecordDifferences() throws {
        let (_, story) = try Self.lateRecord()
        let run = try #require(story.differences.first)
        #expect(story.differences.count == 1)
        #expect(run.from == InvestigationFixture.firstDue)
        #expect(run.through == InvestigationFixture.date(2, 11))
        #expect(run.fields == ["dpd", "stage", "penalty", "principal", "line"])
        #expect(run.days.map(\.knownThen.dpd) == [0, 1, 2, 3, 4, 5, 6])
        #expect(run.days.map(\.knownThen.stage)
                == ["current", "grace", "grace", "grace", "early", "early", "early"])
        #expect(run.days.allSatisfy { $0.knownNow.dpd == 0 && $0.knownNow.stage == "current" })
        #expect(run.days.allSatisfy { $0.knownNow.penaltyAccrued == .zero })
        #expect(run.days.last?.knownThen.penaltyAccrued.isPositive == true)
        #expect(run.days.last?.knownThen.line == "frozen (overdue)")
        #expect(run.days.allSatisfy { $0.knownNow.line == "active" })
        #expect(run.explanations.map(\.type) == ["RepaymentReceived"])
        #expect(run.explanations.first?.effectiveDate == InvestigationFixture.firstDue)
    }

    @Test("As known now the loan was never overdue on any closed day")
    func neverOverdueNow() throws {
        let (_, story) = try Self.lateRecord()
        #expect(story.timeline.first?.date == InvestigationFixture.disbursedOn)
        #expect(story.timeline.last?.date == InvestigationFixture.date(2, 20))
        #expect(story.timeline.allSatisfy { $0.knownNow.dpd == 0 })
        let after = story.timeline.filter { $0.date > InvestigationFixture.date(2, 11) }
        #expect(!after.isEmpty)
        #expect(after.allSatisfy { $0.differingFields.isEmpty })
    }

    @Test("Entries are in business order; the late repayment is marked and comes first")
    func entriesInBusinessOrder() throws {
        let (_, story) = try Self.lateRecord()
        let keys = story.entries.map { ($0.effectiveDate, $0.position) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
        let repayment = try #require(story.entries.first { $0.type == "RepaymentReceived" })
        #expect(repayment.isBackdated)
        #expect(repayment.effectiveDate == InvestigationFixture.firstDue)
        let overdue = try #require(story.entries.first { $0.type == "InstallmentOverdue" })
        #expect(overdue.effectiveDate == InvestigationFixture.date(2, 9))
        #expect(overdue.knownThen.dpd == 4)
        #expect(overdue.knownThen.penaltyDue.isPositive)
        #expect(overdue.knownNow.dpd == 0)
        #expect(overdue.knownNow.penaltyDue == .zero)
        let cure = try #require(story.entries.first { $0.type == "LoanCured" })
        #expect(cure.isBackdated)
        #expect(cure.sentence.contains("wrong from 2026-02-05"))
    }

    @Test("A reversal learned later: paid as known then, overdue as known now")
    func reversalDifferences() throws {
        let fixture = try InvestigationFixture()
        try fixture.closeDays(through: InvestigationFixture.date(2, 4))
        try fixture.repay(InvestigationFixture.installment, on: InvestigationFixture.firstDue,
                          reference: "PAY-1")
        try fixture.closeDays(through: InvestigationFixture.date(2, 15))
        try fixture.run(.reverse(loan: fixture.loan,
                                 reference: PaymentReference(validated: "PAY-1"),
                                 on: InvestigationFixture.date(2, 16)),
                        actor: "ops.wang", reason: "bounced")
        try fixture.closeDays(through: InvestigationFixture.date(2, 18))
        let story = try fixture.ledger.investigate(fixture.loan)
        let run = try #require(story.differences.first)
        #expect(story.differences.count == 1)
        #expect(run.from == InvestigationFixture.firstDue)
        #expect(run.through == InvestigationFixture.date(2, 15))
        #expect(run.days.allSatisfy { $0.knownThen.dpd == 0 })
        #expect(run.days.last?.knownNow.dpd == 10)
        #expect(run.days.last?.knownNow.stage == "early")
        #expect(run.explanations.map(\.type) == ["RepaymentReversed"])
    }

    @Test("A line closed at DPD 91 that, as known now, was never reached is called out")
    func lineClosedAtDPD91() throws {
        let fixture = try InvestigationFixture()
        try fixture.closeDays(through: InvestigationFixture.date(5, 8))
        for (month, reference) in [(2, "PAY-1"), (3, "PAY-2"), (4, "PAY-3")] as [(Int64, String)] {
            try fixture.repay(InvestigationFixture.installment,
                              on: InvestigationFixture.date(month, 5), reference: reference)
        }
        try fixture.closeDays(through: InvestigationFixture.date(5, 10))
        let story = try fixture.ledger.investigate(fixture.loan)
        #expect(story.entries.contains { $0.type == "CreditLineClosed" })
        #expect(story.timeline.map(\.knownThen.dpd).max() == 92)
        #expect((story.timeline.map(\.knownNow.dpd).max() ?? 99) < 91)
        #expect(story.timeline.last?.knownNow.line == "closed")
        #expect(story.summary.contains {
            $0.hasPrefix("The line was closed automatically at DPD 91, but as known now")
        })
        #expect(story.differences.first?.explanations.map(\.type)
                == ["RepaymentReceived", "RepaymentReceived", "RepaymentReceived"])
    }

    @Test("A loan nobody touched later shows no difference")
    func noDifference() throws {
        let fixture = try InvestigationFixture()
        try fixture.repay(InvestigationFixture.installment, on: InvestigationFixture.disbursedOn,
                          reference: "PAY-1")
        try fixture.closeDays(through: InvestigationFixture.date(2, 10))
        let story = try fixture.ledger.investigate(fixture.loan)
        #expect(story.differences.isEmpty)
        #expect(story.summary.contains {
            $0 == "What we knew at each day's close matches what we know now."
        })
    }

    @Test("Before any day is closed there is nothing to compare, and the story says so")
    func nothingClosed() throws {
        let fixture = try InvestigationFixture()
        let story = try fixture.ledger.investigate(fixture.loan)
        #expect(story.lastClosedDay == nil)
        #expect(story.timeline.isEmpty)
        #expect(story.entries.map(\.type) == ["LoanDisbursed"])
        #expect(story.summary.last
                == "No business day of this loan has been closed yet: nothing to compare.")
        #expect(InvestigationReport.html(story).contains("nothing to chart"))
    }

    @Test("Investigating an unknown loan is not found")
    func unknownLoan() throws {
        let fixture = try InvestigationFixture()
        #expect {
            try fixture.ledger.investigate(LoanID(validated: "L-404"))
        } throws: { error in
            (error as? LedgerError)?.category == .notFound
        }
    }

    @Test("The text report lists every event and the differing days")
    func textReport() throws {
        let (_, story) = try Self.lateRecord()
        let text = InvestigationReport.text(story)
        // Sentences are wrapped: compare with the line breaks and indents taken out.
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for entry in story.entries {
            #expect(flat.contains(entry.sentence.split(separator: " ").joined(separator: " ")))
        }
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 130 })
        #expect(text.contains("2026-02-05 – 2026-02-11: dpd, stage, penalty, principal, line"))
        #expect(text.contains("* 2026-02-05"))
        #expect(text.contains("as known then: principal"))
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }
}
