import Lending
import Testing

@Suite struct ComplianceContactHoursTests {
    struct HoursCase: Sendable, CustomTestStringConvertible {
        let channel: ContactChannel
        let at: String
        let allowed: Bool
        var testDescription: String {
            "\(channel) at \(at) \(allowed ? "allowed" : "refused")"
        }
    }

    static let cases: [HoursCase] = [
        HoursCase(channel: .call, at: "2026-03-05T07:59:00+08:00", allowed: false),
        HoursCase(channel: .call, at: "2026-03-05T07:59:59+08:00", allowed: false),
        HoursCase(channel: .call, at: "2026-03-05T08:00:00+08:00", allowed: true),
        HoursCase(channel: .call, at: "2026-03-05T20:59:00+08:00", allowed: true),
        HoursCase(channel: .call, at: "2026-03-05T20:59:59+08:00", allowed: true),
        HoursCase(channel: .call, at: "2026-03-05T21:00:00+08:00", allowed: false),
        HoursCase(channel: .sms, at: "2026-03-05T00:00:00+08:00", allowed: false),
        HoursCase(channel: .push, at: "2026-03-05T23:59:59+08:00", allowed: false),
        HoursCase(channel: .email, at: "2026-03-05T06:00:00+08:00", allowed: false),
        HoursCase(channel: .agency, at: "2026-03-05T21:30:00+08:00", allowed: false),
        HoursCase(channel: .visit, at: "2026-03-05T07:00:00+08:00", allowed: false),
        HoursCase(channel: .visit, at: "2026-03-05T09:00:00+08:00", allowed: true),
        HoursCase(channel: .legal, at: "2026-03-05T23:00:00+08:00", allowed: true),
        HoursCase(channel: .legal, at: "2026-03-05T03:00:00+08:00", allowed: true),
        // Other offsets convert to Shanghai first.
        HoursCase(channel: .call, at: "2026-03-05T00:30:00Z", allowed: true),  // 08:30
        HoursCase(channel: .call, at: "2026-03-04T23:59:00Z", allowed: false),  // 07:59
        HoursCase(channel: .call, at: "2026-03-05T21:00:00+09:00", allowed: true),  // 20:00
        HoursCase(channel: .call, at: "2026-03-05T13:00:00Z", allowed: false),  // 21:00
        HoursCase(channel: .call, at: "2026-03-05T12:59:59.900Z", allowed: true),  // 20:59:59
        HoursCase(channel: .call, at: "2026-03-05T08:00:00-05:00", allowed: false),  // 21:00
        HoursCase(channel: .call, at: "2026-03-04T19:00:00-05:00", allowed: true),  // 08:00
        HoursCase(channel: .sms, at: "2026-03-05T09:00:00+14:00", allowed: false),  // 03:00
    ]

    @Test("Contact hours are 08:00 inclusive to 21:00 exclusive Shanghai, legal exempt",
          arguments: cases)
    func contactHours(_ item: HoursCase) {
        let request = CollectionFixture.request(item.channel, at: item.at,
                                                actors: [CollectionFixture.wang,
                                                         CollectionFixture.li])
        let rule = CollectionFixture.refusedRule(request, CollectionFixture.facts())
        #expect(rule == (item.allowed ? nil : "contact-hours"))
    }

    @Test("Contact-hours refusal names channel, Shanghai time, date and the hours")
    func contactHoursMessage() {
        let late = CollectionFixture.request(.call, at: "2026-03-05T21:00:00+08:00")
        #expect(CollectionFixture.refusal(late, CollectionFixture.facts())
            == "call at 21:00 on 2026-03-05 is outside contact hours 08:00–21:00 Asia/Shanghai"
                + " — contact-hours")
        // 2026-03-05T23:15:30Z is 07:15:30 on the 6th in Shanghai: the Shanghai date is named.
        let early = CollectionFixture.request(.sms, at: "2026-03-05T23:15:30Z")
        #expect(CollectionFixture.refusal(early, CollectionFixture.facts())
            == "sms at 07:15:30 on 2026-03-06 is outside contact hours 08:00–21:00 Asia/Shanghai"
                + " — contact-hours")
    }

    @Test("A policy version with other hours moves the boundary")
    func policyHours() {
        var policy = CollectionPolicy.standard
        policy.contactHoursStartMinute = 9 * 60
        policy.contactHoursEndMinute = 20 * 60
        let facts = CollectionFixture.facts()
        let at0830 = CollectionFixture.request(.call, at: "2026-03-05T08:30:00+08:00")
        let at2030 = CollectionFixture.request(.call, at: "2026-03-05T20:30:00+08:00")
        #expect(CollectionFixture.refusedRule(at0830, facts) == nil)
        #expect(CollectionFixture.refusedRule(at0830, facts, policy: policy) == "contact-hours")
        #expect(CollectionFixture.refusedRule(at2030, facts, policy: policy) == "contact-hours")
        #expect(CollectionFixture.refusal(at2030, facts, policy: policy)
            == "call at 20:30 on 2026-03-05 is outside contact hours 09:00–20:00 Asia/Shanghai"
                + " — contact-hours")
    }
}
