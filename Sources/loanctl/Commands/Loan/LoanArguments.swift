import CommandLineKit

/// Argument and option specs shared by the loan, collection and dispute commands.
enum LoanArguments {
    /// `LOAN`.
    static let loan = ArgumentSpec(
        name: "LOAN", help: "The loan id: 1 to 64 characters of A-Z a-z 0-9 - _ . :.")

    /// `--amount A`.
    static func amount(_ help: String) -> OptionSpec {
        .value("amount", valueName: "A", help: help, isRequired: true)
    }

    /// `--ref REF`.
    static func reference(_ help: String) -> OptionSpec {
        .value("ref", valueName: "REF", help: help, isRequired: true)
    }

    /// The note shown by commands that require `--reason` (a global option, read there).
    static let reasonNote = "--reason TEXT is required."
}
