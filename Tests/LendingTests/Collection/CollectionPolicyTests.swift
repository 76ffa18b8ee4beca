import Foundation
import Lending
import Testing

@Suite struct CollectionPolicyTests {
    @Test("Standard policy holds the product numbers")
    func standardNumbers() throws {
        let policy = CollectionPolicy.standard
        #expect(policy.effectiveFrom == BusinessDate(year: 1970, month: 1, day: 1))
        #expect(policy.earlyStartDPD(graceDays: 3) == 4)
        #expect(policy.midStartDPD == 31)
        #expect(policy.lateStartDPD == 91)
        #expect(policy.largeDebtThreshold == Money(fen: 2_000_000))
        #expect(policy.largeDebtMidStartDPD == 16)
        #expect(policy.contactHoursStartMinute == 480)
        #expect(policy.contactHoursEndMinute == 1260)
        #expect(policy.contactHoursExemptChannels == [.legal])
        #expect(policy.callsPerLoanPerDayMax == 3)
        #expect(policy.visitOverdueAmountMin == Money(fen: 2_000_000))
        #expect(policy.visitEndedEpisodesMin == 2)
        #expect(policy.visitCollectorsRequired == 2)
        try policy.validate()
    }

    @Test("Each stage allows the channels of the milder stage before it")
    func channelsGrow() {
        let stages = CollectionStage.allCases
        for (milder, harsher) in zip(stages, stages.dropFirst()) {
            let policy = CollectionPolicy.standard
            #expect(policy.channels[milder]!.isSubset(of: policy.channels[harsher]!))
        }
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let name: String
        let change: @Sendable (inout CollectionPolicy) -> Void
        let field: String
        var testDescription: String { name }
    }

    static let invalid: [InvalidCase] = [
        InvalidCase(name: "early start 0", change: { $0.earlyStartDPDAfterGrace = 0 },
                    field: "earlyStartDPDAfterGrace"),
        InvalidCase(name: "large-debt mid after mid", change: { $0.largeDebtMidStartDPD = 32 },
                    field: "largeDebtMidStartDPD"),
        InvalidCase(name: "large-debt mid 0", change: { $0.largeDebtMidStartDPD = 0 },
                    field: "largeDebtMidStartDPD"),
        InvalidCase(name: "mid at late", change: { $0.midStartDPD = 91 }, field: "midStartDPD"),
        InvalidCase(name: "late beyond bound", change: { $0.lateStartDPD = 10_001 },
                    field: "lateStartDPD"),
        InvalidCase(name: "negative threshold", change: { $0.largeDebtThreshold = Money(fen: -1) },
                    field: "largeDebtThreshold"),
        InvalidCase(name: "hours reversed", change: { $0.contactHoursStartMinute = 1260 },
                    field: "contactHoursStartMinute"),
        InvalidCase(name: "hours past midnight", change: { $0.contactHoursEndMinute = 1441 },
                    field: "contactHoursEndMinute"),
        InvalidCase(name: "negative call cap", change: { $0.callsPerLoanPerDayMax = -1 },
                    field: "callsPerLoanPerDayMax"),
        InvalidCase(name: "missing stage", change: { $0.channels[.mid] = nil },
                    field: "channels"),
        InvalidCase(name: "negative visit minimum",
                    change: { $0.visitOverdueAmountMin = Money(fen: -5) },
                    field: "visitOverdueAmountMin"),
        InvalidCase(name: "negative episodes", change: { $0.visitEndedEpisodesMin = -1 },
                    field: "visitEndedEpisodesMin"),
        InvalidCase(name: "no collectors", change: { $0.visitCollectorsRequired = 0 },
                    field: "visitCollectorsRequired"),
    ]

    @Test("Policy validation names the broken field", arguments: invalid)
    func validationNamesField(_ item: InvalidCase) {
        var policy = CollectionPolicy.standard
        item.change(&policy)
        let error = #expect(throws: LendingError.self) { try policy.validate() }
        guard case .invalidInput(let field, _, _)? = error else {
            Issue.record("expected invalidInput, got \(String(describing: error))")
            return
        }
        #expect(field == item.field)
    }

    /// The standard policy from 2026-04-01 as event data (JSONEncoder with `.sortedKeys`).
    static let golden = #"{"callsPerLoanPerDayMax":3,"#
        + #""channels":{"current":["sms","push","email"],"early":["sms","push","email","call"],"#
        + #""grace":["sms","push","email"],"late":["sms","push","email","call","agency","visit","#
        + #""legal"],"mid":["sms","push","email","call","agency","visit"]},"#
        + #""contactHoursEndMinute":1260,"contactHoursExemptChannels":["legal"],"#
        + #""contactHoursStartMinute":480,"earlyStartDPDAfterGrace":1,"#
        + #""effectiveFrom":"2026-04-01","largeDebtMidStartDPD":16,"#
        + #""largeDebtThreshold":2000000,"lateStartDPD":91,"midStartDPD":31,"#
        + #""visitCollectorsRequired":2,"visitEndedEpisodesMin":2,"#
        + #""visitOverdueAmountMin":2000000}"#

    @Test("Policy encodes to the same bytes every time and decodes to itself")
    func codableStable() throws {
        var policy = CollectionPolicy.standard
        policy.effectiveFrom = BusinessDate(year: 2026, month: 4, day: 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(policy)
        #expect(String(decoding: first, as: UTF8.self) == Self.golden)
        // Sets with other capacities iterate in other orders; the bytes must not change.
        for capacity in [0, 16, 64, 1_000] {
            var copy = policy
            for (stage, allowed) in policy.channels {
                var rebuilt = Set<ContactChannel>(minimumCapacity: capacity)
                for channel in ContactChannel.allCases.reversed() where allowed.contains(channel) {
                    rebuilt.insert(channel)
                }
                copy.channels[stage] = rebuilt
            }
            #expect(copy == policy)
            #expect(try encoder.encode(copy) == first, "capacity \(capacity)")
        }
        #expect(try JSONDecoder().decode(CollectionPolicy.self, from: first) == policy)
    }

    @Test("Decoding refuses an incoherent policy")
    func decodingValidates() throws {
        var policy = CollectionPolicy.standard
        policy.midStartDPD = 95
        let data = try JSONEncoder().encode(policy)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CollectionPolicy.self, from: data)
        }
        let unknown = String(decoding: try JSONEncoder().encode(CollectionPolicy.standard),
                             as: UTF8.self).replacingOccurrences(of: "\"grace\"", with: "\"gr\"")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CollectionPolicy.self, from: Data(unknown.utf8))
        }
    }
}
