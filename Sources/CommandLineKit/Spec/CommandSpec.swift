/// A command or a group of commands, declared as data.
///
/// A spec with subcommands is a group: it only routes to its subcommands, and running it alone
/// is a usage error that prints its help. A spec without subcommands is a leaf command that
/// takes ``arguments`` and ``options``. Options declared on a spec are accepted by it and by
/// every spec below it, so the root's options are the global options.
///
/// ```swift
/// let root = CommandSpec(
///     name: "loanctl",
///     abstract: "Operate the loan ledger.",
///     options: [.flag("json", help: "Print one JSON document on stdout.")],
///     subcommands: [
///         CommandSpec(
///             name: "show",
///             abstract: "Show a loan.",
///             arguments: [ArgumentSpec(name: "LOAN", help: "The loan identifier.")]
///         ),
///     ]
/// )
/// ```
public struct CommandSpec: Sendable, Equatable {
    /// The word that selects the command (`repay`); the root's name is the program name.
    public let name: String
    /// One sentence, ending with a period, shown in help and in the parent's command list.
    public let abstract: String
    /// Further paragraphs shown in help; lines are wrapped at ``HelpFormatter/lineWidthMax``.
    public let discussion: String
    /// Complete example lines, shown verbatim in help.
    public let examples: [String]
    /// The positional arguments, in order.
    public let arguments: [ArgumentSpec]
    /// The options this command and all commands below it accept.
    public let options: [OptionSpec]
    /// The commands of this group; empty for a leaf command.
    public let subcommands: [CommandSpec]

    /// Whether this spec routes to subcommands rather than running.
    public var isGroup: Bool { !subcommands.isEmpty }

    /// Declares a command or group.
    ///
    /// Preconditions (programmer errors): a group takes no positional arguments; optional
    /// arguments follow required ones; option and subcommand names are unique in this spec.
    ///
    /// - Parameters:
    ///   - name: The word that selects the command.
    ///   - abstract: One sentence ending with a period.
    ///   - discussion: Further text for help; empty by default.
    ///   - examples: Example lines for help; none by default.
    ///   - arguments: Positional arguments, in order.
    ///   - options: Options accepted here and below.
    ///   - subcommands: The commands of a group; empty for a leaf.
    public init(
        name: String,
        abstract: String,
        discussion: String = "",
        examples: [String] = [],
        arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [],
        subcommands: [CommandSpec] = []
    ) {
        precondition(!name.isEmpty && !name.hasPrefix("-"), "command name '\(name)' is invalid")
        precondition(subcommands.isEmpty || arguments.isEmpty,
                     "group '\(name)' cannot take positional arguments")
        let firstOptional = arguments.firstIndex(where: \.isOptional) ?? arguments.endIndex
        precondition(arguments[firstOptional...].allSatisfy(\.isOptional),
                     "command '\(name)' has a required argument after an optional one")
        precondition(Set(options.map(\.name)).count == options.count,
                     "command '\(name)' declares an option twice")
        precondition(Set(subcommands.map(\.name)).count == subcommands.count,
                     "command '\(name)' declares a subcommand twice")
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.examples = examples
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
    }

    /// The direct subcommand called `name`, if any.
    ///
    /// - Parameter name: The word typed on the command line.
    /// - Returns: The subcommand, or `nil` when this spec has none of that name.
    public func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }
}
