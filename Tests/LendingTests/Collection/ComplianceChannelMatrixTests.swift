import Lending
import Testing

/// Every stage crossed with every channel: the allowed cells and the refused ones.
@Suite struct ComplianceChannelMatrixTests {
    // Written out from PRODUCT-RULES.md, independently of CollectionPolicy.standardChannels.
    static let allowed: [CollectionStage: [ContactChannel]] = [
        .current: [.sms, .push, .email],
        .grace: [.sms, .push, .email],
        .early: [.sms, .push, .email, .call],
        .mid: [.sms, .push, .email, .call, .agency, .visit],
        .late: [.sms, .push, .email, .call, .agency, .visit, .legal],
    ]

    @Test("Channel allowed at stage: every stage × every channel",
          arguments: CollectionStage.allCases, ContactChannel.allCases)
    func channelAtStage(stage: CollectionStage, channel: ContactChannel) {
        let expectAllowed = Self.allowed[stage]?.contains(channel) ?? false
        // Facts that pass every other rule, so only the channel rule can refuse.
        let facts = CollectionFixture.facts(stage: stage, overdueAmount: .yuan(20_000))
        let request = CollectionFixture.request(
            channel, actors: [CollectionFixture.wang, CollectionFixture.li])
        let rule = CollectionFixture.refusedRule(request, facts)
        #expect(rule == (expectAllowed ? nil : "channel-not-allowed"))
        #expect(CollectionPolicy.standard.allows(channel, at: stage) == expectAllowed)
    }

    @Test("Channel-not-allowed names channel, stage, DPD and where the channel starts")
    func channelMessage() {
        let visit = CollectionFixture.request(
            .visit, actors: [CollectionFixture.wang, CollectionFixture.li])
        #expect(CollectionFixture.refusal(visit, CollectionFixture.facts(stage: .early, dpd: 12))
            == "channel 'visit' is not allowed at stage 'early' (DPD 12) on loan 'L-7'; visit is"
                + " allowed from stage 'mid' (DPD 31, or 16 when the overdue amount is at least"
                + " 20000.00) — channel-not-allowed")
        let legal = CollectionFixture.request(.legal)
        #expect(CollectionFixture.refusal(legal, CollectionFixture.facts(stage: .mid))
            == "channel 'legal' is not allowed at stage 'mid' on loan 'L-7'; legal is allowed"
                + " from stage 'late' (DPD 91) — channel-not-allowed")
        let call = CollectionFixture.request(.call)
        #expect(CollectionFixture.refusal(call, CollectionFixture.facts(stage: .grace, dpd: 2))
            == "channel 'call' is not allowed at stage 'grace' (DPD 2) on loan 'L-7'; call is"
                + " allowed from stage 'early' (DPD grace days + 1) — channel-not-allowed")
        var policy = CollectionPolicy.standard
        policy.channels[.late] = [.sms]
        #expect(CollectionFixture.refusal(legal, CollectionFixture.facts(), policy: policy)
            == "channel 'legal' is not allowed at stage 'late' on loan 'L-7'; no stage allows it"
                + " — channel-not-allowed")
    }
}
