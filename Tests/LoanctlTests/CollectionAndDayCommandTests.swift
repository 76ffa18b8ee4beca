import Foundation
import Testing

/// `collection …`, `dispute …` and `day …` end to end.
@Suite("Collection, dispute and end-of-day commands")
struct CollectionAndDayCommandTests {
    /// C-1 with L-1 (10,000 over 12 months), first installment paid, days closed to 03-19.
    static func overdueBook(_ prefix: String) throws -> (AnyObject, Loanctl) {
        let (directory, loanctl) = try Loanctl.fresh(prefix)
        for command in BookFixture.script.prefix(3) {
            try loanctl.succeed(command)
        }
        try loanctl.succeed(["day", "close", "--through", "2026-03-19"])
        return (directory, loanctl)
    }

    @Test("collection record writes the action with its stage; an offset is converted")
    func record() throws {
        let (directory, loanctl) = try CollectionAndDayCommandTests.overdueBook("record")
        let before = try loanctl.headPosition()
        let output = try loanctl.succeed([
            "collection", "record", "L-1", "--channel", "call", "--at",
            "2026-03-20T01:30:00Z", "--by", "ops.wang,ops.li", "--outcome", "promised-to-pay",
            "--note", "will pay Friday"])
        #expect(output.contains("CollectionActionRecorded  2026-03-20\n"))
        #expect(output.contains("at:      2026-03-20T09:30:00+08:00\n"))
        #expect(output.contains("by:      ops.wang, ops.li\n"))
        #expect(output.contains("stage:   early\n"))
        #expect(try loanctl.headPosition() == before + 1)
        withExtendedLifetime(directory) {}
    }

    @Test("collection queue lists the loans to work, computed for the day asked")
    func queue() throws {
        let book = try BookFixture.get()
        let queue = try book.loanctl.json(["collection", "queue"])
        #expect(queue["asOf"] as? String == "2026-03-20")
        let loans = try #require(queue["loans"] as? [[String: Any]])
        #expect(loans.map { $0["loan"] as? String } == ["L-5", "L-1"])
        #expect(loans.first?["stage"] as? String == "late")
        let early = try book.loanctl.json(["collection", "queue", "--stage", "early",
                                           "--on", "2026-03-19"])
        #expect((early["loans"] as? [[String: Any]])?.count == 1)
        let text = try book.loanctl.succeed(["collection", "queue"])
        #expect(text.hasPrefix("as of 2026-03-20\nLOAN  CUSTOMER  STAGE  DPD  OVERDUE"))
    }

    @Test("dispute open pauses collection; resolve resumes it")
    func dispute() throws {
        let (directory, loanctl) = try CollectionAndDayCommandTests.overdueBook("dispute")
        let opened = try loanctl.json(["dispute", "open", "L-1", "--on", "2026-03-20",
                                       "--reason", "customer contests the penalty"])
        #expect((opened["events"] as? [[String: Any]])?.first?["type"] as? String
            == "DisputeOpened")
        let call = ["collection", "record", "L-1", "--channel", "sms", "--at",
                    "2026-03-20T09:45:00+08:00", "--by", "ops.wang"]
        #expect(try loanctl.run(call).status == 65)
        let resolved = try loanctl.json(["dispute", "resolve", "L-1", "--on", "2026-03-20",
                                         "--outcome", "rejected", "--note", "penalty stands"])
        #expect(resolved["outcome"] as? String == "rejected")
        #expect(try loanctl.run(call).status == 0)
        withExtendedLifetime(directory) {}
    }

    @Test("day close appends derived events and a DayClosed per day; again appends nothing")
    func dayClose() throws {
        let (directory, loanctl) = try Loanctl.fresh("day-close")
        for command in BookFixture.script.prefix(3) {
            try loanctl.succeed(command)
        }
        let report = try loanctl.json(["day", "close", "--through", "2026-03-10"])
        #expect(report["lastClosedDay"] as? String == "2026-03-10")
        let days = try #require(report["days"] as? [[String: Any]])
        #expect(days.first?["day"] as? String == "2026-01-01")
        #expect(days.count == 69)
        let overdue = days.first { $0["day"] as? String == "2026-03-09" }
        #expect((overdue?["eventsAppended"] as? Int ?? 0) > 0)
        let before = try loanctl.headPosition()
        let again = try loanctl.succeed(["day", "close", "--through", "2026-03-10"])
        #expect(again == "nothing to close; last closed day: 2026-03-10\n")
        #expect(try loanctl.headPosition() == before)
        withExtendedLifetime(directory) {}
    }

    @Test("day status prints the last closed day and the anchor to keep")
    func dayStatus() throws {
        let book = try BookFixture.get()
        let output = try book.loanctl.succeed(["day", "status"])
        let lines = output.split(separator: "\n")
        #expect(lines.first == "today:           2026-03-20")
        #expect(lines[1] == "last closed day: 2026-03-19")
        let anchor = try #require(lines.last)
        #expect(anchor.hasPrefix("anchor:          "))
        let value = anchor.dropFirst("anchor:          ".count)
        #expect(try book.loanctl.run(["verify", "--expect-head", String(value)]).status == 0)
    }
}
