import Foundation

/// Sizes of one run: `--quick` (CI, well under two minutes on two cores) or the full run.
struct BenchConfiguration {
    var isQuick: Bool
    var json: Bool
    /// Where the scratch stores live (deleted at the end unless `--keep`).
    var directory: String
    var keep: Bool

    var mode: String { isQuick ? "quick" : "full" }
    var repetitions: Int { isQuick ? 3 : 5 }
    /// Events in the generated log that rebuild, time travel and verify run on.
    var logEvents: Int { isQuick ? 50_000 : 1_000_000 }
    /// The second, larger log that shows rebuild memory does not grow with the log (0: skipped).
    var secondLogEvents: Int { isQuick ? 100_000 : 2_000_000 }
    var heavyCustomerEvents: Int { 2_000 }
    /// Loans open on the day end of day closes.
    var endOfDayLoans: Int { isQuick ? 5_000 : 100_000 }
    var endOfDayLongRunDays: Int { 30 }
    var timeTravelQueries: Int { isQuick ? 300 : 2_000 }
    var commandsPerRepetition: Int { isQuick ? 60 : 300 }

    /// Commits per repetition of one append configuration (fsync-bound ones get fewer).
    func appendCommits(batch: Int, full: Bool) -> Int {
        let commits: Int
        switch batch {
        case 1: commits = full ? 150 : 2_000
        case 20: commits = full ? 100 : 500
        case 100: commits = full ? 60 : 150
        default: commits = 2
        }
        return isQuick ? Swift.max(1, commits / 2) : commits
    }

    /// Parses the command line.
    /// - Throws: a message for an unknown argument.
    init(arguments: [String]) throws {
        isQuick = false
        json = false
        keep = false
        var directory: String?
        var index = 1
        while index < arguments.count {
            switch arguments[index] {
            case "--quick": isQuick = true
            case "--json": json = true
            case "--keep": keep = true
            case "--dir" where index + 1 < arguments.count:
                index += 1
                directory = arguments[index]
            case "--help", "-h": throw UsageMessage.help
            default: throw UsageMessage.unknown(arguments[index])
            }
            index += 1
        }
        let base = directory ?? NSTemporaryDirectory()
        self.directory = (base as NSString).appendingPathComponent(
            "loanbench-\(ProcessInfo.processInfo.processIdentifier)")
    }

    func path(_ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}

/// Why loanbench does not run: help asked for, or a bad argument.
enum UsageMessage: Error, CustomStringConvertible {
    case help
    case unknown(String)

    var description: String {
        switch self {
        case .help:
            return """
                usage: loanbench [--quick] [--json] [--dir DIR] [--keep]
                  --quick  CI sizes (50,000-event log, 5,000 loans at end of day)
                  --json   one JSON document on stdout (progress stays on stderr)
                  --dir    where scratch stores go (default: the temporary directory)
                  --keep   keep the scratch stores
                """
        case .unknown(let argument):
            return "loanbench: unknown argument '\(argument)' (see --help)"
        }
    }
}
