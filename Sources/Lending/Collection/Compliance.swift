/// The compliance rules every collection action passes before it is recorded.
///
/// Rules are checked in a fixed order, that of ``ComplianceRule/allCases``, and the first broken
/// one refuses the action:
/// 1. `actor-required`: at least one actor is named.
/// 2. `loan-closed`: the loan is not closed or paid off (a written-off loan is not closed).
/// 3. `dispute-open`: no dispute on the loan is open (collection paused).
/// 4. `channel-not-allowed`: the policy allows the channel at the loan's stage.
/// 5. `contact-hours`: the Shanghai time is within contact hours (08:00 inclusive to 21:00
///    exclusive by default), unless the channel is exempt (legal).
/// 6. `call-cap`: for a call, fewer calls than the daily cap (3) are already recorded for the
///    loan on the same Shanghai day.
/// 7. `visit-eligibility`: for a visit, the overdue amount reaches the visit minimum
///    (20,000.00) or the customer has enough earlier ended overdue episodes (2).
/// 8. `visit-collectors`: for a visit, exactly the required number (2) of distinct collectors,
///    with no one named twice. Other channels accept any number of actors.
public enum Compliance {
    /// Refuses `request` when it breaks a compliance rule; returns when it may be recorded.
    ///
    /// Pure: everything it needs about the loan is in `facts`, computed by the caller for the
    /// request's Shanghai date, and `policy` is the version in force on that date
    /// (``CollectionPolicyBook/policy(on:)``).
    ///
    /// ```swift
    /// try Compliance.check(request, facts: facts, policy: book.policy(on: request.at.date))
    /// ```
    /// - Parameters:
    ///   - request: The action to record.
    ///   - facts: The loan's state on the action's date.
    ///   - policy: The collection policy in force on that date.
    /// - Throws: ``LendingError/refused(rule:message:)`` whose `rule` is the raw value of the
    ///   first broken ``ComplianceRule`` in check order.
    public static func check(
        _ request: CollectionActionRequest, facts: ComplianceFacts, policy: CollectionPolicy
    ) throws(LendingError) {
        for rule in ComplianceRule.allCases {
            if let refusal = refusal(by: rule, request, facts: facts, policy: policy) {
                throw refusal
            }
        }
    }

    /// Every rule `request` breaks, in check order, each with the refusal
    /// ``check(_:facts:policy:)`` would throw for it; empty when the action is allowed.
    ///
    /// For explanations ("what else is wrong") and tests; `check` stops at the first.
    public static func refusals(
        _ request: CollectionActionRequest, facts: ComplianceFacts, policy: CollectionPolicy
    ) -> [(rule: ComplianceRule, error: LendingError)] {
        ComplianceRule.allCases.compactMap { rule in
            refusal(by: rule, request, facts: facts, policy: policy).map { (rule, $0) }
        }
    }

    /// The refusal `rule` gives `request`, or nil when the request passes it.
    static func refusal(
        by rule: ComplianceRule, _ request: CollectionActionRequest, facts: ComplianceFacts,
        policy: CollectionPolicy
    ) -> LendingError? {
        let passes: Bool
        switch rule {
        case .actorRequired:
            passes = !request.actors.isEmpty
        case .loanClosed:
            passes = !facts.loanIsClosed
        case .disputeOpen:
            passes = !facts.disputeOpen
        case .channelNotAllowed:
            passes = policy.allows(request.channel, at: facts.stage)
        case .contactHours:
            passes = !policy.isBoundByContactHours(request.channel)
                || policy.isWithinContactHours(minuteOfDay: request.at.minuteOfDay)
        case .callCap:
            passes = request.channel != .call
                || facts.callsOnSameShanghaiDay < policy.callsPerLoanPerDayMax
        case .visitEligibility:
            passes = request.channel != .visit
                || facts.overdueAmount >= policy.visitOverdueAmountMin
                || facts.endedOverdueEpisodes >= policy.visitEndedEpisodesMin
        case .visitCollectors:
            passes = request.channel != .visit
                || (request.actors.count == policy.visitCollectorsRequired
                    && Set(request.actors).count == policy.visitCollectorsRequired)
        }
        if passes { return nil }
        let text = message(for: rule, request, facts: facts, policy: policy)
        return .refused(rule: rule.rawValue, message: text)
    }
}
