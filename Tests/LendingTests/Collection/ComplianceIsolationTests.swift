import Lending
import Testing

/// For each rule, a request that breaks that rule and no other: every rule can refuse on its
/// own, and its refusal has the documented shape.
@Suite struct ComplianceIsolationTests {
    typealias Fixture = CollectionFixture

    struct Scenario: Sendable, CustomTestStringConvertible {
        let rule: ComplianceRule
        let request: CollectionActionRequest
        let facts: ComplianceFacts
        var testDescription: String { rule.rawValue }
    }

    static let pair = [Fixture.wang, Fixture.li]

    static let scenarios: [Scenario] = [
        Scenario(rule: .actorRequired, request: Fixture.request(.sms, actors: []),
                 facts: Fixture.facts()),
        Scenario(rule: .loanClosed, request: Fixture.request(.sms),
                 facts: Fixture.facts(loanIsClosed: true)),
        Scenario(rule: .disputeOpen, request: Fixture.request(.sms),
                 facts: Fixture.facts(disputeOpen: true)),
        Scenario(rule: .channelNotAllowed, request: Fixture.request(.call),
                 facts: Fixture.facts(stage: .grace, dpd: 2)),
        Scenario(rule: .contactHours,
                 request: Fixture.request(.email, at: "2026-03-05T22:00:00+08:00"),
                 facts: Fixture.facts()),
        Scenario(rule: .callCap, request: Fixture.request(.call), facts: Fixture.facts(calls: 3)),
        Scenario(rule: .visitEligibility, request: Fixture.request(.visit, actors: pair),
                 facts: Fixture.facts(stage: .mid, overdueAmount: .yuan(19_999))),
        Scenario(rule: .visitCollectors, request: Fixture.request(.visit),
                 facts: Fixture.facts(stage: .mid)),
    ]

    @Test("Each compliance rule refuses on its own, one line ending with its identifier",
          arguments: scenarios)
    func ruleAlone(_ scenario: Scenario) throws {
        let refusals = Compliance.refusals(
            scenario.request, facts: scenario.facts, policy: .standard)
        #expect(refusals.map(\.rule) == [scenario.rule])
        let error = #expect(throws: LendingError.self) {
            try Compliance.check(scenario.request, facts: scenario.facts, policy: .standard)
        }
        let refusal = try #require(error)
        #expect(refusal.category == .refused)
        guard case .refused(let rule, let message) = refusal else {
            Issue.record("expected a refusal, got \(refusal)")
            return
        }
        #expect(rule == scenario.rule.rawValue)
        #expect(!message.contains { $0.isNewline })
        #expect(refusal.description.hasSuffix(" — \(scenario.rule.rawValue)"))
    }

    @Test("Every rule has an isolation scenario")
    func everyRuleCovered() {
        #expect(Self.scenarios.map(\.rule) == ComplianceRule.allCases)
    }
}
