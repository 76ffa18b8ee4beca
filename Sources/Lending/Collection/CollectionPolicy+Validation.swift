extension CollectionPolicy {
    /// The highest DPD threshold a policy may name (about 27 years): bounds every threshold.
    public static let thresholdDPDMax: Int64 = 10_000
    /// The most calls per loan per day a policy may allow.
    public static let callsPerLoanPerDayMaxLimit = 100
    /// The most collectors a policy may require on a visit.
    public static let visitCollectorsRequiredMax = 8

    /// Checks that the numbers make one coherent policy.
    ///
    /// Checked: `earlyStartDPDAfterGrace` ≥ 1; 1 ≤ `largeDebtMidStartDPD` ≤ `midStartDPD` <
    /// `lateStartDPD` ≤ ``thresholdDPDMax``; `largeDebtThreshold` and `visitOverdueAmountMin`
    /// between 0.00 and ``Money/inputMax``; contact hours 0 ≤ start < end ≤ 1440; calls per day
    /// 0 … ``callsPerLoanPerDayMaxLimit``; ended episodes ≥ 0; collectors 1 …
    /// ``visitCollectorsRequiredMax``; every stage present in `channels`.
    /// - Throws: ``LendingError/invalidInput(field:value:rule:)`` naming the first field that
    ///   breaks a rule.
    public func validate() throws(LendingError) {
        try validateThresholds()
        try validateContact()
        try validateVisits()
    }

    private func validateThresholds() throws(LendingError) {
        guard earlyStartDPDAfterGrace >= 1, earlyStartDPDAfterGrace <= Self.thresholdDPDMax else {
            throw .invalid("earlyStartDPDAfterGrace", "\(earlyStartDPDAfterGrace)",
                           "must be 1 to \(Self.thresholdDPDMax)")
        }
        guard largeDebtMidStartDPD >= 1, largeDebtMidStartDPD <= midStartDPD else {
            throw .invalid("largeDebtMidStartDPD", "\(largeDebtMidStartDPD)",
                           "must be 1 to midStartDPD \(midStartDPD)")
        }
        guard midStartDPD < lateStartDPD else {
            throw .invalid("midStartDPD", "\(midStartDPD)",
                           "must be below lateStartDPD \(lateStartDPD)")
        }
        guard lateStartDPD <= Self.thresholdDPDMax else {
            throw .invalid("lateStartDPD", "\(lateStartDPD)",
                           "must be at most \(Self.thresholdDPDMax)")
        }
        guard largeDebtThreshold >= .zero, largeDebtThreshold <= Money.inputMax else {
            throw .invalid("largeDebtThreshold", "\(largeDebtThreshold)",
                           "must be 0.00 to \(Money.inputMax)")
        }
    }

    private func validateContact() throws(LendingError) {
        guard contactHoursStartMinute >= 0, contactHoursStartMinute < contactHoursEndMinute else {
            throw .invalid("contactHoursStartMinute", "\(contactHoursStartMinute)",
                           "must be 0 or more and below contactHoursEndMinute "
                               + "\(contactHoursEndMinute)")
        }
        guard contactHoursEndMinute <= 1440 else {
            throw .invalid("contactHoursEndMinute", "\(contactHoursEndMinute)",
                           "must be at most 1440 (midnight)")
        }
        guard callsPerLoanPerDayMax >= 0, callsPerLoanPerDayMax <= Self.callsPerLoanPerDayMaxLimit
        else {
            throw .invalid("callsPerLoanPerDayMax", "\(callsPerLoanPerDayMax)",
                           "must be 0 to \(Self.callsPerLoanPerDayMaxLimit)")
        }
        for stage in CollectionStage.allCases where channels[stage] == nil {
            throw .invalid("channels", stage.rawValue, "must list the channels of every stage")
        }
    }

    private func validateVisits() throws(LendingError) {
        guard visitOverdueAmountMin >= .zero, visitOverdueAmountMin <= Money.inputMax else {
            throw .invalid("visitOverdueAmountMin", "\(visitOverdueAmountMin)",
                           "must be 0.00 to \(Money.inputMax)")
        }
        guard visitEndedEpisodesMin >= 0 else {
            throw .invalid("visitEndedEpisodesMin", "\(visitEndedEpisodesMin)",
                           "must be 0 or more")
        }
        guard visitCollectorsRequired >= 1,
            visitCollectorsRequired <= Self.visitCollectorsRequiredMax
        else {
            throw .invalid("visitCollectorsRequired", "\(visitCollectorsRequired)",
                           "must be 1 to \(Self.visitCollectorsRequiredMax)")
        }
    }
}
