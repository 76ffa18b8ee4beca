import CommandLineKit

/// Argument and option specs shared by the credit commands.
enum CreditArguments {
    /// `CUSTOMER`.
    static let customer = ArgumentSpec(
        name: "CUSTOMER", help: "The customer id: 1 to 64 characters of A-Z a-z 0-9 - _ . :.")

    /// `--limit A`.
    static let limit = OptionSpec.value(
        "limit", valueName: "A", help: "The credit limit in yuan, 0 to 1000000.00.",
        isRequired: true)

    /// `--reason T`, for the commands that require it (it is a global option, read there).
    static let reasonNote = "--reason TEXT is required."
}
