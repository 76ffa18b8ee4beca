import Testing
import Lending

/// Collection actions go through Compliance with facts the aggregate computes: stage, open
/// dispute, calls recorded per Shanghai day, ended overdue episodes, closed loans.
@Suite struct CollectionActionRuleTests {
    typealias F = AggregateFixture

    /// The worked-example loan unpaid since 2026-02-15; today `today`.
    func overdue(today: String = "2026-02-25") throws -> CustomerHarness {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        h.advance(to: today)
        return h
    }

    func action(_ channel: ContactChannel, _ day: String, _ hour: Int64, _ minute: Int64 = 0,
                actors: [ActorID] = [F.wang]) -> LendingCommand
    {
        .recordCollectionAction(CollectionActionRequest(
            loanId: F.loan, channel: channel, at: F.time(day, hour, minute), actors: actors,
            outcome: "promised-to-pay"))
    }

    @Test("An allowed action is recorded with the loan's stage on its date")
    func recorded() throws {
        var h = try overdue()
        let events = try h.run(action(.call, "2026-02-25", 10, 30))
        let recorded = CollectionActionRecorded(
            loan: F.loan, channel: .call, at: F.time("2026-02-25", 10, 30), actors: [F.wang],
            stage: .early, outcome: "promised-to-pay", note: nil)
        #expect(events == [DecidedEvent(.collectionActionRecorded(recorded),
                                        on: F.date("2026-02-25"))])
        #expect(h.loan().lastAction == recorded)
        #expect(h.loan().callsByDay[F.date("2026-02-25")] == 1)
    }

    struct RuleCase: Sendable, CustomTestStringConvertible {
        var name: String
        var channel: ContactChannel
        var today: String
        var hour: Int64
        var minute: Int64 = 0
        var refusal: String?
        var testDescription: String { name }
    }

    static let ruleCases: [RuleCase] = [
        RuleCase(name: "call in grace", channel: .call, today: "2026-02-17", hour: 10,
                 refusal: "channel-not-allowed"),
        RuleCase(name: "sms in grace", channel: .sms, today: "2026-02-17", hour: 10,
                 refusal: nil),
        RuleCase(name: "call at 08:00", channel: .call, today: "2026-02-25", hour: 8,
                 refusal: nil),
        RuleCase(name: "call at 07:59", channel: .call, today: "2026-02-25", hour: 7,
                 minute: 59, refusal: "contact-hours"),
        RuleCase(name: "call at 20:59", channel: .call, today: "2026-02-25", hour: 20,
                 minute: 59, refusal: nil),
        RuleCase(name: "call at 21:00", channel: .call, today: "2026-02-25", hour: 21,
                 refusal: "contact-hours"),
        RuleCase(name: "agency in early", channel: .agency, today: "2026-02-25", hour: 10,
                 refusal: "channel-not-allowed"),
        RuleCase(name: "agency in mid", channel: .agency, today: "2026-03-18", hour: 10,
                 refusal: nil),
        RuleCase(name: "legal in mid", channel: .legal, today: "2026-03-18", hour: 10,
                 refusal: "channel-not-allowed"),
        RuleCase(name: "legal in late at 23:00", channel: .legal, today: "2026-05-17", hour: 23,
                 refusal: nil),
    ]

    @Test("Channels follow the stage on the action's date and contact hours apply",
          arguments: ruleCases)
    func rules(_ c: RuleCase) throws {
        let h = try overdue(today: c.today)
        let refusal = F.refusal { _ = try h.decide(action(c.channel, c.today, c.hour, c.minute)) }
        #expect(refusal == c.refusal)
    }

    @Test("An open dispute pauses collection until it is resolved")
    func dispute() throws {
        var h = try overdue()
        let day = h.today
        try h.run(.openDispute(loan: F.loan, on: day))
        #expect(F.refusal { _ = try h.decide(action(.sms, "2026-02-25", 10)) } == "dispute-open")
        #expect(F.refusal { _ = try h.decide(.openDispute(loan: F.loan, on: day)) }
                == "dispute-already-open")
        let resolved = try h.run(.resolveDispute(loan: F.loan, on: day, outcome: .rejected,
                                                 note: "statement checked"))
        #expect(resolved == [DecidedEvent(.disputeResolved(.init(
            loan: F.loan, outcome: .rejected, note: "statement checked")), on: day)])
        #expect(F.refusal { _ = try h.decide(action(.sms, "2026-02-25", 10)) } == nil)
        #expect(F.refusal {
            _ = try h.decide(.resolveDispute(loan: F.loan, on: day, outcome: .upheld, note: "x"))
        } == "no-open-dispute")
    }

    @Test("At most 3 calls per loan per Shanghai day, counting recorded calls only")
    func callCap() throws {
        var h = try overdue(today: "2026-02-26")
        try h.run(action(.call, "2026-02-25", 9))
        try h.run(action(.sms, "2026-02-25", 9))
        #expect(F.refusal { _ = try h.decide(action(.call, "2026-02-25", 22)) } == "contact-hours")
        try h.run(action(.call, "2026-02-25", 10))
        try h.run(action(.call, "2026-02-25", 20, 59))
        #expect(h.loan().callsByDay[F.date("2026-02-25")] == 3)
        #expect(F.refusal { _ = try h.decide(action(.call, "2026-02-25", 11)) } == "call-cap")
        #expect(F.refusal { _ = try h.decide(action(.call, "2026-02-26", 8)) } == nil)
    }

    @Test("An action timed after now is a usage error; now itself is fine")
    func afterNow() throws {
        var h = try overdue()
        h.now = F.time("2026-02-25", 10, 30)
        do {
            _ = try h.decide(action(.call, "2026-02-25", 10, 31))
            Issue.record("accepted an action after now")
        } catch {
            #expect(error == .invalidInput(
                field: "at", value: "2026-02-25T10:31:00+08:00",
                rule: "an action cannot be recorded after now (2026-02-25T10:30:00+08:00)"))
            #expect(error.category == .usage)
        }
        #expect(F.refusal { _ = try h.decide(action(.call, "2026-02-25", 10, 30)) } == nil)
    }

    @Test("No collection action on a paid-off loan")
    func paidOff() throws {
        var h = try overdue()
        let payoff = h.statement(asOf: "2026-02-25").payoff.amount
        try h.run(.repay(loan: F.loan, amount: payoff, on: h.today, reference: F.ref("P1"),
                         channel: nil))
        #expect(F.refusal { _ = try h.decide(action(.sms, "2026-02-25", 10)) } == "loan-closed")
    }

    @Test("A visit needs 20,000.00 overdue or 2 ended overdue episodes, and two collectors")
    func visit() throws {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        h.closeDays(through: "2026-02-24")
        h.advance(to: "2026-02-25")
        try h.run(.repay(loan: F.loan, amount: h.statement(asOf: "2026-02-25").overdue.total,
                         on: h.today, reference: F.ref("P1"), channel: nil))
        h.closeDays(through: "2026-03-24")
        h.advance(to: "2026-03-25")
        #expect(h.state.endedOverdueEpisodes(before: F.date("2026-03-25")) == 1)
        try h.run(.repay(loan: F.loan, amount: h.statement(asOf: "2026-03-25").overdue.total,
                         on: h.today, reference: F.ref("P2"), channel: nil))
        h.closeDays(through: "2026-05-20")
        let day = "2026-05-20"
        #expect(h.state.endedOverdueEpisodes(before: F.date(day)) == 2)
        #expect(h.statement(asOf: day).overdue.total < .yuan(20_000))
        #expect(F.refusal { _ = try h.decide(action(.visit, day, 10, actors: [F.wang])) }
                == "visit-collectors")
        #expect(F.refusal { _ = try h.decide(action(.visit, day, 10, actors: [F.wang, F.li])) }
                == nil)
        #expect(h.state.endedOverdueEpisodes(before: F.date("2026-03-01")) == 1)
        #expect(h.state.endedOverdueEpisodes(before: F.date("2026-02-20")) == 0)
    }

    @Test("A visit on a small debt without earlier episodes is refused")
    func visitNotEligible() throws {
        let h = try overdue(today: "2026-03-20")
        #expect(F.refusal {
            _ = try h.decide(action(.visit, "2026-03-20", 10, actors: [F.wang, F.li]))
        } == "visit-eligibility")
    }
}
