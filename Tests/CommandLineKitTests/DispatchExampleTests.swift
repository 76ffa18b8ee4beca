import CommandLineKit
import Testing

/// The example given to loanctl's authors: a group with two commands, dispatched on the path.
@Suite struct DispatchExampleTests {
    static let credit = CommandSpec(
        name: "credit",
        abstract: "Manage credit lines.",
        subcommands: [
            CommandSpec(
                name: "open",
                abstract: "Open a credit line.",
                arguments: [ArgumentSpec(name: "CUSTOMER", help: "The customer identifier.")],
                options: [
                    .value("limit", valueName: "A", help: "The credit limit in yuan.",
                           isRequired: true),
                    .value("on", valueName: "D", help: "The business date.", isRequired: true),
                ]
            ),
            CommandSpec(
                name: "show",
                abstract: "Show a credit line.",
                arguments: [ArgumentSpec(name: "CUSTOMER", help: "The customer identifier.")],
                options: [.value("as-of", valueName: "D", help: "The date to report on.")]
            ),
        ]
    )
    static let root = CommandSpec(
        name: "loanctl",
        abstract: "Operate the loan ledger.",
        options: [.flag("json", help: "Print one JSON document on stdout.")],
        subcommands: [credit]
    )

    /// What a `main` would do: returns the exit status and what went to stdout and stderr.
    static func run(_ arguments: [String]) -> (ExitCode, stdout: String, stderr: String) {
        do {
            switch try CommandLineParser.parse(arguments, root: root, environment: [:]) {
            case let .help(text):
                return (.success, text, "")
            case let .usageError(help):
                return (.usage, "", help)
            case let .command(parsed):
                switch parsed.path {
                case ["credit", "open"]:
                    let customer = try parsed.positional("CUSTOMER")
                    let limit = try parsed.require("limit")
                    return (.success, "opened \(customer) with \(limit)\n", "")
                case ["credit", "show"]:
                    let customer = try parsed.positional("CUSTOMER")
                    let output: JSONValue = ["customer": .string(customer), "status": "active"]
                    return parsed.flag("json")
                        ? (.success, JSONWriter.write(output, pretty: true), "")
                        : (.success, "customer: \(customer)\n", "")
                default:
                    preconditionFailure("no handler for \(parsed.path)")
                }
            }
        } catch {
            return (.usage, "", "loanctl: \(error)\n\(error.usage)\n")
        }
    }

    @Test("Commands dispatch on their path")
    func dispatch() {
        let opened = Self.run(["credit", "open", "C-1", "--limit", "5000.00", "--on", "2026-03-01"])
        #expect(opened == (.success, "opened C-1 with 5000.00\n", ""))
        let shown = Self.run(["--json", "credit", "show", "C-1"])
        let json = "{\n  \"customer\": \"C-1\",\n  \"status\": \"active\"\n}\n"
        #expect(shown == (.success, json, ""))
    }

    @Test("A refused line prints the message and the usage line, exit 64")
    func refused() {
        let refused = Self.run(["credit", "open", "C-1", "--on", "2026-03-01"])
        #expect(refused == (.usage, "", """
            loanctl: missing required option '--limit' — give '--limit A'
            usage: loanctl credit open CUSTOMER --limit A --on D [options]

            """))
    }

    @Test("A group alone prints its help on stderr, exit 64")
    func groupAlone() {
        let result = Self.run(["credit"])
        #expect(result.0 == .usage)
        #expect(result.stderr.hasPrefix("usage: loanctl credit COMMAND [options]\n"))
    }
}
