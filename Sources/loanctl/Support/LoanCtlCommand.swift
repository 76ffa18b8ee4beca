import CommandLineKit

/// One leaf command of loanctl, in the shape of swift-argument-parser (STYLE.md point 7).
///
/// ``init(validating:)`` reads and checks every value on its face, without the store, so a
/// malformed value exits 64 and leaves the store untouched (not even opened). ``run(_:)``
/// opens the store, calls the library once, and returns what to print.
protocol LoanCtlCommand {
    /// The name, abstract, example, arguments and options of the command.
    static var configuration: CommandSpec { get }

    /// Checks the command line on its face.
    ///
    /// - Throws: ``CommandLineKit/UsageError``, `LendingError` or ``CommandFailure``, all
    ///   mapped to exit 64.
    init(validating invocation: Invocation) throws

    /// Runs the command against the store.
    ///
    /// - Returns: The answer as text and JSON.
    /// - Throws: Any error; ``CommandFailure/init(_:usage:)`` maps it to an exit status.
    func run(_ invocation: Invocation) throws -> CommandOutput
}
