/// Parses a command line against a ``CommandSpec`` tree.
///
/// Rules, in the shape CLI.md gives loanctl:
/// - Words select commands until a leaf is reached; later words are its positional arguments.
/// - Options are long (`--as-of D` or `--as-of=D`); an option declared on a command is accepted
///   anywhere after that command's name, so the root's options are accepted everywhere.
/// - A value may start with a single dash (`--amount -5` gives `-5`, for the command to refuse
///   on its merits); a token starting with `--` is never taken as a value: write `--note=--x`.
/// - Each option may appear once; `--` ends options; `-h` and `--help` ask for help anywhere
///   before `--`; `-` alone is an argument.
/// - An option absent from the line takes its environment variable (when set and not empty),
///   then its default.
public enum CommandLineParser {
    /// Parses `arguments` (without the program name) against the tree rooted at `root`.
    ///
    /// Help wins over other mistakes on the line, except an unknown command name before it.
    ///
    /// ```swift
    /// switch try CommandLineParser.parse(Array(CommandLine.arguments.dropFirst()),
    ///                                    root: LoanCtl.spec, environment: environment) {
    /// case .help(let text): print(text, terminator: "")
    /// case .usageError(let help): standardError(help); exit(ExitCode.usage.rawValue)
    /// case .command(let parsed): try run(parsed)
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - arguments: The words after the program name.
    ///   - root: The root of the command tree; its name is the program name.
    ///   - environment: The environment, for options' fallback variables.
    /// - Returns: Help to print, a group invoked without a command, or a parsed command.
    /// - Throws: ``UsageError`` with any ``UsageError/Reason`` but `missingArgument` of an
    ///   optional argument: unknown command or option, repeated option, missing value, missing
    ///   required option, unexpected or missing argument, flag given a value.
    public static func parse(
        _ arguments: [String], root: CommandSpec, environment: [String: String]
    ) throws(UsageError) -> ParseOutcome {
        if let chain = try chainIfHelpRequested(arguments, root: root) {
            return .help(text: HelpFormatter.help(for: chain))
        }
        var state = ParseState(root: root)
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            index += 1 + (try state.consume(token, next: next))
        }
        if state.chain.current.isGroup {
            return .usageError(help: HelpFormatter.help(for: state.chain))
        }
        return .command(try state.finish(environment: environment))
    }

    /// The command whose help `-h`/`--help` asks for, or `nil` when help is not asked for.
    ///
    /// Scans like the parser (skipping the values of known value options, stopping at `--`)
    /// but ignores every other mistake, so that help is reachable from a half-written line.
    private static func chainIfHelpRequested(
        _ arguments: [String], root: CommandSpec
    ) throws(UsageError) -> CommandChain? {
        var chain = CommandChain(root: root)
        var unknown: UsageError?
        var isHelpRequested = false
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if token == "--" {
                break
            }
            if token == "-h" || token == "--help" {
                isHelpRequested = true
            } else if token.hasPrefix("--") {
                let name = String(token.dropFirst(2))
                let takesNext = chain.optionsInScope[name]?.kind == .value
                if takesNext && index < arguments.count && !arguments[index].hasPrefix("--") {
                    index += 1
                }
            } else if token.hasPrefix("-") && token != "-" {
                continue
            } else if unknown == nil && chain.current.isGroup {
                if let next = chain.current.subcommand(named: token) {
                    chain.descend(into: next)
                } else {
                    unknown = ParseState.unknownCommand(token, chain: chain)
                }
            }
        }
        guard isHelpRequested else { return nil }
        if let unknown {
            throw unknown
        }
        return chain
    }
}

/// The parser's progress through one command line.
struct ParseState {
    private(set) var chain: CommandChain
    private var values: [String: String] = [:]
    private var flags: Set<String> = []
    private var positionals: [String] = []
    private var areOptionsEnded = false

    init(root: CommandSpec) {
        chain = CommandChain(root: root)
    }

    /// Consumes `token`, and `next` too when it is the token's value.
    ///
    /// - Returns: How many tokens after `token` were consumed: 0 or 1.
    mutating func consume(_ token: String, next: String?) throws(UsageError) -> Int {
        if !areOptionsEnded {
            if token == "--" {
                areOptionsEnded = true
                return 0
            }
            if token.hasPrefix("--") {
                return try consumeOption(token, next: next)
            }
            if token.hasPrefix("-") && token != "-" {
                throw error(.unknownOption(option: token, command: chain.displayName))
            }
        }
        if chain.current.isGroup {
            guard let next = chain.current.subcommand(named: token) else {
                throw ParseState.unknownCommand(token, chain: chain)
            }
            chain.descend(into: next)
        } else {
            positionals.append(token)
        }
        return 0
    }

    private mutating func consumeOption(_ token: String, next: String?) throws(UsageError) -> Int {
        let body = token.dropFirst(2)
        let equals = body.firstIndex(of: "=")
        let name = String(body[..<(equals ?? body.endIndex)])
        let inline = equals.map { String(body[body.index(after: $0)...]) }
        guard let option = chain.optionsInScope[name] else {
            throw error(.unknownOption(option: "--" + name, command: chain.displayName))
        }
        if values[name] != nil || flags.contains(name) {
            throw error(.repeatedOption(option: option.displayName))
        }
        switch option.kind {
        case .flag:
            if let inline {
                throw error(.flagGivenValue(option: option.displayName, value: inline))
            }
            flags.insert(name)
            return 0
        case .value:
            if let inline {
                values[name] = inline
                return 0
            }
            guard let next, !next.hasPrefix("--") else {
                throw error(.missingValue(option: option.displayName, valueName: option.valueName))
            }
            values[name] = next
            return 1
        }
    }

    /// Checks arguments, applies environment and defaults, and checks required options.
    func finish(environment: [String: String]) throws(UsageError) -> ParsedCommand {
        let command = chain.current
        if positionals.count > command.arguments.count {
            let extra = positionals[command.arguments.count]
            throw error(.unexpectedArgument(value: extra, command: chain.displayName,
                                            expected: command.arguments.map(\.name)))
        }
        var named: [String: String] = [:]
        for (offset, argument) in command.arguments.enumerated() {
            if offset < positionals.count {
                named[argument.name] = positionals[offset]
            } else if !argument.isOptional {
                throw error(.missingArgument(name: argument.name, command: chain.displayName))
            }
        }
        let options = chain.specs.flatMap(\.options)
        var resolved = values
        for option in options where option.kind == .value && resolved[option.name] == nil {
            if let variable = option.environmentVariable, let value = environment[variable],
               !value.isEmpty {
                resolved[option.name] = value
            } else if let value = option.defaultValue {
                resolved[option.name] = value
            } else if option.isRequired {
                throw error(.missingRequiredOption(
                    option: option.displayName, valueName: option.valueName,
                    environmentVariable: option.environmentVariable))
            }
        }
        return ParsedCommand(
            path: chain.path, positionals: named, values: resolved, flags: flags,
            usage: chain.usageLine, commandName: chain.displayName,
            declaredOptions: chain.optionsInScope,
            declaredArguments: Set(command.arguments.map(\.name))
        )
    }

    private func error(_ reason: UsageError.Reason) -> UsageError {
        UsageError(reason, usage: chain.usageLine)
    }

    static func unknownCommand(_ name: String, chain: CommandChain) -> UsageError {
        UsageError(
            .unknownCommand(name: name, command: chain.displayName,
                            choices: chain.current.subcommands.map(\.name)),
            usage: chain.usageLine
        )
    }
}
