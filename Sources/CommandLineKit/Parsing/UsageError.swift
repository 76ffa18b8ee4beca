/// A command line that does not fit the command tree; the caller exits 64 (``ExitCode/usage``).
///
/// ``description`` is the one-line message (`<what> — <rule>`, the option or argument named in
/// single quotes); ``usage`` is the usage line of the command that was being parsed, for the
/// caller to print on the next line:
///
/// ```
/// loanctl: option '--amount' given twice — each option may appear once
/// usage: loanctl loan repay LOAN --amount A --on D --ref REF [--channel C] [options]
/// ```
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong with the command line. Option names are shown with their dashes.
    public enum Reason: Equatable, Sendable {
        /// A word where a group expected one of its commands.
        case unknownCommand(name: String, command: String, choices: [String])
        /// An option that neither the command nor its parents declare (`--amout`, `-x`).
        case unknownOption(option: String, command: String)
        /// An option given more than once; the second occurrence is refused, not merged.
        case repeatedOption(option: String)
        /// A value option at the end of the line, or followed by a token that starts with `--`.
        case missingValue(option: String, valueName: String)
        /// A required option given neither on the line nor through its environment variable.
        case missingRequiredOption(option: String, valueName: String, environmentVariable: String?)
        /// A positional argument beyond those the command declares.
        case unexpectedArgument(value: String, command: String, expected: [String])
        /// A required positional argument that is missing, or an optional one that was read.
        case missingArgument(name: String, command: String)
        /// A flag written with `=value`.
        case flagGivenValue(option: String, value: String)
    }

    /// What was wrong.
    public let reason: Reason
    /// The usage line of the command being parsed, starting with `usage: `.
    public let usage: String

    /// Creates an error; the parser and ``ParsedCommand`` build these.
    ///
    /// - Parameters:
    ///   - reason: What was wrong.
    ///   - usage: The usage line of the command being parsed.
    public init(_ reason: Reason, usage: String) {
        self.reason = reason
        self.usage = usage
    }

    /// The one-line message: what is wrong, an em dash, and the rule.
    public var description: String {
        switch reason {
        case let .unknownCommand(name, command, choices):
            let list = choices.joined(separator: ", ")
            return "unknown command '\(name)' — '\(command)' expects one of: \(list)"
        case let .unknownOption(option, command):
            return "unknown option '\(option)' — not an option of '\(command)'"
        case let .repeatedOption(option):
            return "option '\(option)' given twice — each option may appear once"
        case let .missingValue(option, valueName):
            return "missing value for option '\(option)' — write '\(option) \(valueName)'"
                + " or '\(option)=\(valueName)'"
        case let .missingRequiredOption(option, valueName, environmentVariable?):
            return "missing required option '\(option)' — give '\(option) \(valueName)'"
                + " or set \(environmentVariable)"
        case let .missingRequiredOption(option, valueName, nil):
            return "missing required option '\(option)' — give '\(option) \(valueName)'"
        case let .unexpectedArgument(value, command, expected):
            return "unexpected argument '\(value)' — '\(command)' "
                + UsageError.takes(expected)
        case let .missingArgument(name, command):
            return "missing argument '\(name)' — '\(command)' needs it"
        case let .flagGivenValue(option, value):
            return "flag '\(option)' given a value '\(value)' — flags take no value"
        }
    }

    private static func takes(_ expected: [String]) -> String {
        switch expected.count {
        case 0: return "takes no arguments"
        case 1: return "takes 1 argument: \(expected[0])"
        default: return "takes \(expected.count) arguments: \(expected.joined(separator: " "))"
        }
    }
}
