/// Every number of the collection policy, as one value in force from a business date.
///
/// Contractual terms (grace days among them) travel with each loan; the collection policy does
/// not: regulation changes on a date, so the version in force on an action's date applies to old
/// loans too. Versions live in a ``CollectionPolicyBook`` and arrive as events on a policy
/// stream; this value is their payload (`Codable`, with channel lists in a fixed order so the
/// same policy always encodes to the same bytes).
///
/// Stages (see ``stage(dpd:overdueAmount:graceDays:)``): DPD 0 `current`; 1 … grace `grace`;
/// grace + ``earlyStartDPDAfterGrace`` … `early`; ``midStartDPD`` (or ``largeDebtMidStartDPD``
/// when the overdue amount is at least ``largeDebtThreshold``) … `mid`; ``lateStartDPD`` …
/// `late`.
///
/// ```swift
/// let policy = CollectionPolicy.standard
/// policy.stage(dpd: 16, overdueAmount: .yuan(20_000), graceDays: 3)  // .mid
/// policy.stage(dpd: 16, overdueAmount: .yuan(19_999), graceDays: 3)  // .early
/// ```
public struct CollectionPolicy: Sendable, Hashable {
    /// The first business date on which this version is in force.
    public var effectiveFrom: BusinessDate
    /// Early starts this many days after the loan's grace days end: DPD grace + this (1).
    public var earlyStartDPDAfterGrace: Int64
    /// First DPD of the mid stage for ordinary debts (31).
    public var midStartDPD: Int64
    /// First DPD of the late stage (91).
    public var lateStartDPD: Int64
    /// An overdue amount at or above this is a large debt (20,000.00).
    public var largeDebtThreshold: Money
    /// First DPD of the mid stage for large debts (16).
    public var largeDebtMidStartDPD: Int64
    /// The channels each stage allows; a stage missing from the map allows none.
    public var channels: [CollectionStage: Set<ContactChannel>]
    /// Contact is allowed from this minute of the Shanghai day, inclusive (480 = 08:00).
    public var contactHoursStartMinute: Int64
    /// Contact is allowed until this minute of the Shanghai day, exclusive (1260 = 21:00).
    public var contactHoursEndMinute: Int64
    /// Channels allowed at any hour ([legal]).
    public var contactHoursExemptChannels: Set<ContactChannel>
    /// Most calls per loan per Shanghai calendar day (3: the 4th is refused).
    public var callsPerLoanPerDayMax: Int
    /// A visit is allowed when the overdue amount is at least this (20,000.00) …
    public var visitOverdueAmountMin: Money
    /// … or when the customer has at least this many earlier ended overdue episodes (2).
    public var visitEndedEpisodesMin: Int
    /// A visit is made by exactly this many distinct collectors (2).
    public var visitCollectorsRequired: Int

    /// Creates a policy; every parameter defaults to the product's standard value.
    ///
    /// The value is not checked here; decide-side code calls ``validate()`` before recording a
    /// new version, and decoding validates.
    /// - Parameters: see the properties of the same names.
    public init(
        effectiveFrom: BusinessDate = CollectionPolicy.standardEffectiveFrom,
        earlyStartDPDAfterGrace: Int64 = 1,
        midStartDPD: Int64 = 31,
        lateStartDPD: Int64 = 91,
        largeDebtThreshold: Money = .yuan(20_000),
        largeDebtMidStartDPD: Int64 = 16,
        channels: [CollectionStage: Set<ContactChannel>] = CollectionPolicy.standardChannels,
        contactHoursStartMinute: Int64 = 8 * 60,
        contactHoursEndMinute: Int64 = 21 * 60,
        contactHoursExemptChannels: Set<ContactChannel> = [.legal],
        callsPerLoanPerDayMax: Int = 3,
        visitOverdueAmountMin: Money = .yuan(20_000),
        visitEndedEpisodesMin: Int = 2,
        visitCollectorsRequired: Int = 2
    ) {
        self.effectiveFrom = effectiveFrom
        self.earlyStartDPDAfterGrace = earlyStartDPDAfterGrace
        self.midStartDPD = midStartDPD
        self.lateStartDPD = lateStartDPD
        self.largeDebtThreshold = largeDebtThreshold
        self.largeDebtMidStartDPD = largeDebtMidStartDPD
        self.channels = channels
        self.contactHoursStartMinute = contactHoursStartMinute
        self.contactHoursEndMinute = contactHoursEndMinute
        self.contactHoursExemptChannels = contactHoursExemptChannels
        self.callsPerLoanPerDayMax = callsPerLoanPerDayMax
        self.visitOverdueAmountMin = visitOverdueAmountMin
        self.visitEndedEpisodesMin = visitEndedEpisodesMin
        self.visitCollectorsRequired = visitCollectorsRequired
    }

    /// The date the standard policy is in force from: 1970-01-01, before any loan can exist
    /// (business dates start in 1900 only for parsing), so it covers the whole log.
    public static let standardEffectiveFrom = BusinessDate(daysSinceEpoch: 0)

    /// The product's channels per stage: reminders always; calls from early; agency and visits
    /// from mid; legal from late.
    public static let standardChannels: [CollectionStage: Set<ContactChannel>] = [
        .current: [.sms, .push, .email],
        .grace: [.sms, .push, .email],
        .early: [.sms, .push, .email, .call],
        .mid: [.sms, .push, .email, .call, .agency, .visit],
        .late: [.sms, .push, .email, .call, .agency, .visit, .legal],
    ]

    /// The default policy of PRODUCT-RULES.md, in force from ``standardEffectiveFrom``.
    public static let standard = CollectionPolicy()

    /// True when `channel` may be used at `stage`.
    public func allows(_ channel: ContactChannel, at stage: CollectionStage) -> Bool {
        channels[stage]?.contains(channel) ?? false
    }

    /// The mildest stage that allows `channel`, or nil when no stage does.
    public func firstStage(allowing channel: ContactChannel) -> CollectionStage? {
        CollectionStage.allCases.first { allows(channel, at: $0) }
    }

    /// True when `channel` must respect contact hours.
    public func isBoundByContactHours(_ channel: ContactChannel) -> Bool {
        !contactHoursExemptChannels.contains(channel)
    }

    /// True when `minuteOfDay` (Shanghai) is inside contact hours: start ≤ minute < end.
    public func isWithinContactHours(minuteOfDay: Int64) -> Bool {
        minuteOfDay >= contactHoursStartMinute && minuteOfDay < contactHoursEndMinute
    }
}
