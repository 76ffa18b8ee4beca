/// The rules ``Compliance/check(_:facts:policy:)`` applies, in the order it applies them.
///
/// The raw value is the `rule` of the ``LendingError/refused(rule:message:)`` a refusal
/// throws, and the last words of its message (`… — contact-hours`), so callers and CLI tests
/// match on it.
public enum ComplianceRule: String, Sendable, Hashable, Codable, CaseIterable,
    CustomStringConvertible
{
    /// At least one actor is named.
    case actorRequired = "actor-required"
    /// No action on a closed or paid-off loan.
    case loanClosed = "loan-closed"
    /// No action while a dispute on the loan is open (collection paused).
    case disputeOpen = "dispute-open"
    /// The channel is allowed at the loan's stage.
    case channelNotAllowed = "channel-not-allowed"
    /// Contact only within contact hours, Asia/Shanghai (legal exempt).
    case contactHours = "contact-hours"
    /// At most the policy's number of calls per loan per Shanghai calendar day.
    case callCap = "call-cap"
    /// A visit needs a large overdue amount or enough earlier ended overdue episodes.
    case visitEligibility = "visit-eligibility"
    /// A visit is made by exactly the required number of distinct collectors.
    case visitCollectors = "visit-collectors"

    /// The kebab-case identifier, e.g. `call-cap`.
    public var description: String { rawValue }
}
