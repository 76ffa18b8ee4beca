import CommandLineKit
import Testing

@Suite struct CommandLineParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let id: String
        let arguments: [String]
        var environment: [String: String] = [:]
        let path: [String]
        var positionals: [String: String] = [:]
        var values: [String: String] = [:]
        var flags: Set<String> = []
        var testDescription: String { id }
    }

    static let repayLine = ["--amount", "5.00", "--on", "2026-03-05", "--ref", "R1"]
    static let repayValues = [
        "amount": "5.00", "on": "2026-03-05", "ref": "R1", "channel": "bank",
        "db": "loanledger.sqlite",
    ]

    static let cases: [Case] = [
        Case(id: "options after the positional", arguments: ["loan", "repay", "L-1"] + repayLine,
             path: ["loan", "repay"], positionals: ["LOAN": "L-1"], values: repayValues),
        Case(id: "options before the positional",
             arguments: ["loan", "repay"] + repayLine + ["L-1"],
             path: ["loan", "repay"], positionals: ["LOAN": "L-1"], values: repayValues),
        Case(id: "options around the positional",
             arguments: ["loan", "repay", "--amount", "5.00", "L-1", "--on", "2026-03-05",
                         "--ref", "R1"],
             path: ["loan", "repay"], positionals: ["LOAN": "L-1"], values: repayValues),
        Case(id: "equals form", arguments: ["loan", "repay", "L-1", "--amount=5.00",
                                            "--on=2026-03-05", "--ref=R1"],
             path: ["loan", "repay"], positionals: ["LOAN": "L-1"], values: repayValues),
        Case(id: "global options before the command path",
             arguments: ["--db", "x.sqlite", "--json", "loan", "repay", "L-1"] + repayLine,
             path: ["loan", "repay"], positionals: ["LOAN": "L-1"],
             values: repayValues.merging(["db": "x.sqlite"]) { $1 }, flags: ["json"]),
        Case(id: "global options between group and command",
             arguments: ["loan", "--json", "--actor", "ann", "repay", "L-1"] + repayLine,
             path: ["loan", "repay"], positionals: ["LOAN": "L-1"],
             values: repayValues.merging(["actor": "ann"]) { $1 }, flags: ["json"]),
        Case(id: "global options after the command",
             arguments: ["loan", "repay", "L-1"] + repayLine + ["--request-id", "Q-9", "--json"],
             path: ["loan", "repay"], positionals: ["LOAN": "L-1"],
             values: repayValues.merging(["request-id": "Q-9"]) { $1 }, flags: ["json"]),
        Case(id: "environment fills an absent option",
             arguments: ["loan", "show", "L-1"],
             environment: ["LOANCTL_DB": "/tmp/a.sqlite", "LOANCTL_ACTOR": "bob"],
             path: ["loan", "show"], positionals: ["LOAN": "L-1"],
             values: ["db": "/tmp/a.sqlite", "actor": "bob"]),
        Case(id: "command line beats environment", arguments: ["loan", "show", "L-1", "--db", "b"],
             environment: ["LOANCTL_DB": "/tmp/a.sqlite"], path: ["loan", "show"],
             positionals: ["LOAN": "L-1"], values: ["db": "b"]),
        Case(id: "empty environment variable counts as unset", arguments: ["loan", "show", "L-1"],
             environment: ["LOANCTL_DB": ""], path: ["loan", "show"],
             positionals: ["LOAN": "L-1"], values: ["db": "loanledger.sqlite"]),
        Case(id: "required option satisfied by environment", arguments: ["day", "close"],
             environment: ["LOANCTL_THROUGH": "2026-03-31"], path: ["day", "close"],
             values: ["through": "2026-03-31", "db": "loanledger.sqlite"]),
        Case(id: "value starting with a dash is a value",
             arguments: ["loan", "repay", "L-1", "--amount", "-5", "--on", "d", "--ref", "r"],
             path: ["loan", "repay"], positionals: ["LOAN": "L-1"],
             values: ["amount": "-5", "on": "d", "ref": "r", "channel": "bank",
                      "db": "loanledger.sqlite"]),
        Case(id: "equals value keeps equals signs and dashes",
             arguments: ["loan", "repay", "L-1", "--amount=1", "--on=d", "--ref=--a=b",
                         "--channel="],
             path: ["loan", "repay"], positionals: ["LOAN": "L-1"],
             values: ["amount": "1", "on": "d", "ref": "--a=b", "channel": "",
                      "db": "loanledger.sqlite"]),
        Case(id: "double dash ends options",
             arguments: ["loan", "repay", "--amount", "1", "--on", "d", "--ref", "r", "--",
                         "--odd-id"],
             path: ["loan", "repay"], positionals: ["LOAN": "--odd-id"],
             values: ["amount": "1", "on": "d", "ref": "r", "channel": "bank",
                      "db": "loanledger.sqlite"]),
        Case(id: "single dash is an argument", arguments: ["import", "-"], path: ["import"],
             positionals: ["FILE": "-"], values: ["db": "loanledger.sqlite"]),
        Case(id: "optional argument given", arguments: ["history", "L-1", "20"],
             path: ["history"], positionals: ["LOAN": "L-1", "LIMIT": "20"],
             values: ["db": "loanledger.sqlite"]),
        Case(id: "optional argument left out", arguments: ["history", "L-1"], path: ["history"],
             positionals: ["LOAN": "L-1"], values: ["db": "loanledger.sqlite"]),
    ]

    @Test("Accepted command lines give their path, arguments, values and flags",
          arguments: cases)
    func accepted(_ testCase: Case) throws {
        let outcome = try CommandLineParser.parse(
            testCase.arguments, root: SampleTree.root, environment: testCase.environment)
        guard case let .command(parsed) = outcome else {
            Issue.record("expected a command, got \(outcome)")
            return
        }
        #expect(parsed.path == testCase.path)
        #expect(parsed.positionals == testCase.positionals)
        #expect(parsed.values == testCase.values)
        #expect(parsed.flags == testCase.flags)
    }

    @Test("Accessors read values, flags and arguments")
    func accessors() throws {
        let outcome = try CommandLineParser.parse(
            ["--json", "history", "L-1"], root: SampleTree.root, environment: [:])
        guard case let .command(parsed) = outcome else {
            Issue.record("expected a command, got \(outcome)")
            return
        }
        #expect(parsed.flag("json"))
        #expect(parsed.value("db") == "loanledger.sqlite")
        #expect(parsed.value("actor") == nil)
        #expect(try parsed.require("db") == "loanledger.sqlite")
        #expect(try parsed.positional("LOAN") == "L-1")
        #expect(parsed.commandName == "loanctl history")
        #expect(parsed.usage == "usage: loanctl history LOAN [LIMIT] [options]")
        #expect(throws: UsageError(
            .missingRequiredOption(option: "--actor", valueName: "NAME",
                                   environmentVariable: "LOANCTL_ACTOR"),
            usage: "usage: loanctl history LOAN [LIMIT] [options]"
        )) { try parsed.require("actor") }
        #expect(throws: UsageError(
            .missingArgument(name: "LIMIT", command: "loanctl history"),
            usage: "usage: loanctl history LOAN [LIMIT] [options]"
        )) { try parsed.positional("LIMIT") }
    }

    @Test("Asking for an undeclared option is a programmer error")
    func undeclaredOptionTraps() async {
        await #expect(processExitsWith: .failure) {
            let outcome = try CommandLineParser.parse(
                ["history", "L-1"], root: SampleTree.root, environment: [:])
            if case let .command(parsed) = outcome {
                _ = parsed.value("amount")
            }
        }
    }

    struct HelpCase: Sendable, CustomTestStringConvertible {
        let id: String
        let arguments: [String]
        let path: [String]
        var testDescription: String { id }
    }

    static let helpCases: [HelpCase] = [
        HelpCase(id: "root --help", arguments: ["--help"], path: []),
        HelpCase(id: "group -h", arguments: ["loan", "-h"], path: ["loan"]),
        HelpCase(id: "leaf --help", arguments: ["loan", "repay", "--help"],
                 path: ["loan", "repay"]),
        HelpCase(id: "help before the path", arguments: ["-h", "loan", "repay"],
                 path: ["loan", "repay"]),
        HelpCase(id: "help despite missing required options",
                 arguments: ["loan", "repay", "L-1", "--amount", "1", "--help"],
                 path: ["loan", "repay"]),
        HelpCase(id: "help wins over an unknown option",
                 arguments: ["loan", "repay", "--bogus", "x", "--help"], path: ["loan", "repay"]),
        HelpCase(id: "help after a global value option",
                 arguments: ["--db", "x", "loan", "--help"], path: ["loan"]),
        HelpCase(id: "help where a value was expected", arguments: ["--db", "--help"], path: []),
    ]

    @Test("Help is asked for at any level and wins over other mistakes", arguments: helpCases)
    func help(_ testCase: HelpCase) throws {
        let outcome = try CommandLineParser.parse(
            testCase.arguments, root: SampleTree.root, environment: [:])
        let text = HelpFormatter.help(path: testCase.path, root: SampleTree.root)
        #expect(outcome == .help(text: text))
    }

    @Test("A help word after -- is an argument")
    func helpAfterDoubleDash() throws {
        let outcome = try CommandLineParser.parse(
            ["history", "--", "--help"], root: SampleTree.root, environment: [:])
        guard case let .command(parsed) = outcome else {
            Issue.record("expected a command, got \(outcome)")
            return
        }
        #expect(parsed.positionals == ["LOAN": "--help"])
    }

    @Test("A group without a command is a usage error showing its help",
          arguments: [([String](), [String]()), (["loan"], ["loan"]),
                      (["--json", "day"], ["day"])])
    func groupWithoutCommand(arguments: [String], path: [String]) throws {
        let outcome = try CommandLineParser.parse(
            arguments, root: SampleTree.root, environment: [:])
        #expect(outcome == .usageError(help: HelpFormatter.help(path: path, root: SampleTree.root)))
    }

    @Test("A root without subcommands is itself the command")
    func rootLeaf() throws {
        let root = CommandSpec(
            name: "tool", abstract: "Do one thing.",
            arguments: [ArgumentSpec(name: "FILE", help: "The input.")],
            options: [.flag("verbose", help: "Say more.")])
        let outcome = try CommandLineParser.parse(["a.txt", "--verbose"], root: root,
                                                  environment: [:])
        guard case let .command(parsed) = outcome else {
            Issue.record("expected a command, got \(outcome)")
            return
        }
        #expect(parsed.path == [])
        #expect(parsed.positionals == ["FILE": "a.txt"])
        #expect(parsed.flag("verbose"))
        #expect(parsed.usage == "usage: tool FILE [--verbose]")
    }
}
