import EventStore
import Lending
import LoanLedger
import Testing

@Suite struct DayCloseVisitTests {
    @Test("end of day visits only the loans whose state can change that day")
    func visitsOnlyLoansThatCanChange() throws {
        let f = try LedgerFixture(today: "2026-03-31")
        try f.run(.openLine(limit: .yuan(500_000), on: LedgerFixture.date("2026-01-01")),
                  customer: "C-1")
        // Ten loans due on the 10th of each month; nobody pays.
        for index in 1...10 {
            try f.disburse("L-\(index)", customer: "C-1", yuan: 1_000, on: "2026-01-10")
        }
        let report = try f.ledger.closeDays(through: LedgerFixture.date("2026-02-28"))
        let visits = Dictionary(uniqueKeysWithValues: report.days.map {
            ($0.day.description, $0.loansVisited)
        })
        // Disbursement day, the due date, the day after it (DPD 1 → grace) and every day up to
        // due + grace + 1 carry visits; the quiet days in between visit nothing.
        #expect(visits["2026-01-10"] == 10)
        #expect(visits["2026-01-20"] == 0)
        #expect(visits["2026-02-10"] == 10)
        #expect(visits["2026-02-25"] == 0)
        let quietDays = report.days.filter { $0.loansVisited == 0 }.count
        #expect(quietDays > 40, "only \(quietDays) of \(report.days.count) days were quiet")
        // The loans went overdue on 2026-02-14 (due 02-10 + 3 grace + 1): visited that day.
        #expect(visits["2026-02-14"] == 10)
        let overdue = try f.ledger.loan(LoanID(validated: "L-1"),
                                        asOf: LedgerFixture.date("2026-02-28"))
        #expect(overdue.statement.dpd == 18)
        #expect(overdue.stage == .early)
    }
}
