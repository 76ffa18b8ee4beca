/// The process exit statuses of loanctl, with their sysexits(3) names (CLI.md, STYLE.md 7).
///
/// One function in the caller maps every error to one of these; nothing else picks a status.
public enum ExitCode: Int32, Sendable, Equatable, CaseIterable {
    /// 0: done; also help, a repeated request id, or a repayment reference already applied.
    case success = 0
    /// 64, EX_USAGE: bad usage or a value wrong on its face, found without the store: unknown
    /// command or option, missing value, malformed amount, date, time, rate or id, a value out
    /// of its fixed range, a fact dated after today, a group run without a command.
    case usage = 64
    /// 65, EX_DATAERR: refused by a rule that needs the store's state (not enough credit, line
    /// frozen, above payoff, …), or `verify` found a mismatch.
    case dataError = 65
    /// 66, EX_NOINPUT: not found: the store is missing or not a LoanLedger store, or the
    /// customer, loan or repayment reference does not exist.
    case noInput = 66
    /// 70, EX_SOFTWARE: a bug; an invariant broke, and the message asks to report it.
    case software = 70
    /// 74, EX_IOERR: storage failure: I/O error, disk full, read-only file, a store from a
    /// newer schema version, server unreachable.
    case ioError = 74
    /// 75, EX_TEMPFAIL: a conflict worth retrying: someone else appended first.
    case tempFailure = 75
}
