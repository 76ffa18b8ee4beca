import Foundation
import Testing

/// `--help` at every level, global options anywhere, JSON and text conventions.
@Suite("Help and command-line conventions")
struct HelpAndConventionTests {
    /// Every leaf command of CLI.md's table.
    static let commands: [[String]] = [
        ["credit", "open"], ["credit", "adjust"], ["credit", "freeze"], ["credit", "unfreeze"],
        ["credit", "close"], ["credit", "reopen"], ["credit", "show"], ["credit", "history"],
        ["loan", "disburse"], ["loan", "repay"], ["loan", "payoff"], ["loan", "reverse"],
        ["loan", "refund"], ["loan", "waive-penalty"], ["loan", "restructure"],
        ["loan", "write-off"], ["loan", "show"], ["loan", "history"],
        ["collection", "record"], ["collection", "queue"],
        ["dispute", "open"], ["dispute", "resolve"], ["day", "close"], ["day", "status"],
        ["portfolio"], ["investigate"], ["rebuild"], ["verify"], ["export"], ["import"],
        ["demo"],
    ]

    @Test("--help on every command shows usage, a one-sentence abstract and an example",
          arguments: HelpAndConventionTests.commands)
    func help(_ command: [String]) throws {
        let loanctl = try BookFixture.get().loanctl
        let result = try loanctl.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("usage: loanctl \(command.joined(separator: " "))") == true)
        // The usage line may wrap; the abstract is the paragraph after it.
        let blank = try #require(lines.firstIndex(of: ""))
        let abstract = lines[blank + 1]
        #expect(abstract.hasSuffix(".") && !abstract.dropLast().contains(". "),
                "abstract: \(abstract)")
        #expect(result.standardOutput.contains("\nExamples:\n  loanctl "))
        #expect(result.standardOutput.contains("\nGlobal options:\n  --db PATH"))
    }

    @Test("-h and --help work on the root and on groups", arguments: [
        [], ["credit"], ["loan"], ["collection"], ["dispute"], ["day"],
    ])
    func groupHelp(_ group: [String]) throws {
        let loanctl = try BookFixture.get().loanctl
        for flag in ["-h", "--help"] {
            let result = try loanctl.run(group + [flag])
            #expect(result.status == 0)
            #expect(result.standardOutput.contains("Commands:\n"))
        }
    }

    @Test("Global options may come before or after the command")
    func globalOptionsAnywhere() throws {
        let book = try BookFixture.get()
        var elsewhere = Loanctl(directory: book.path, database: "/nonexistent/x.sqlite")
        elsewhere.environment = [:]
        let before = try elsewhere.run(["--db", book.loanctl.database, "--json", "loan", "show",
                                        "L-1"])
        let after = try elsewhere.run(["loan", "show", "L-1", "--json", "--db",
                                       book.loanctl.database])
        #expect(before.status == 0)
        #expect(before == after)
    }

    @Test("--json prints exactly one JSON document; amounts have two decimals")
    func oneJSONDocument() throws {
        let book = try BookFixture.get()
        let output = try book.loanctl.succeed(["loan", "show", "L-1", "--json"])
        let document = try JSONSerialization.jsonObject(with: Data(output.utf8))
        let loan = try #require(document as? [String: Any])
        #expect(loan["outstandingPrincipal"] as? String == "9220.25")
        #expect(output.hasSuffix("}\n"))
    }

    @Test("Long work prints no progress when stderr is not a terminal")
    func noProgressInPipes() throws {
        let (directory, loanctl) = try Loanctl.fresh("progress")
        try loanctl.succeed(BookFixture.script[0])
        let result = try loanctl.run(["day", "close", "--through", "2026-03-19"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        withExtendedLifetime(directory) {}
    }

    @Test("Long work draws progress on a terminal, and not with --json")
    func progressOnTerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("skipped 'progress on a terminal': /usr/bin/script is not installed")
            return
        }
        let (directory, loanctl) = try Loanctl.fresh("terminal")
        try loanctl.succeed(["credit", "open", "C-1", "--limit", "1", "--on", "2025-06-01"])
        // script(1) runs the command on a pseudo-terminal: stdout goes to /dev/null inside,
        // so what comes back is what was drawn on the terminal's stderr.
        let drawn = try loanctl.runOnTerminal(["day", "close", "--through", "2026-01-31"])
        #expect(drawn.contains("\rday close  "))
        #expect(drawn.contains("(100%)"))
        let quiet = try loanctl.runOnTerminal(["day", "close", "--through", "2026-03-19",
                                               "--json"])
        #expect(!quiet.contains("day close  "))
        withExtendedLifetime(directory) {}
    }

    @Test("The actor defaults to LOANCTL_ACTOR, then --actor wins")
    func actor() throws {
        let (directory, loanctl) = try Loanctl.fresh("actor")
        try loanctl.succeed(["credit", "open", "C-1", "--limit", "1", "--on", "2026-03-01"])
        try loanctl.succeed(["credit", "freeze", "C-1", "--on", "2026-03-02", "--reason",
                             "check", "--actor", "ops.zhao"])
        let history = try loanctl.json(["credit", "history", "C-1"])
        let events = try #require(history["events"] as? [[String: Any]])
        #expect(events.map { $0["actor"] as? String } == ["tester", "ops.zhao"])
        #expect(events.map { $0["reason"] as? String } == [nil, "check"])
        withExtendedLifetime(directory) {}
    }
}
