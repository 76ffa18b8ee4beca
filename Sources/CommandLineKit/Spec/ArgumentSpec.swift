/// A positional argument of a command, such as the `LOAN` in `loan repay LOAN`.
///
/// Arguments are matched in declaration order. Optional arguments may only follow required
/// ones, which ``CommandSpec`` checks when it is built.
///
/// ```swift
/// let loan = ArgumentSpec(name: "LOAN", help: "The loan identifier.")
/// ```
public struct ArgumentSpec: Sendable, Equatable {
    /// The placeholder shown in usage and help, and the key for ``ParsedCommand/positional(_:)``.
    public let name: String
    /// One full sentence, ending with a period, shown in help.
    public let help: String
    /// Whether the command runs without it; shown as `[NAME]` in usage.
    public let isOptional: Bool

    /// Declares a positional argument.
    ///
    /// - Parameters:
    ///   - name: The placeholder, conventionally upper case (`LOAN`).
    ///   - help: One sentence ending with a period.
    ///   - isOptional: Whether the argument may be left out; `false` by default.
    public init(name: String, help: String, isOptional: Bool = false) {
        precondition(!name.isEmpty, "an argument needs a name")
        self.name = name
        self.help = help
        self.isOptional = isOptional
    }
}
