/// A long option that a command accepts, such as `--as-of DATE` or `--json`.
///
/// Options are long and kebab-case only (STYLE.md point 8): the single short option is `-h`,
/// which every command accepts for help. An option declared on a command is accepted by that
/// command and by every command below it, anywhere on the line, so options declared on the root
/// are the global options.
///
/// ```swift
/// let asOf = OptionSpec.value("as-of", valueName: "DATE", help: "The business date to report on.")
/// let json = OptionSpec.flag("json", help: "Print one JSON document on stdout.")
/// ```
public struct OptionSpec: Sendable, Equatable {
    /// Whether the option stands alone or takes a value.
    public enum Kind: Sendable, Equatable {
        /// A switch with no value, such as `--json`.
        case flag
        /// An option followed by one value, such as `--amount 12.50` or `--amount=12.50`.
        case value
    }

    /// The long name without the leading dashes, kebab-case (`as-of` for `--as-of`).
    public let name: String
    /// The placeholder shown in usage and help (`DATE`); empty for flags.
    public let valueName: String
    /// One full sentence, ending with a period, shown in help.
    public let help: String
    /// Whether the option takes a value.
    public let kind: Kind
    /// Whether the parse fails (`missingRequiredOption`, see ``UsageError/Reason``) when neither
    /// the line nor ``environmentVariable`` gives a value.
    public let isRequired: Bool
    /// The environment variable read when the option is absent from the line (`LOANCTL_DB`).
    /// An empty variable counts as unset.
    public let environmentVariable: String?
    /// The value used when neither the line nor the environment gives one; shown in help.
    public let defaultValue: String?

    /// The option as written on the command line, `--as-of`.
    public var displayName: String { "--" + name }

    /// Declares an option that takes one value.
    ///
    /// Preconditions (programmer errors): `name` is kebab-case ASCII lowercase letters, digits
    /// and inner dashes, is not `help`; `valueName` is not empty; a required option has no default.
    ///
    /// - Parameters:
    ///   - name: The long name without dashes (`as-of`).
    ///   - valueName: The placeholder shown in help (`DATE`).
    ///   - help: One sentence ending with a period.
    ///   - isRequired: Whether a value must come from the line or the environment.
    ///   - environmentVariable: The variable read when the option is absent from the line.
    ///   - defaultValue: The value used when neither the line nor the environment gives one.
    /// - Returns: The option specification.
    public static func value(
        _ name: String,
        valueName: String,
        help: String,
        isRequired: Bool = false,
        environmentVariable: String? = nil,
        defaultValue: String? = nil
    ) -> OptionSpec {
        precondition(!valueName.isEmpty, "option '--\(name)' needs a value name")
        precondition(!(isRequired && defaultValue != nil),
                     "option '--\(name)' cannot be both required and defaulted")
        return OptionSpec(
            name: name, valueName: valueName, help: help, kind: .value, isRequired: isRequired,
            environmentVariable: environmentVariable, defaultValue: defaultValue
        )
    }

    /// Declares a flag: an option with no value, off unless given.
    ///
    /// Preconditions (programmer errors): `name` is kebab-case and is not `help`.
    ///
    /// - Parameters:
    ///   - name: The long name without dashes (`json`).
    ///   - help: One sentence ending with a period.
    /// - Returns: The option specification.
    public static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(
            name: name, valueName: "", help: help, kind: .flag, isRequired: false,
            environmentVariable: nil, defaultValue: nil
        )
    }

    private init(
        name: String, valueName: String, help: String, kind: Kind, isRequired: Bool,
        environmentVariable: String?, defaultValue: String?
    ) {
        precondition(OptionSpec.isKebabCase(name), "option name '\(name)' is not kebab-case")
        precondition(name != "help", "'--help' is reserved for help")
        self.name = name
        self.valueName = valueName
        self.help = help
        self.kind = kind
        self.isRequired = isRequired
        self.environmentVariable = environmentVariable
        self.defaultValue = defaultValue
    }

    /// Lowercase ASCII letters and digits in words joined by single dashes: `as-of`, `db`.
    static func isKebabCase(_ name: String) -> Bool {
        let words = name.split(separator: "-", omittingEmptySubsequences: false)
        return !name.isEmpty && words.allSatisfy { word in
            !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            }
        }
    }
}
