import Lending
import Testing

@Suite struct ComplianceRuleTests {
    typealias Fixture = CollectionFixture

    @Test("Rule identifiers are fixed, in check order")
    func ruleIdentifiers() {
        #expect(ComplianceRule.allCases.map(\.rawValue) == [
            "actor-required", "loan-closed", "dispute-open", "channel-not-allowed",
            "contact-hours", "call-cap", "visit-eligibility", "visit-collectors",
        ])
    }

    @Test("Actor required: an action naming no actor is refused")
    func actorRequired() {
        let request = Fixture.request(.sms, actors: [])
        #expect(Fixture.refusal(request, Fixture.facts())
            == "sms on loan 'L-7' names no actor; every collection action needs one"
                + " — actor-required")
        #expect(Fixture.refusedRule(Fixture.request(.sms), Fixture.facts()) == nil)
    }

    @Test("Loan closed: every channel is refused on a closed or paid-off loan",
          arguments: ContactChannel.allCases)
    func loanClosed(channel: ContactChannel) {
        let request = Fixture.request(channel, actors: [Fixture.wang, Fixture.li])
        #expect(Fixture.refusedRule(request, Fixture.facts(loanIsClosed: true)) == "loan-closed")
        #expect(Fixture.refusedRule(request, Fixture.facts(loanIsClosed: false)) == nil)
    }

    @Test("Dispute open: every channel is refused while collection is paused",
          arguments: ContactChannel.allCases)
    func disputeOpen(channel: ContactChannel) {
        let request = Fixture.request(channel, actors: [Fixture.wang, Fixture.li])
        #expect(Fixture.refusedRule(request, Fixture.facts(disputeOpen: true)) == "dispute-open")
        #expect(Fixture.refusedRule(request, Fixture.facts(disputeOpen: false)) == nil)
    }

    @Test("Dispute open: the message says collection is paused")
    func disputeMessage() {
        #expect(Fixture.refusal(Fixture.request(.call), Fixture.facts(disputeOpen: true))
            == "collection on loan 'L-7' is paused while a dispute is open; call refused"
                + " — dispute-open")
        #expect(Fixture.refusal(Fixture.request(.email), Fixture.facts(loanIsClosed: true))
            == "loan 'L-7' is closed or paid off; no email or other collection action is allowed"
                + " — loan-closed")
    }

    @Test("Call cap: the 3rd call of a Shanghai day is allowed, the 4th refused",
          arguments: [(0, true), (1, true), (2, true), (3, false), (7, false)])
    func callCap(callsAlready: Int, allowed: Bool) {
        let facts = Fixture.facts(calls: callsAlready)
        #expect(Fixture.refusedRule(Fixture.request(.call), facts)
            == (allowed ? nil : "call-cap"))
    }

    @Test("Call cap: other channels are not counted against it",
          arguments: ContactChannel.allCases.filter { $0 != .call })
    func callCapOnlyCalls(channel: ContactChannel) {
        let request = Fixture.request(channel, actors: [Fixture.wang, Fixture.li])
        #expect(Fixture.refusedRule(request, Fixture.facts(calls: 3)) == nil)
    }

    @Test("Call cap: the message names the call number and the cap")
    func callCapMessage() {
        let request = Fixture.request(.call, at: "2026-03-05T02:10:00Z")
        #expect(Fixture.refusal(request, Fixture.facts(calls: 3))
            == "call at 10:10 on 2026-03-05 would be call 4 on loan 'L-7' that day; at most 3"
                + " calls per loan per Shanghai day — call-cap")
    }

    struct VisitCase: Sendable, CustomTestStringConvertible {
        let overdueFen: Int64
        let endedEpisodes: Int
        let collectors: [String]
        let expected: String?
        var testDescription: String {
            "visit, overdue \(Money(fen: overdueFen)), \(endedEpisodes) ended episodes, "
                + "by \(collectors) → \(expected ?? "allowed")"
        }
    }

    static let visits: [VisitCase] = [
        VisitCase(overdueFen: 500_000, endedEpisodes: 1, collectors: ["a", "b"],
                  expected: "visit-eligibility"),
        VisitCase(overdueFen: 500_000, endedEpisodes: 2, collectors: ["a", "b"], expected: nil),
        VisitCase(overdueFen: 500_000, endedEpisodes: 5, collectors: ["a", "b"], expected: nil),
        VisitCase(overdueFen: 1_999_999, endedEpisodes: 0, collectors: ["a", "b"],
                  expected: "visit-eligibility"),
        VisitCase(overdueFen: 2_000_000, endedEpisodes: 0, collectors: ["a", "b"], expected: nil),
        VisitCase(overdueFen: 2_000_000, endedEpisodes: 0, collectors: ["a"],
                  expected: "visit-collectors"),
        VisitCase(overdueFen: 2_000_000, endedEpisodes: 0, collectors: ["a", "a"],
                  expected: "visit-collectors"),
        VisitCase(overdueFen: 2_000_000, endedEpisodes: 0, collectors: ["a", "b", "c"],
                  expected: "visit-collectors"),
        VisitCase(overdueFen: 500_000, endedEpisodes: 2, collectors: ["a"],
                  expected: "visit-collectors"),
        // Eligibility is checked before the collectors.
        VisitCase(overdueFen: 500_000, endedEpisodes: 0, collectors: ["a"],
                  expected: "visit-eligibility"),
    ]

    @Test("Visit: large debt or 2 earlier ended episodes, and exactly two collectors",
          arguments: visits)
    func visit(_ item: VisitCase) {
        let actors = item.collectors.map { ActorID(validated: "ops." + $0) }
        let request = Fixture.request(.visit, actors: actors)
        let facts = Fixture.facts(stage: .mid, overdueAmount: Money(fen: item.overdueFen),
                                  endedEpisodes: item.endedEpisodes)
        #expect(Fixture.refusedRule(request, facts) == item.expected)
    }

    @Test("Visit: refusal messages name the amounts, episodes and collectors")
    func visitMessages() {
        let small = Fixture.facts(stage: .mid, overdueAmount: Money(fen: 512_345), endedEpisodes: 1)
        let pair = Fixture.request(.visit, actors: [Fixture.wang, Fixture.li])
        #expect(Fixture.refusal(pair, small)
            == "visit on loan 'L-7' needs an overdue amount of at least 20000.00 (is 5123.45) or"
                + " at least 2 earlier ended overdue episodes (has 1) — visit-eligibility")
        let twice = Fixture.request(.visit, actors: [Fixture.wang, Fixture.wang])
        #expect(Fixture.refusal(twice, Fixture.facts(stage: .mid))
            == "visit on loan 'L-7' needs exactly 2 distinct collectors, got 'ops.wang,ops.wang'"
                + " — visit-collectors")
    }

    @Test("Non-visit actions accept several actors",
          arguments: ContactChannel.allCases.filter { $0 != .visit })
    func severalActors(channel: ContactChannel) {
        let request = Fixture.request(
            channel, actors: [Fixture.wang, Fixture.li, Fixture.zhao])
        #expect(Fixture.refusedRule(request, Fixture.facts(overdueAmount: .yuan(10))) == nil)
    }

    @Test("Rules are checked in order: the first broken one refuses")
    func checkOrder() {
        // Breaks every rule at once: no actor, closed, disputed, visit at current stage, 23:00,
        // small debt.
        let request = Fixture.request(.visit, at: "2026-03-05T23:00:00+08:00", actors: [])
        var facts = Fixture.facts(stage: .current, overdueAmount: .yuan(10), loanIsClosed: true,
                                  disputeOpen: true, calls: 9)
        var seen: [String?] = [Fixture.refusedRule(request, facts)]
        var fixed = request
        fixed.actors = [Fixture.wang]
        seen.append(Fixture.refusedRule(fixed, facts))
        facts.loanIsClosed = false
        seen.append(Fixture.refusedRule(fixed, facts))
        facts.disputeOpen = false
        seen.append(Fixture.refusedRule(fixed, facts))
        facts.stage = .mid
        seen.append(Fixture.refusedRule(fixed, facts))
        fixed.at = Fixture.time("2026-03-05T11:00:00+08:00")
        seen.append(Fixture.refusedRule(fixed, facts))
        facts.endedOverdueEpisodes = 2
        seen.append(Fixture.refusedRule(fixed, facts))
        fixed.actors.append(Fixture.li)
        seen.append(Fixture.refusedRule(fixed, facts))
        #expect(seen == [
            "actor-required", "loan-closed", "dispute-open", "channel-not-allowed",
            "contact-hours", "visit-eligibility", "visit-collectors", nil,
        ])
        let all = Compliance.refusals(request, facts: Fixture.facts(
            stage: .current, overdueAmount: .yuan(10), loanIsClosed: true, disputeOpen: true),
            policy: .standard)
        #expect(all.map(\.rule) == [
            .actorRequired, .loanClosed, .disputeOpen, .channelNotAllowed, .contactHours,
            .visitEligibility, .visitCollectors,
        ])
        #expect(all.allSatisfy { $0.error.category == .refused })
    }

    @Test("Refusals list nothing for an allowed action")
    func noRefusals() {
        let refusals = Compliance.refusals(
            Fixture.request(.call), facts: Fixture.facts(stage: .early), policy: .standard)
        #expect(refusals.isEmpty)
    }
}
