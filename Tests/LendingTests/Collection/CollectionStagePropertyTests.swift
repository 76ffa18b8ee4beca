import Lending
import Testing

/// Properties of the stage function over random valid policies (seeded, seed printed).
@Suite struct CollectionStagePropertyTests {
    /// SplitMix64 (Steele, Lea, Flood 2014): tiny, seedable, good enough for test inputs.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A random policy that passes `validate()`.
    static func randomPolicy(_ random: inout SplitMix64) -> CollectionPolicy {
        var policy = CollectionPolicy.standard
        policy.earlyStartDPDAfterGrace = Int64.random(in: 1...5, using: &random)
        policy.midStartDPD = Int64.random(in: 2...60, using: &random)
        policy.largeDebtMidStartDPD = Int64.random(in: 1...policy.midStartDPD, using: &random)
        policy.lateStartDPD = Int64.random(in: (policy.midStartDPD + 1)...120, using: &random)
        policy.largeDebtThreshold = Money(fen: Int64.random(in: 1...5_000_000, using: &random))
        return policy
    }

    static let seed: UInt64 = 0x00C0_11EC_7105

    @Test("Stage never falls as DPD or the overdue amount grows; changes land on thresholds")
    func stageMonotoneAndThresholds() throws {
        print("CollectionStagePropertyTests seed \(Self.seed)")
        var random = SplitMix64(state: Self.seed)
        for _ in 0..<200 {
            let policy = Self.randomPolicy(&random)
            try policy.validate()
            let grace = Int64.random(in: 0...15, using: &random)
            let amounts = [Money.zero, policy.largeDebtThreshold - Money(fen: 1),
                           policy.largeDebtThreshold, policy.largeDebtThreshold + .yuan(1)]
            for dpd in Int64(0)...130 {
                let stages = amounts.map {
                    policy.stage(dpd: dpd, overdueAmount: $0, graceDays: grace)
                }
                // A closure: describing the policy costs more than the checks themselves.
                let context = { "DPD \(dpd), grace \(grace), \(policy)" }
                #expect(stages == stages.sorted(), "amount order, \(context())")
                #expect((dpd == 0) == (stages == Array(repeating: .current, count: 4)))
                if dpd >= 1, dpd <= grace {
                    #expect(stages == Array(repeating: .grace, count: 4), "grace, \(context())")
                }
                // The amount matters exactly inside the window: small → not mid, large → mid.
                if policy.isAmountSensitive(dpd: dpd, graceDays: grace) {
                    #expect(stages[1] != .mid && stages[2] == .mid, "window, \(context())")
                } else {
                    #expect(Set(stages).count == 1, "outside the window, \(context())")
                }
                for (amount, stage) in zip(amounts, stages) {
                    let next = policy.stage(dpd: dpd + 1, overdueAmount: amount, graceDays: grace)
                    #expect(next >= stage, "DPD order, \(context())")
                    if next != stage {
                        #expect(policy.nextThresholdDPD(after: dpd, graceDays: grace) == dpd + 1,
                                "threshold, \(context())")
                    }
                }
            }
        }
    }
}
