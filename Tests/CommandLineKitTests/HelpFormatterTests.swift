import CommandLineKit
import Testing

@Suite struct HelpFormatterTests {
    static let globalOptions = """
        Global options:
          --db PATH        The store to use. (env: LOANCTL_DB; default: loanledger.sqlite)
          --json           Print one JSON document on stdout.
          --actor NAME     Who is acting. (env: LOANCTL_ACTOR)
          --request-id ID  Makes a retried command write nothing new.
        """

    @Test("Root help lists its options and commands")
    func rootHelp() {
        let expected = """
            usage: loanctl COMMAND [--db PATH] [--json] [--actor NAME] [--request-id ID]

            Operate the loan ledger.

            Options:
              --db PATH        The store to use. (env: LOANCTL_DB; default: loanledger.sqlite)
              --json           Print one JSON document on stdout.
              --actor NAME     Who is acting. (env: LOANCTL_ACTOR)
              --request-id ID  Makes a retried command write nothing new.
              -h, --help       Show this help.

            Commands:
              loan             Work with loans.
              import           Import a log.
              day              Run the business day.
              history          List a loan's events.

            """
        #expect(HelpFormatter.help(path: [], root: SampleTree.root) == expected)
    }

    @Test("Group help lists its commands, then the global options")
    func groupHelp() {
        let expected = """
            usage: loanctl loan COMMAND [options]

            Work with loans.

            Options:
              -h, --help       Show this help.

            Commands:
              repay            Record a repayment.
              show             Show a loan.

            \(Self.globalOptions)

            """
        #expect(HelpFormatter.help(path: ["loan"], root: SampleTree.root) == expected)
    }

    @Test("Leaf help shows discussion, arguments, options, global options and examples")
    func leafHelp() {
        let expected = """
            usage: loanctl loan repay LOAN --amount A --on D --ref REF [--channel C] [options]

            Record a repayment.

            A repayment pays penalty first, then interest, then principal.

            Repeating a repayment with the same reference and the same values writes nothing new \
            and prints the
            first result; the same reference with other values is refused.

            Arguments:
              LOAN             The loan identifier.

            Options:
              --amount A       The amount paid, in yuan.
              --on D           The business date of the payment.
              --ref REF        The payment reference.
              --channel C      How the money came in. (default: bank)
              -h, --help       Show this help.

            \(Self.globalOptions)

            Examples:
              loanctl loan repay L-7 --amount 899.75 --on 2026-03-05 --ref BANK-1

            """
        #expect(HelpFormatter.help(path: ["loan", "repay"], root: SampleTree.root) == expected)
    }

    static let wide = CommandSpec(
        name: "tool",
        abstract: "Exercise wrapping.",
        options: [
            .value("short", valueName: "S", help: String(repeating: "word ", count: 30) + "end."),
            .value("a-very-long-option-name", valueName: "VALUE", help: "Stands alone above."),
        ]
    )

    @Test("Long help wraps in its column and a wide label puts its text below")
    func wrapping() {
        let expected = """
            usage: tool [--short S] [--a-very-long-option-name VALUE]

            Exercise wrapping.

            Options:
              --short S                 word word word word word word word word word word word \
            word word word
                                        word word word word word word word word word word word \
            word word word
                                        word word end.
              --a-very-long-option-name VALUE
                                        Stands alone above.
              -h, --help                Show this help.

            """
        let help = HelpFormatter.help(path: [], root: Self.wide)
        #expect(help == expected)
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.unicodeScalars.count <= HelpFormatter.lineWidthMax })
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
    }
}
