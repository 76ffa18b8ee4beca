import CommandLineKit
import Foundation
import Lending
import LoanLedger

/// Every way a loanctl run can end other than success, each with its exit status.
///
/// The one place where an error becomes an exit status (STYLE.md point 7): ``init(_:usage:)``
/// maps any error thrown by a command, and ``exitCode`` applies the table of CLI.md.
struct CommandFailure: Error {
    /// The one-line message printed after `loanctl: `.
    let message: String
    /// The exit status.
    let exitCode: ExitCode
    /// The usage line to print after a usage error, if the command is known.
    let usage: String?

    init(message: String, exitCode: ExitCode, usage: String? = nil) {
        self.message = message
        self.exitCode = exitCode
        self.usage = usage
    }

    /// Maps any error to its message and exit status.
    ///
    /// - Parameters:
    ///   - error: What a command threw.
    ///   - usage: The usage line of the command, shown after usage errors.
    init(_ error: any Error, usage: String?) {
        switch error {
        case let failure as CommandFailure:
            self.init(message: failure.message, exitCode: failure.exitCode,
                      usage: failure.usage ?? (failure.exitCode == .usage ? usage : nil))
        case let error as UsageError:
            self.init(message: error.description, exitCode: .usage, usage: error.usage)
        case let error as LendingError:
            let code = CommandFailure.exitCode(for: LedgerError.lending(error).category)
            self.init(message: error.description, exitCode: code,
                      usage: code == .usage ? usage : nil)
        case let error as DemoError:
            self.init(message: error.description,
                      exitCode: CommandFailure.exitCode(for: error.category))
        case let error as LedgerError:
            let code = CommandFailure.exitCode(for: error.category)
            self.init(message: error.description, exitCode: code,
                      usage: code == .usage ? usage : nil)
        default:
            self.init(message: "internal error: \(error) — please report this bug",
                      exitCode: .software)
        }
    }

    /// The exit status of a ledger error category (CLI.md's table).
    static func exitCode(for category: LedgerError.Category) -> ExitCode {
        switch category {
        case .usage: return .usage
        case .refused: return .dataError
        case .notFound: return .noInput
        case .storage: return .ioError
        case .conflict: return .tempFailure
        case .bug: return .software
        }
    }

    /// A value wrong on its face, found by loanctl itself: exit 64.
    static func invalid(_ field: String, _ value: String, _ rule: String) -> CommandFailure {
        CommandFailure(message: "\(field) '\(value)' — \(rule)", exitCode: .usage)
    }
}
