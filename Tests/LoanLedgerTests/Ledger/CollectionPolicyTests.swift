import EventStore
import Lending
import LoanLedger
import Testing

@Suite struct CollectionPolicyTests {
    @Test("a policy adopted for a future date moves stages from that date, for old loans too")
    func adoptedPolicyAppliesFromItsDate() throws {
        let f = try LedgerFixture(today: "2026-03-20")
        try f.run(.openLine(limit: .yuan(50_000), on: LedgerFixture.date("2026-01-01")),
                  customer: "C-1")
        try f.disburse("L-1", customer: "C-1", yuan: 10_000, on: "2026-01-10")
        try f.ledger.closeDays(through: LedgerFixture.date("2026-02-28"))
        // Installment 1 fell due 2026-02-10: DPD 18 on 02-28, early under the standard policy.
        #expect(try f.ledger.loan(LoanID(validated: "L-1"),
                                  asOf: LedgerFixture.date("2026-02-28")).stage == .early)

        var stricter = CollectionPolicy.standard
        stricter.effectiveFrom = LedgerFixture.date("2026-03-02")
        stricter.midStartDPD = 20
        let adopted = try f.ledger.adoptCollectionPolicy(stricter, metadata: f.ops)
        #expect(adopted.type == "CollectionPolicyAdopted")

        let report = try f.ledger.closeDays(through: LedgerFixture.date("2026-03-05"))
        let onTheDay = try #require(report.days.first { $0.day.description == "2026-03-02" })
        #expect(onTheDay.loansVisited == 1, "a new policy version visits every open loan")
        let history = try f.ledger.history(ofLoan: LoanID(validated: "L-1"))
        let change = try #require(history.last { $0.type == "CollectionStageChanged" })
        #expect(change.effectiveDate == "2026-03-02")
        #expect(String(decoding: change.data, as: UTF8.self).contains(#""to":"mid""#))
        // Before its date the old version still answers.
        #expect(try f.ledger.loan(LoanID(validated: "L-1"),
                                  asOf: LedgerFixture.date("2026-03-01")).stage == .early)
        #expect(try f.ledger.verify().isIntact)
    }

    @Test("a policy cannot take effect on a day already closed")
    func backdatedPolicyRefused() throws {
        let f = try LedgerFixture(today: "2026-03-20")
        try f.run(.openLine(limit: .yuan(50_000), on: LedgerFixture.date("2026-01-01")),
                  customer: "C-1")
        try f.ledger.closeDays(through: LedgerFixture.date("2026-02-28"))
        var policy = CollectionPolicy.standard
        policy.effectiveFrom = LedgerFixture.date("2026-02-28")
        let head = try f.ledger.store.head()
        do {
            try f.ledger.adoptCollectionPolicy(policy, metadata: f.ops)
            Issue.record("a backdated policy was adopted")
        } catch {
            #expect(error.category == .refused)
            #expect(error.description.contains("policy-backdated"))
        }
        #expect(try f.ledger.store.head() == head)
    }
}
