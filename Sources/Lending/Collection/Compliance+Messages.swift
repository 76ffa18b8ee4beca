// One-line refusal messages: what was attempted, the value that broke the rule, the rule's
// bound. LendingError.description appends " — <rule id>".
extension Compliance {
    static func message(
        for rule: ComplianceRule, _ request: CollectionActionRequest, facts: ComplianceFacts,
        policy: CollectionPolicy
    ) -> String {
        let channel = request.channel
        let loan = "loan '\(request.loanId)'"
        switch rule {
        case .actorRequired:
            return "\(channel) on \(loan) names no actor; every collection action needs one"
        case .loanClosed:
            return "\(loan) is closed or paid off; no \(channel) or other collection action "
                + "is allowed"
        case .disputeOpen:
            return "collection on \(loan) is paused while a dispute is open; \(channel) refused"
        case .channelNotAllowed:
            return channelMessage(request, facts: facts, policy: policy)
        case .contactHours:
            let hours = "\(clock(policy.contactHoursStartMinute))–"
                + "\(clock(policy.contactHoursEndMinute))"
            return "\(channel) at \(clock(request.at)) on \(request.at.date) is outside contact "
                + "hours \(hours) Asia/Shanghai"
        case .callCap:
            return "call at \(clock(request.at)) on \(request.at.date) would be call "
                + "\(facts.callsOnSameShanghaiDay + 1) on \(loan) that day; at most "
                + "\(policy.callsPerLoanPerDayMax) calls per loan per Shanghai day"
        case .visitEligibility:
            return "visit on \(loan) needs an overdue amount of at least "
                + "\(policy.visitOverdueAmountMin) (is \(facts.overdueAmount)) or at least "
                + "\(policy.visitEndedEpisodesMin) earlier ended overdue episodes "
                + "(has \(facts.endedOverdueEpisodes))"
        case .visitCollectors:
            let named = request.actors.map(\.rawValue).joined(separator: ",")
            return "visit on \(loan) needs exactly \(policy.visitCollectorsRequired) distinct "
                + "collectors, got '\(named)'"
        }
    }

    /// `channel 'visit' is not allowed at stage 'early' (DPD 12) on loan 'L-7'; visit is
    /// allowed from stage 'mid' (DPD 31, or 16 when the overdue amount is at least 20000.00)`.
    private static func channelMessage(
        _ request: CollectionActionRequest, facts: ComplianceFacts, policy: CollectionPolicy
    ) -> String {
        let channel = request.channel
        let dpd = facts.dpd.map { " (DPD \($0))" } ?? ""
        let head = "channel '\(channel)' is not allowed at stage '\(facts.stage)'\(dpd) on loan "
            + "'\(request.loanId)'"
        guard let first = policy.firstStage(allowing: channel) else {
            return head + "; no stage allows it"
        }
        return head + "; \(channel) is allowed from stage '\(first)' (\(start(of: first, policy)))"
    }

    /// Where a stage starts, in DPD words.
    private static func start(of stage: CollectionStage, _ policy: CollectionPolicy) -> String {
        switch stage {
        case .current: return "DPD 0"
        case .grace: return "DPD 1"
        case .early:
            return "DPD grace days + \(policy.earlyStartDPDAfterGrace)"
        case .mid:
            return "DPD \(policy.midStartDPD), or \(policy.largeDebtMidStartDPD) when the "
                + "overdue amount is at least \(policy.largeDebtThreshold)"
        case .late: return "DPD \(policy.lateStartDPD)"
        }
    }

    /// `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
    static func clock(_ time: LocalTime) -> String {
        let minutes = clock(time.minuteOfDay)
        return time.second == 0 ? minutes : minutes + ":" + two(time.second)
    }

    /// `HH:MM` for a minute of the day (1440 prints as 24:00).
    static func clock(_ minuteOfDay: Int64) -> String {
        two(minuteOfDay / 60) + ":" + two(minuteOfDay % 60)
    }

    private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
