/// A valid invocation of a leaf command: its path, arguments, option values and flags.
///
/// Environment variables and defaults are already applied, so ``value(_:)`` returns what the
/// command should use. Asking for an option or argument that the command does not declare is a
/// programmer error and traps, so that a misspelt name cannot read as "absent".
///
/// ```swift
/// let loan = try parsed.positional("LOAN")
/// let amount = try parsed.require("amount")
/// let asJSON = parsed.flag("json")
/// ```
public struct ParsedCommand: Sendable, Equatable {
    /// The command names below the root, such as `["loan", "repay"]`; empty for a root leaf.
    public let path: [String]
    /// Positional arguments by ``ArgumentSpec/name``; optional ones left out are absent.
    public let positionals: [String: String]
    /// Option values by long name without dashes, after environment and default fallback.
    public let values: [String: String]
    /// The long names of the flags that were given.
    public let flags: Set<String>
    /// The usage line of the command, for errors the caller finds after parsing.
    public let usage: String
    /// The command's full name, such as `loanctl loan repay`.
    public let commandName: String
    let declaredOptions: [String: OptionSpec]
    let declaredArguments: Set<String>

    /// The value of a value option, or `nil` when it was given nowhere and has no default.
    ///
    /// - Parameter name: The long name without dashes; the command must declare it as a value.
    /// - Returns: The value from the line, else the environment, else the default.
    public func value(_ name: String) -> String? {
        precondition(declaredOptions[name]?.kind == .value,
                     "'\(commandName)' declares no value option '--\(name)'")
        return values[name]
    }

    /// The value of a value option that this invocation needs.
    ///
    /// Use it for options required only in some cases (`--reason` on some commands); options
    /// declared with `isRequired` are already checked by the parser.
    ///
    /// - Parameter name: The long name without dashes; the command must declare it as a value.
    /// - Returns: The value.
    /// - Throws: ``UsageError`` with reason
    ///   ``UsageError/Reason/missingRequiredOption(option:valueName:environmentVariable:)``.
    public func require(_ name: String) throws(UsageError) -> String {
        guard let value = value(name) else {
            let option = declaredOptions[name]!  // value(_:) checked that it is declared
            throw UsageError(
                .missingRequiredOption(option: option.displayName, valueName: option.valueName,
                                       environmentVariable: option.environmentVariable),
                usage: usage
            )
        }
        return value
    }

    /// Whether a flag was given.
    ///
    /// - Parameter name: The long name without dashes; the command must declare it as a flag.
    /// - Returns: `true` when the flag appeared on the line.
    public func flag(_ name: String) -> Bool {
        precondition(declaredOptions[name]?.kind == .flag,
                     "'\(commandName)' declares no flag '--\(name)'")
        return flags.contains(name)
    }

    /// A positional argument.
    ///
    /// - Parameter name: The ``ArgumentSpec/name``; the command must declare it.
    /// - Returns: The argument as typed.
    /// - Throws: ``UsageError`` with reason ``UsageError/Reason/missingArgument(name:command:)``
    ///   when the argument is optional and was left out.
    public func positional(_ name: String) throws(UsageError) -> String {
        precondition(declaredArguments.contains(name),
                     "'\(commandName)' declares no argument '\(name)'")
        guard let value = positionals[name] else {
            throw UsageError(.missingArgument(name: name, command: commandName), usage: usage)
        }
        return value
    }
}
