import CommandLineKit

/// The options every command accepts, and the option specs several commands share.
///
/// Global options are declared on the root, so the parser accepts them before or after the
/// command (CLI.md: "options may also follow the command").
enum GlobalOptions {
    /// The store used when neither `--db` nor `LOANCTL_DB` names one.
    static let databaseDefault = "loanledger.sqlite"

    /// The root's options.
    static let all: [OptionSpec] = [
        .value("db", valueName: "PATH",
               help: "The store: a SQLite file (write commands create it) or a postgres:// URL.",
               environmentVariable: "LOANCTL_DB", defaultValue: databaseDefault),
        .flag("json", help: "Print one JSON document on stdout instead of text."),
        .value("actor", valueName: "NAME",
               help: "Who runs a write command; defaults to the operating-system user name.",
               environmentVariable: "LOANCTL_ACTOR"),
        .value("reason", valueName: "TEXT",
               help: "Why a write command is run; required by some commands."),
        .value("request-id", valueName: "ID",
               help: "Makes a write command idempotent: a retry with the same id writes nothing."),
    ]

    /// `--on D`, the business date a fact is effective on.
    static func on(_ help: String = "The business date of the fact, YYYY-MM-DD.") -> OptionSpec {
        .value("on", valueName: "D", help: help, isRequired: true)
    }

    /// `--as-of D`, the business date a query answers for.
    static let asOf = OptionSpec.value(
        "as-of", valueName: "D", help: "The business date to answer for; today by default.")

    /// `--known-at K`: `position:N` or an RFC 3339 time.
    static let knownAt = OptionSpec.value(
        "known-at", valueName: "K",
        help: "Answer from the log as known then: position:N or an RFC 3339 time.")
}
