/// What a command line asks for, as decided by ``CommandLineParser/parse(_:root:environment:)``.
///
/// Mapping to exits (CLI.md): `.help` prints `text` on stdout and exits 0; `.usageError` prints
/// `help` on stderr and exits 64; `.command` runs the command.
public enum ParseOutcome: Sendable, Equatable {
    /// `--help` or `-h` appeared (before any `--`): print `text` on stdout, exit 0.
    case help(text: String)
    /// A group was invoked without one of its commands: print `help` on stderr, exit 64.
    case usageError(help: String)
    /// A complete, valid invocation of a leaf command.
    case command(ParsedCommand)
}
