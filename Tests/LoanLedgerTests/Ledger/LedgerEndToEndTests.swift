import EventStore
import Lending
import LoanLedger
import Projections
import Testing
import TestSupport

@Suite struct LedgerEndToEndTests {
    @Test("open, disburse, repay and pay off with exact numbers",
          arguments: LedgerFixture.Backend.available)
    func lifecycleWithExactNumbers(_ backend: LedgerFixture.Backend) throws {
        let f = try LedgerFixture(today: "2026-03-01", backend: backend)
        try f.run(.openLine(limit: .yuan(50_000), on: LedgerFixture.date("2026-01-15")),
                  customer: "C-1")
        try f.disburse("L-1", customer: "C-1", yuan: 10_000, on: "2026-01-15")
        let view = try f.ledger.loan(LoanID(validated: "L-1"))
        #expect(view.statement.contract.schedule.first?.total == Money(fen: 89_975))
        #expect(view.statement.contract.schedule.first?.interest == Money(fen: 12_000))
        let line = try f.ledger.creditLine(CustomerID(validated: "C-1"))
        #expect(line.available == Money.yuan(40_000))

        let repaid = try f.repay("L-1", fen: 89_975, on: "2026-02-15", ref: "P-1")
        #expect(repaid.events.map(\.event.type) == ["RepaymentReceived"])

        let quote = try f.ledger.payoff(LoanID(validated: "L-1"),
                                        on: LedgerFixture.date("2026-03-01"))
        let settled = try f.repay("L-1", fen: quote.amount.fen, on: "2026-03-01", ref: "P-2")
        #expect(settled.events.map(\.event.type) == ["RepaymentReceived", "LoanClosed"])
        let closed = try f.ledger.loan(LoanID(validated: "L-1"))
        #expect(closed.statement.status == .closed)
        #expect(closed.statement.outstandingPrincipal == .zero)
        #expect(try f.ledger.creditLine(CustomerID(validated: "C-1")).available == .yuan(50_000))
        #expect(try f.ledger.verify().isIntact)
    }

    @Test("a repeated reference reports the first result and writes nothing")
    func referenceIdempotency() throws {
        let f = try LedgerFixture(today: "2026-03-01")
        try f.run(.openLine(limit: .yuan(50_000), on: LedgerFixture.date("2026-01-15")),
                  customer: "C-1")
        try f.disburse("L-1", customer: "C-1", yuan: 10_000, on: "2026-01-15")
        let first = try f.repay("L-1", fen: 10_000, on: "2026-02-01", ref: "P-1")
        let head = try f.ledger.store.head()
        let again = try f.repay("L-1", fen: 10_000, on: "2026-02-01", ref: "P-1")
        #expect(again.wasDuplicate)
        #expect(again.events.map(\.recorded.position) == first.events.map(\.recorded.position))
        #expect(try f.ledger.store.head() == head)
        #expect(throws: LedgerError.self) {
            try f.repay("L-1", fen: 20_000, on: "2026-02-01", ref: "P-1")
        }
        #expect(try f.ledger.store.head() == head)
    }

    @Test("a retried request id writes nothing new, even for a disbursement")
    func requestIdempotency() throws {
        let f = try LedgerFixture(today: "2026-03-01")
        try f.run(.openLine(limit: .yuan(50_000), on: LedgerFixture.date("2026-01-15")),
                  customer: "C-1", requestId: "req-1")
        let head = try f.ledger.store.head()
        let retry = try f.run(.openLine(limit: .yuan(50_000),
                                        on: LedgerFixture.date("2026-01-15")),
                              customer: "C-1", requestId: "req-1")
        #expect(retry.wasDuplicate)
        #expect(try f.ledger.store.head() == head)
        #expect(throws: LedgerError.self) {
            try f.run(.openLine(limit: .yuan(1), on: LedgerFixture.date("2026-01-15")),
                      customer: "C-2", requestId: "req-1")
        }
    }

    @Test("loan ids are unique across customers (the loan index)")
    func loanIdUniqueAcrossCustomers() throws {
        let f = try LedgerFixture(today: "2026-03-01")
        for customer in ["C-1", "C-2"] {
            try f.run(.openLine(limit: .yuan(50_000), on: LedgerFixture.date("2026-01-15")),
                      customer: customer)
        }
        try f.disburse("L-1", customer: "C-1", yuan: 1_000, on: "2026-01-15")
        let head = try f.ledger.store.head()
        do {
            try f.disburse("L-1", customer: "C-2", yuan: 1_000, on: "2026-01-15")
            Issue.record("duplicate loan id accepted")
        } catch let error as LedgerError {
            #expect(error.category == .refused)
            #expect(error.description.contains("duplicate-loan-id"))
        }
        #expect(try f.ledger.store.head() == head)
        #expect(try f.ledger.customer(ofLoan: LoanID(validated: "L-1")).rawValue == "C-1")
    }

    @Test("end of day sends an unpaid loan to collections; a backdated payment corrects it",
          arguments: LedgerFixture.Backend.available)
    func backdatedRepaymentCorrectsCollections(_ backend: LedgerFixture.Backend) throws {
        let f = try LedgerFixture(today: "2026-03-01", backend: backend)
        try f.run(.openLine(limit: .yuan(50_000), on: LedgerFixture.date("2026-01-15")),
                  customer: "C-1")
        try f.disburse("L-1", customer: "C-1", yuan: 10_000, on: "2026-01-15")
        try f.ledger.closeDays(through: LedgerFixture.date("2026-02-25"))
        let before = try f.ledger.loan(LoanID(validated: "L-1"),
                                       asOf: LedgerFixture.date("2026-02-25"))
        #expect(before.statement.isOverdue)
        #expect(before.stage == .early)
        let knownThen = try f.ledger.store.head().position
        #expect(try f.ledger.creditLine(CustomerID(validated: "C-1")).status == .frozen)

        let late = try f.repay("L-1", fen: 89_975, on: "2026-02-15", ref: "P-1")
        let types = late.events.map(\.event.type)
        #expect(types.contains("LoanCured"))
        #expect(types.contains("CollectionStageChanged"))
        #expect(types.contains("CreditLineUnfrozen"))
        let now = try f.ledger.loan(LoanID(validated: "L-1"),
                                    asOf: LedgerFixture.date("2026-02-25"))
        #expect(!now.statement.isOverdue)
        let then = try f.ledger.loan(LoanID(validated: "L-1"),
                                     asOf: LedgerFixture.date("2026-02-25"),
                                     knownAt: .position(knownThen))
        #expect(then.statement.isOverdue)
        // The worked example of docs/projections.md.
        #expect(then.statement.dpd == 10)
        #expect(then.stage == .early)
        #expect(then.statement.overdue.penalty == Money(fen: 468))
        #expect(now.statement.dpd == 0)
        #expect(now.stage == .current)
        #expect(now.statement.overdue.penalty == .zero)
        #expect(try f.ledger.creditLine(CustomerID(validated: "C-1")).status == .active)
        #expect(try f.ledger.verify().isIntact)
    }

    @Test("closing days twice appends nothing; rebuild equals the incremental read models",
          arguments: LedgerFixture.Backend.available)
    func dayCloseIdempotentAndRebuildEqual(_ backend: LedgerFixture.Backend) throws {
        let f = try LedgerFixture(today: "2026-06-01", backend: backend)
        try f.run(.openLine(limit: .yuan(90_000), on: LedgerFixture.date("2026-01-15")),
                  customer: "C-1")
        try f.disburse("L-1", customer: "C-1", yuan: 10_000, on: "2026-01-15")
        try f.disburse("L-2", customer: "C-1", yuan: 30_000, term: 6,
                       method: .interestFirst, on: "2026-01-20")
        try f.ledger.closeDays(through: LedgerFixture.date("2026-03-10"))
        _ = try f.repay("L-1", fen: 50_000, on: "2026-03-12", ref: "P-1")
        let report = try f.ledger.closeDays(through: LedgerFixture.date("2026-05-31"))
        #expect(report.days.count == 82)
        let head = try f.ledger.store.head()
        let again = try f.ledger.closeDays(through: LedgerFixture.date("2026-05-31"))
        #expect(again.days.isEmpty)
        #expect(try f.ledger.store.head() == head)
        let verified = try f.ledger.verify()
        #expect(verified.readModelDifference == nil)
        #expect(verified.isIntact)
        try f.ledger.rebuild()
        #expect(try f.ledger.verify().isIntact)
        let portfolio = try f.ledger.portfolio(asOf: LedgerFixture.date("2026-05-31"))
        #expect(portfolio.source == .snapshot)
        let replayed = try f.ledger.portfolio(asOf: LedgerFixture.date("2026-05-31"),
                                              knownAt: .position(head.position))
        #expect(replayed.source == .replay)
        #expect(portfolio.buckets.map(\.loans) == replayed.buckets.map(\.loans))
        #expect(portfolio.buckets.map(\.outstandingPrincipal)
                    == replayed.buckets.map(\.outstandingPrincipal))
    }

    @Test("an imported log keeps its loan index, references and request ids working")
    func importRestoresKeys() throws {
        let source = try LedgerFixture(today: "2026-03-01")
        try source.run(.openLine(limit: .yuan(50_000), on: LedgerFixture.date("2026-01-15")),
                       customer: "C-1")
        try source.disburse("L-1", customer: "C-1", yuan: 10_000, on: "2026-01-15")
        _ = try source.repay("L-1", fen: 10_000, on: "2026-02-01", ref: "P-1")
        try source.run(.openLine(limit: .yuan(1_000), on: LedgerFixture.date("2026-01-15")),
                       customer: "C-2", requestId: "req-open-C-2")
        var lines: [[UInt8]] = []
        try source.ledger.export { bytes in lines.append(Array(bytes.dropLast())) }

        let target = try LedgerFixture(today: "2026-03-01")
        #expect(try target.ledger.importLog(lines: lines) == Int64(lines.count))
        #expect(try target.ledger.store.head() == (try source.ledger.store.head()))
        // The loan index: a command naming only the loan finds its customer.
        _ = try target.repay("L-1", fen: 5_000, on: "2026-02-10", ref: "P-2")
        // The same reference with the same values is the first result; other values refused.
        #expect(try target.repay("L-1", fen: 10_000, on: "2026-02-01", ref: "P-1").wasDuplicate)
        #expect(throws: LedgerError.self) {
            try target.disburse("L-1", customer: "C-2", yuan: 100, on: "2026-01-16")
        }
        let retried = try target.run(.openLine(limit: .yuan(1_000),
                                               on: LedgerFixture.date("2026-01-15")),
                                     customer: "C-2", requestId: "req-open-C-2")
        #expect(retried.wasDuplicate)
        #expect(try target.ledger.verify().isIntact)
    }

    @Test("a log restored without its read models is caught up by the next write")
    func lagCaughtUpByNextWrite() throws {
        let source = try LedgerFixture(today: "2026-03-01")
        try source.run(.openLine(limit: .yuan(50_000), on: LedgerFixture.date("2026-01-15")),
                       customer: "C-1")
        try source.disburse("L-1", customer: "C-1", yuan: 10_000, on: "2026-01-15")
        try source.ledger.closeDays(through: LedgerFixture.date("2026-02-20"))
        let events = try source.ledger.store.readAll(afterPosition: 0, limit: 10_000)

        // What an import killed between its restore and its rebuild leaves behind.
        let target = try LedgerFixture(today: "2026-03-01")
        try target.ledger.store.restore(events)
        let lagging = try target.ledger.verify()
        #expect(lagging.chain.isIntact)
        #expect(lagging.readModelDifference?.contains("behind the log") == true)

        _ = try target.repay("L-1", fen: 89_975, on: "2026-03-01", ref: "P-1")
        #expect(try target.ledger.verify().isIntact)
        #expect(try target.ledger.readModelsAreCurrent())
    }

    @Test("a credit line as of a past date shows the freezes recorded by then")
    func creditLineAsOfPastDate() throws {
        let f = try LedgerFixture(today: "2026-03-01")
        try f.run(.openLine(limit: .yuan(50_000), on: LedgerFixture.date("2026-01-15")),
                  customer: "C-1")
        try f.disburse("L-1", customer: "C-1", yuan: 10_000, on: "2026-01-15")
        try f.ledger.closeDays(through: LedgerFixture.date("2026-02-25"))
        let customer = CustomerID(validated: "C-1")
        #expect(try f.ledger.creditLine(customer).status == .frozen)
        let before = try f.ledger.creditLine(customer, asOf: LedgerFixture.date("2026-02-18"))
        #expect(before.status == .active)
        #expect(before.freezeReasons.isEmpty)
        let after = try f.ledger.creditLine(customer, asOf: LedgerFixture.date("2026-02-19"))
        #expect(after.freezeReasons == [.overdue])
        #expect(throws: LedgerError.self) {
            try f.ledger.creditLine(customer, asOf: LedgerFixture.date("2026-01-14"))
        }
    }
}
