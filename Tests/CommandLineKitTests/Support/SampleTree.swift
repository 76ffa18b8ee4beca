import CommandLineKit

/// A small loanctl-shaped tree: global options on the root, a group with two commands, leaf
/// commands with a positional, an optional positional, and an environment-backed requirement.
enum SampleTree {
    static let root = CommandSpec(
        name: "loanctl",
        abstract: "Operate the loan ledger.",
        options: [
            .value("db", valueName: "PATH", help: "The store to use.",
                   environmentVariable: "LOANCTL_DB", defaultValue: "loanledger.sqlite"),
            .flag("json", help: "Print one JSON document on stdout."),
            .value("actor", valueName: "NAME", help: "Who is acting.",
                   environmentVariable: "LOANCTL_ACTOR"),
            .value("request-id", valueName: "ID",
                   help: "Makes a retried command write nothing new."),
        ],
        subcommands: [loan, importCommand, day, history]
    )

    static let loan = CommandSpec(
        name: "loan",
        abstract: "Work with loans.",
        subcommands: [repay, show]
    )

    static let repay = CommandSpec(
        name: "repay",
        abstract: "Record a repayment.",
        discussion: "A repayment pays penalty first, then interest, then principal.\n\n"
            + "Repeating a repayment with the same reference and the same values writes nothing"
            + " new and prints the first result; the same reference with other values is refused.",
        examples: ["loanctl loan repay L-7 --amount 899.75 --on 2026-03-05 --ref BANK-1"],
        arguments: [ArgumentSpec(name: "LOAN", help: "The loan identifier.")],
        options: [
            .value("amount", valueName: "A", help: "The amount paid, in yuan.", isRequired: true),
            .value("on", valueName: "D", help: "The business date of the payment.",
                   isRequired: true),
            .value("ref", valueName: "REF", help: "The payment reference.", isRequired: true),
            .value("channel", valueName: "C", help: "How the money came in.", defaultValue: "bank"),
        ]
    )

    static let show = CommandSpec(
        name: "show",
        abstract: "Show a loan.",
        arguments: [ArgumentSpec(name: "LOAN", help: "The loan identifier.")],
        options: [.value("as-of", valueName: "D", help: "The business date to report on.")]
    )

    static let importCommand = CommandSpec(
        name: "import",
        abstract: "Import a log.",
        arguments: [ArgumentSpec(name: "FILE", help: "The JSON Lines file, or - for stdin.")]
    )

    static let day = CommandSpec(
        name: "day",
        abstract: "Run the business day.",
        subcommands: [
            CommandSpec(
                name: "close",
                abstract: "Close business days.",
                options: [.value("through", valueName: "D", help: "The last day to close.",
                                 isRequired: true, environmentVariable: "LOANCTL_THROUGH")]
            ),
        ]
    )

    static let history = CommandSpec(
        name: "history",
        abstract: "List a loan's events.",
        arguments: [
            ArgumentSpec(name: "LOAN", help: "The loan identifier."),
            ArgumentSpec(name: "LIMIT", help: "How many events to show.", isOptional: true),
        ]
    )

    /// The usage lines the tests expect, written out.
    static let repayUsage =
        "usage: loanctl loan repay LOAN --amount A --on D --ref REF [--channel C] [options]"
    static let rootUsage =
        "usage: loanctl COMMAND [--db PATH] [--json] [--actor NAME] [--request-id ID]"
}
