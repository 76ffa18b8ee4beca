/// Every refusal of the lending domain.
///
/// Each case names the field or rule and the offending value, so a message is actionable on
/// its own. ``category`` tells a caller (the CLI) which exit status it maps to.
public enum LendingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A value wrong on its face (syntax, range, a date after today): checked without the store.
    case invalidInput(field: String, value: String, rule: String)
    /// Refused by a rule that needs the state: not enough credit, frozen line, above payoff, ...
    case refused(rule: String, message: String)
    /// An entity the command names does not exist.
    case notFound(entity: String, id: String)
    /// A domain invariant broke: a bug.
    case invariantViolated(String)

    /// How a caller should treat the error.
    public enum Category: Sendable, Equatable {
        /// Bad input, detectable without the store (exit 64).
        case usage
        /// Refused by a state-dependent rule (exit 65).
        case refused
        /// Something named does not exist (exit 66).
        case notFound
        /// A bug (exit 70).
        case bug
    }

    /// The category this error falls into.
    public var category: Category {
        switch self {
        case .invalidInput: return .usage
        case .refused: return .refused
        case .notFound: return .notFound
        case .invariantViolated: return .bug
        }
    }

    public var description: String {
        switch self {
        case .invalidInput(let field, let value, let rule):
            return "\(field) '\(value)' — \(rule)"
        case .refused(let rule, let message):
            return "\(message) — \(rule)"
        case .notFound(let entity, let id):
            return "\(entity) '\(id)' not found"
        case .invariantViolated(let what):
            return "internal invariant broken: \(what) — please report this bug"
        }
    }

    // MARK: - Factories

    /// A malformed or out-of-range input value.
    public static func invalid(_ field: String, _ value: String, _ rule: String) -> LendingError {
        .invalidInput(field: field, value: value, rule: rule)
    }
}
