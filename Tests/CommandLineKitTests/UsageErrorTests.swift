import CommandLineKit
import Testing

@Suite struct UsageErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let id: String
        let arguments: [String]
        let message: String
        let usage: String
        var testDescription: String { id }
    }

    static let repay = SampleTree.repayUsage
    static let unknownLon =
        "unknown command 'lon' — 'loanctl' expects one of: loan, import, day, history"
    static let cases: [Case] = [
        Case(id: "unknown command at the root", arguments: ["lon"],
             message: unknownLon,
             usage: SampleTree.rootUsage),
        Case(id: "unknown command in a group", arguments: ["loan", "pay", "L-1"],
             message: "unknown command 'pay' — 'loanctl loan' expects one of: repay, show",
             usage: "usage: loanctl loan COMMAND [options]"),
        Case(id: "unknown command before help", arguments: ["lon", "--help"],
             message: unknownLon,
             usage: SampleTree.rootUsage),
        Case(id: "unknown option", arguments: ["loan", "repay", "L-1", "--amout", "5"],
             message: "unknown option '--amout' — not an option of 'loanctl loan repay'",
             usage: repay),
        Case(id: "unknown option in equals form hides its value",
             arguments: ["loan", "repay", "--amout=5"],
             message: "unknown option '--amout' — not an option of 'loanctl loan repay'",
             usage: repay),
        Case(id: "unknown short option", arguments: ["loan", "repay", "-x"],
             message: "unknown option '-x' — not an option of 'loanctl loan repay'", usage: repay),
        Case(id: "command option before its command", arguments: ["--amount", "5", "loan", "repay"],
             message: "unknown option '--amount' — not an option of 'loanctl'",
             usage: SampleTree.rootUsage),
        Case(id: "repeated option",
             arguments: ["loan", "repay", "L-1", "--amount", "5", "--amount", "6"],
             message: "option '--amount' given twice — each option may appear once", usage: repay),
        Case(id: "repeated option in mixed forms",
             arguments: ["loan", "repay", "--amount=5", "L-1", "--amount", "5"],
             message: "option '--amount' given twice — each option may appear once", usage: repay),
        Case(id: "repeated global option across the path",
             arguments: ["--db", "a", "loan", "repay", "--db", "b"],
             message: "option '--db' given twice — each option may appear once", usage: repay),
        Case(id: "repeated flag", arguments: ["--json", "loan", "--json"],
             message: "option '--json' given twice — each option may appear once",
             usage: "usage: loanctl loan COMMAND [options]"),
        Case(id: "missing value at the end", arguments: ["loan", "repay", "L-1", "--amount"],
             message: "missing value for option '--amount' — write '--amount A' or '--amount=A'",
             usage: repay),
        Case(id: "missing value before another option",
             arguments: ["loan", "repay", "L-1", "--amount", "--on", "d"],
             message: "missing value for option '--amount' — write '--amount A' or '--amount=A'",
             usage: repay),
        Case(id: "missing value before --", arguments: ["loan", "repay", "--ref", "--", "L-1"],
             message: "missing value for option '--ref' — write '--ref REF' or '--ref=REF'",
             usage: repay),
        Case(id: "missing required option",
             arguments: ["loan", "repay", "L-1", "--amount", "5", "--on", "d"],
             message: "missing required option '--ref' — give '--ref REF'", usage: repay),
        Case(id: "missing required option with an environment variable",
             arguments: ["day", "close"],
             message: "missing required option '--through' — give '--through D'"
                + " or set LOANCTL_THROUGH",
             usage: "usage: loanctl day close --through D [options]"),
        Case(id: "unexpected argument",
             arguments: ["loan", "repay", "L-1", "L-2", "--amount", "5", "--on", "d", "--ref", "r"],
             message: "unexpected argument 'L-2' — 'loanctl loan repay' takes 1 argument: LOAN",
             usage: repay),
        Case(id: "unexpected argument where none is taken",
             arguments: ["day", "close", "x", "--through", "d"],
             message: "unexpected argument 'x' — 'loanctl day close' takes no arguments",
             usage: "usage: loanctl day close --through D [options]"),
        Case(id: "unexpected argument beyond an optional one",
             arguments: ["history", "a", "b", "c"],
             message: "unexpected argument 'c' — 'loanctl history' takes 2 arguments: LOAN LIMIT",
             usage: "usage: loanctl history LOAN [LIMIT] [options]"),
        Case(id: "missing argument",
             arguments: ["loan", "repay", "--amount", "5", "--on", "d", "--ref", "r"],
             message: "missing argument 'LOAN' — 'loanctl loan repay' needs it", usage: repay),
        Case(id: "missing argument comes before missing options", arguments: ["loan", "repay"],
             message: "missing argument 'LOAN' — 'loanctl loan repay' needs it", usage: repay),
        Case(id: "flag given a value", arguments: ["--json=yes", "loan", "show", "L-1"],
             message: "flag '--json' given a value 'yes' — flags take no value",
             usage: SampleTree.rootUsage),
    ]

    @Test("Each refused command line names the option or argument and the rule",
          arguments: cases)
    func refused(_ testCase: Case) {
        do {
            let outcome = try CommandLineParser.parse(
                testCase.arguments, root: SampleTree.root, environment: [:])
            Issue.record("expected a usage error, got \(outcome)")
        } catch {
            #expect(error.description == testCase.message)
            #expect(error.usage == testCase.usage)
        }
    }

    @Test("Usage lines of the sample tree", arguments: [
        ([String](), SampleTree.rootUsage),
        (["loan"], "usage: loanctl loan COMMAND [options]"),
        (["loan", "repay"], SampleTree.repayUsage),
        (["loan", "show"], "usage: loanctl loan show LOAN [--as-of D] [options]"),
    ])
    func usageLines(path: [String], usage: String) {
        #expect(HelpFormatter.usage(path: path, root: SampleTree.root) == usage)
    }
}
