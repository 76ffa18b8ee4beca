// The policy is event data: it must encode to the same bytes every time. Swift's Set and
// Dictionary iterate in a per-process random order, so channel sets are written as arrays in
// `ContactChannel.allCases` order and the stage map as a keyed object written in stage order.
extension CollectionPolicy: Codable {
    enum CodingKeys: String, CodingKey {
        case effectiveFrom, earlyStartDPDAfterGrace, midStartDPD, lateStartDPD
        case largeDebtThreshold, largeDebtMidStartDPD, channels
        case contactHoursStartMinute, contactHoursEndMinute, contactHoursExemptChannels
        case callsPerLoanPerDayMax, visitOverdueAmountMin, visitEndedEpisodesMin
        case visitCollectorsRequired
    }

    /// Decodes a policy and validates it (``validate()``), so a broken policy never enters a
    /// ``CollectionPolicyBook``.
    /// - Throws: `DecodingError` for a wrong shape or a policy ``validate()`` refuses.
    public init(from decoder: any Decoder) throws {
        let box = try decoder.container(keyedBy: CodingKeys.self)
        let stages = try box.nestedContainer(keyedBy: StageKey.self, forKey: .channels)
        var channels: [CollectionStage: Set<ContactChannel>] = [:]
        for key in stages.allKeys {
            guard let stage = CollectionStage(rawValue: key.stringValue) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .channels, in: box, debugDescription: "unknown stage '\(key)'")
            }
            channels[stage] = Set(try stages.decode([ContactChannel].self, forKey: key))
        }
        self.init(
            effectiveFrom: try box.decode(BusinessDate.self, forKey: .effectiveFrom),
            earlyStartDPDAfterGrace: try box.decode(Int64.self, forKey: .earlyStartDPDAfterGrace),
            midStartDPD: try box.decode(Int64.self, forKey: .midStartDPD),
            lateStartDPD: try box.decode(Int64.self, forKey: .lateStartDPD),
            largeDebtThreshold: try box.decode(Money.self, forKey: .largeDebtThreshold),
            largeDebtMidStartDPD: try box.decode(Int64.self, forKey: .largeDebtMidStartDPD),
            channels: channels,
            contactHoursStartMinute: try box.decode(Int64.self, forKey: .contactHoursStartMinute),
            contactHoursEndMinute: try box.decode(Int64.self, forKey: .contactHoursEndMinute),
            contactHoursExemptChannels: Set(
                try box.decode([ContactChannel].self, forKey: .contactHoursExemptChannels)),
            callsPerLoanPerDayMax: try box.decode(Int.self, forKey: .callsPerLoanPerDayMax),
            visitOverdueAmountMin: try box.decode(Money.self, forKey: .visitOverdueAmountMin),
            visitEndedEpisodesMin: try box.decode(Int.self, forKey: .visitEndedEpisodesMin),
            visitCollectorsRequired: try box.decode(Int.self, forKey: .visitCollectorsRequired))
        do {
            try validate()
        } catch {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Encodes the policy with channel lists in a fixed order (see the file comment).
    public func encode(to encoder: any Encoder) throws {
        var box = encoder.container(keyedBy: CodingKeys.self)
        try box.encode(effectiveFrom, forKey: .effectiveFrom)
        try box.encode(earlyStartDPDAfterGrace, forKey: .earlyStartDPDAfterGrace)
        try box.encode(midStartDPD, forKey: .midStartDPD)
        try box.encode(lateStartDPD, forKey: .lateStartDPD)
        try box.encode(largeDebtThreshold, forKey: .largeDebtThreshold)
        try box.encode(largeDebtMidStartDPD, forKey: .largeDebtMidStartDPD)
        var stages = box.nestedContainer(keyedBy: StageKey.self, forKey: .channels)
        for stage in CollectionStage.allCases {
            guard let allowed = channels[stage] else { continue }
            try stages.encode(Self.ordered(allowed), forKey: StageKey(stage))
        }
        try box.encode(contactHoursStartMinute, forKey: .contactHoursStartMinute)
        try box.encode(contactHoursEndMinute, forKey: .contactHoursEndMinute)
        try box.encode(Self.ordered(contactHoursExemptChannels),
                       forKey: .contactHoursExemptChannels)
        try box.encode(callsPerLoanPerDayMax, forKey: .callsPerLoanPerDayMax)
        try box.encode(visitOverdueAmountMin, forKey: .visitOverdueAmountMin)
        try box.encode(visitEndedEpisodesMin, forKey: .visitEndedEpisodesMin)
        try box.encode(visitCollectorsRequired, forKey: .visitCollectorsRequired)
    }

    /// `channels` in ``ContactChannel/allCases`` order.
    static func ordered(_ channels: Set<ContactChannel>) -> [ContactChannel] {
        channels.sorted { $0.order < $1.order }
    }

    /// A stage name as a JSON object key.
    struct StageKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ stage: CollectionStage) { stringValue = stage.rawValue }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
