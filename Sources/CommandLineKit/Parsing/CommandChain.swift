/// The specs from the root down to one command, with what that position implies: the full
/// name, the options in scope and the usage line.
struct CommandChain {
    /// Root first; never empty.
    private(set) var specs: [CommandSpec]

    init(root: CommandSpec) {
        specs = [root]
    }

    /// Resolves `path` (names below the root); traps when a name is not a subcommand, since
    /// callers pass paths taken from a parse or from their own tree.
    init(root: CommandSpec, path: [String]) {
        self.init(root: root)
        for name in path {
            guard let next = current.subcommand(named: name) else {
                preconditionFailure("'\(displayName)' has no subcommand '\(name)'")
            }
            descend(into: next)
        }
    }

    var current: CommandSpec { specs[specs.count - 1] }
    var path: [String] { specs.dropFirst().map(\.name) }
    var displayName: String { specs.map(\.name).joined(separator: " ") }

    /// Options of the parents, which the current command accepts too.
    var inheritedOptions: [OptionSpec] { specs.dropLast().flatMap(\.options) }

    /// Every option accepted at this position, by long name.
    var optionsInScope: [String: OptionSpec] {
        var scope: [String: OptionSpec] = [:]
        for option in specs.flatMap(\.options) {
            scope[option.name] = option
        }
        return scope
    }

    mutating func descend(into spec: CommandSpec) {
        let names = Set(specs.flatMap(\.options).map(\.name))
        for option in spec.options {
            precondition(!names.contains(option.name),
                         "'\(spec.name)' redeclares the inherited option '--\(option.name)'")
        }
        specs.append(spec)
    }

    /// `usage: loanctl loan repay LOAN --amount A [--channel C] [options]`: arguments, then the
    /// command's own options (required bare, optional in brackets), then `[options]` standing
    /// for the inherited ones. A group shows `COMMAND` after its required options.
    var usageLine: String {
        let command = current
        var words = ["usage:", displayName]
        for argument in command.arguments {
            words.append(argument.isOptional ? "[\(argument.name)]" : argument.name)
        }
        for option in command.options where option.isRequired {
            words.append(CommandChain.synopsis(of: option))
        }
        if command.isGroup {
            words.append("COMMAND")
        }
        for option in command.options where !option.isRequired {
            words.append("[\(CommandChain.synopsis(of: option))]")
        }
        if !inheritedOptions.isEmpty {
            words.append("[options]")
        }
        return words.joined(separator: " ")
    }

    /// `--amount A` for a value option, `--json` for a flag.
    static func synopsis(of option: OptionSpec) -> String {
        switch option.kind {
        case .flag: return option.displayName
        case .value: return option.displayName + " " + option.valueName
        }
    }
}
