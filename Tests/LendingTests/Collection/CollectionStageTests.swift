import Lending
import Testing

@Suite struct CollectionStageTests {
    struct StageCase: Sendable, CustomTestStringConvertible {
        let dpd: Int64
        let overdueFen: Int64
        let graceDays: Int64
        let expected: CollectionStage
        var testDescription: String {
            "DPD \(dpd), overdue \(Money(fen: overdueFen)), grace \(graceDays) → \(expected)"
        }
    }

    static let large: Int64 = 2_000_000  // 20,000.00: the large-debt threshold itself
    static let belowLarge: Int64 = 1_999_999  // 19,999.99

    static let boundaries: [StageCase] = [
        StageCase(dpd: 0, overdueFen: 0, graceDays: 3, expected: .current),
        StageCase(dpd: 0, overdueFen: large, graceDays: 3, expected: .current),
        StageCase(dpd: 1, overdueFen: 89_975, graceDays: 3, expected: .grace),
        StageCase(dpd: 3, overdueFen: 89_975, graceDays: 3, expected: .grace),
        StageCase(dpd: 3, overdueFen: large, graceDays: 3, expected: .grace),
        StageCase(dpd: 4, overdueFen: 89_975, graceDays: 3, expected: .early),
        StageCase(dpd: 4, overdueFen: large, graceDays: 3, expected: .early),
        StageCase(dpd: 15, overdueFen: large, graceDays: 3, expected: .early),
        StageCase(dpd: 16, overdueFen: large, graceDays: 3, expected: .mid),
        StageCase(dpd: 15, overdueFen: belowLarge, graceDays: 3, expected: .early),
        StageCase(dpd: 16, overdueFen: belowLarge, graceDays: 3, expected: .early),
        StageCase(dpd: 30, overdueFen: belowLarge, graceDays: 3, expected: .early),
        StageCase(dpd: 31, overdueFen: belowLarge, graceDays: 3, expected: .mid),
        StageCase(dpd: 31, overdueFen: large, graceDays: 3, expected: .mid),
        StageCase(dpd: 90, overdueFen: 100, graceDays: 3, expected: .mid),
        StageCase(dpd: 90, overdueFen: large, graceDays: 3, expected: .mid),
        StageCase(dpd: 91, overdueFen: 100, graceDays: 3, expected: .late),
        StageCase(dpd: 91, overdueFen: large, graceDays: 3, expected: .late),
        StageCase(dpd: 400, overdueFen: 100, graceDays: 3, expected: .late),
        // Grace 0: DPD 1 is already early.
        StageCase(dpd: 1, overdueFen: 100, graceDays: 0, expected: .early),
        // Grace 15: grace wins over the large-debt mid start at 16 only up to 15.
        StageCase(dpd: 15, overdueFen: large, graceDays: 15, expected: .grace),
        StageCase(dpd: 16, overdueFen: large, graceDays: 15, expected: .mid),
        StageCase(dpd: 16, overdueFen: 100, graceDays: 15, expected: .early),
    ]

    @Test("Stage follows DPD, grace and the large-debt threshold", arguments: boundaries)
    func stageBoundaries(_ item: StageCase) {
        let stage = CollectionPolicy.standard.stage(
            dpd: item.dpd, overdueAmount: Money(fen: item.overdueFen), graceDays: item.graceDays)
        #expect(stage == item.expected)
    }

    @Test("Stage goes down as well as up when DPD or the overdue amount falls")
    func stageGoesDown() {
        let policy = CollectionPolicy.standard
        // A loan in late stage is partly repaid: the oldest installment is paid, DPD falls.
        let walk: [(dpd: Int64, overdue: Money, expected: CollectionStage)] = [
            (95, .yuan(25_000), .late), (40, .yuan(25_000), .mid), (20, .yuan(25_000), .mid),
            (20, .yuan(19_000), .early), (2, .yuan(900), .grace), (0, .zero, .current),
        ]
        var stages: [CollectionStage] = []
        for step in walk {
            stages.append(policy.stage(dpd: step.dpd, overdueAmount: step.overdue, graceDays: 3))
        }
        #expect(stages == walk.map(\.expected))
        #expect(stages == stages.sorted(by: >))
    }

    @Test("Stages order from current to late")
    func stageOrder() {
        #expect(CollectionStage.allCases == [.current, .grace, .early, .mid, .late])
        #expect(CollectionStage.allCases.sorted() == CollectionStage.allCases)
        #expect(CollectionStage.mid > .early)
        #expect(!(CollectionStage.late < .late))
    }

    struct ThresholdCase: Sendable, CustomTestStringConvertible {
        let dpd: Int64
        let graceDays: Int64
        let expected: Int64?
        var testDescription: String {
            "after DPD \(dpd), grace \(graceDays) → \(expected.map(String.init) ?? "none")"
        }
    }

    static let thresholds: [ThresholdCase] = [
        ThresholdCase(dpd: 0, graceDays: 3, expected: 1),
        ThresholdCase(dpd: 1, graceDays: 3, expected: 4),
        ThresholdCase(dpd: 3, graceDays: 3, expected: 4),
        ThresholdCase(dpd: 4, graceDays: 3, expected: 16),
        ThresholdCase(dpd: 15, graceDays: 3, expected: 16),
        ThresholdCase(dpd: 16, graceDays: 3, expected: 31),
        ThresholdCase(dpd: 30, graceDays: 3, expected: 31),
        ThresholdCase(dpd: 31, graceDays: 3, expected: 91),
        ThresholdCase(dpd: 90, graceDays: 3, expected: 91),
        ThresholdCase(dpd: 91, graceDays: 3, expected: nil),
        ThresholdCase(dpd: 500, graceDays: 3, expected: nil),
        ThresholdCase(dpd: 0, graceDays: 0, expected: 1),
        ThresholdCase(dpd: 1, graceDays: 0, expected: 16),
        ThresholdCase(dpd: 1, graceDays: 15, expected: 16),
        ThresholdCase(dpd: 16, graceDays: 15, expected: 31),
    ]

    @Test("Next threshold DPD is the next day the stage can change", arguments: thresholds)
    func nextThreshold(_ item: ThresholdCase) {
        let policy = CollectionPolicy.standard
        let next = policy.nextThresholdDPD(after: item.dpd, graceDays: item.graceDays)
        #expect(next == item.expected)
    }

    @Test("Thresholds inside the grace days are skipped: grace wins there")
    func thresholdInsideGrace() {
        var policy = CollectionPolicy.standard
        policy.largeDebtMidStartDPD = 10
        #expect(policy.stage(dpd: 10, overdueAmount: .yuan(50_000), graceDays: 15) == .grace)
        #expect(policy.stage(dpd: 16, overdueAmount: .yuan(50_000), graceDays: 15) == .mid)
        #expect(policy.nextThresholdDPD(after: 5, graceDays: 15) == 16)
        #expect(policy.nextThresholdDPD(after: 5, graceDays: 3) == 10)
    }

    @Test("Between thresholds the stage does not change, for any amount", arguments: [0, 3, 15])
    func noChangeBeforeNextThreshold(graceDays: Int64) {
        let policy = CollectionPolicy.standard
        for amount in [Money(fen: 100), .yuan(19_999), .yuan(20_000), .yuan(90_000)] {
            var dpd: Int64 = 0
            // Every stage change while DPD walks 0…120 lands exactly on a threshold.
            while dpd < 120 {
                let here = policy.stage(dpd: dpd, overdueAmount: amount, graceDays: graceDays)
                let next = policy.stage(dpd: dpd + 1, overdueAmount: amount, graceDays: graceDays)
                if here != next {
                    let threshold = policy.nextThresholdDPD(after: dpd, graceDays: graceDays)
                    #expect(threshold == dpd + 1, "DPD \(dpd) → \(dpd + 1) at \(amount)")
                }
                dpd += 1
            }
        }
    }

    @Test("Amount-sensitive window is after grace, from DPD 16 to 30", arguments: [
        (Int64(15), Int64(3), false), (16, 3, true), (30, 3, true), (31, 3, false),
        (16, 15, true), (15, 15, false), (10, 3, false),
    ])
    func amountSensitiveWindow(dpd: Int64, graceDays: Int64, expected: Bool) {
        let policy = CollectionPolicy.standard
        #expect(policy.isAmountSensitive(dpd: dpd, graceDays: graceDays) == expected)
        let small = policy.stage(dpd: dpd, overdueAmount: .yuan(100), graceDays: graceDays)
        let large = policy.stage(dpd: dpd, overdueAmount: .yuan(20_000), graceDays: graceDays)
        #expect((small != large) == expected)
    }

    @Test("Stage names parse; others are rejected naming the field")
    func stageParsing() throws {
        for stage in CollectionStage.allCases {
            #expect(try CollectionStage(parsing: stage.rawValue) == stage)
        }
        #expect(throws: LendingError.invalidInput(
            field: "stage", value: "Mid", rule: "must be current, grace, early, mid or late")
        ) {
            try CollectionStage(parsing: "Mid")
        }
    }

    @Test("Channel names parse; others are rejected naming the field")
    func channelParsing() throws {
        for channel in ContactChannel.allCases {
            #expect(try ContactChannel(parsing: channel.rawValue) == channel)
        }
        let error = #expect(throws: LendingError.self) { try ContactChannel(parsing: "phone") }
        #expect(error?.description
            == "channel 'phone' — must be sms, push, email, call, agency, visit or legal")
    }
}
