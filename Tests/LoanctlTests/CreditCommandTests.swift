import Foundation
import Testing

/// `credit …` end to end: each command's happy path, its output, and what it wrote.
@Suite("Credit commands")
struct CreditCommandTests {
    @Test("credit open prints the event it wrote and the limit")
    func open() throws {
        let (directory, loanctl) = try Loanctl.fresh("credit-open")
        let output = try loanctl.succeed(["credit", "open", "C-1", "--limit", "50000",
                                          "--on", "2026-03-01"])
        #expect(output == """
            wrote 1 event for customer 'C-1'
            POSITION  TYPE              EFFECTIVE
                   1  CreditLineOpened  2026-03-01

            limit: 50000.00

            """)
        #expect(try loanctl.headPosition() == 1)
        withExtendedLifetime(directory) {}
    }

    @Test("adjust, freeze, unfreeze, close and reopen each write their event and show in 'show'")
    func lifecycle() throws {
        let (directory, loanctl) = try Loanctl.fresh("credit-lifecycle")
        try loanctl.succeed(["credit", "open", "C-1", "--limit", "50000", "--on", "2026-03-01"])
        let steps: [(arguments: [String], type: String, status: String, limit: String)] = [
            (["credit", "adjust", "C-1", "--limit", "80000", "--on", "2026-03-02",
              "--reason", "annual review"], "CreditLimitAdjusted", "active", "80000.00"),
            (["credit", "freeze", "C-1", "--on", "2026-03-03", "--reason", "fraud check"],
             "CreditLineFrozen", "frozen", "80000.00"),
            (["credit", "unfreeze", "C-1", "--on", "2026-03-04", "--reason", "cleared"],
             "CreditLineUnfrozen", "active", "80000.00"),
            (["credit", "close", "C-1", "--on", "2026-03-05", "--reason", "customer request"],
             "CreditLineClosed", "closed", "80000.00"),
            (["credit", "reopen", "C-1", "--limit", "20000", "--on", "2026-03-06",
              "--reason", "customer asked again"], "CreditLineReopened", "active", "20000.00"),
        ]
        for (index, step) in steps.enumerated() {
            let written = try loanctl.json(step.arguments)
            let events = try #require(written["events"] as? [[String: Any]])
            #expect(events.first?["type"] as? String == step.type)
            #expect(events.first?["position"] as? Int == index + 2)
            let line = try loanctl.json(["credit", "show", "C-1"])
            #expect(line["status"] as? String == step.status, "after \(step.type)")
            #expect(line["limit"] as? String == step.limit)
        }
        withExtendedLifetime(directory) {}
    }

    @Test("credit show as text aligns the loans with amounts on the right")
    func showText() throws {
        let book = try BookFixture.get()
        let output = try book.loanctl.succeed(["credit", "show", "C-1"])
        #expect(output == """
            customer:              C-1
            as of:                 2026-03-20
            status:                frozen
            freeze reasons:        overdue
            limit:                 50000.00
            outstanding principal: 11220.25
            available:             38779.75

            LOAN  STATUS  OUTSTANDING  DPD
            L-1   active      9220.25   15
            L-2   active      2000.00    0

            """)
    }

    @Test("credit show --known-at answers from the log as it was then")
    func knownAt() throws {
        let book = try BookFixture.get()
        let then = try book.loanctl.json(["credit", "show", "C-1", "--known-at", "position:1"])
        #expect(then["outstandingPrincipal"] as? String == "0.00")
        #expect((then["loans"] as? [Any])?.isEmpty == true)
        let asOf = try book.loanctl.json(["credit", "show", "C-1", "--as-of", "2026-02-01"])
        #expect(asOf["outstandingPrincipal"] as? String == "10000.00")
    }

    @Test("credit history embeds each event's stored data as JSON, in log order")
    func history() throws {
        let book = try BookFixture.get()
        let history = try book.loanctl.json(["credit", "history", "C-4"])
        #expect(history["customer"] as? String == "C-4")
        let events = try #require(history["events"] as? [[String: Any]])
        let first = try #require(events.first)
        #expect(first["type"] as? String == "CreditLineOpened")
        #expect(first["effectiveDate"] as? String == "2026-01-01")
        #expect(first["recordedAt"] as? String == "2026-03-20T10:00:00+08:00")
        #expect(first["actor"] as? String == "tester")
        let data = try #require(first["data"] as? [String: Any])
        #expect(data["customerId"] as? String == "C-4")
        #expect(data["limit"] as? Int == 10_000)
    }
}
