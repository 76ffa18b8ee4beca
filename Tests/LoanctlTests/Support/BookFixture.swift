import Foundation
import TestSupport

/// A small loan book built once per test run through loanctl itself, for tests that only
/// read it or must be refused without changing it.
///
/// As of the fixed "now" (2026-03-20), with days closed through 2026-03-19:
/// - C-1 (limit 50,000, frozen: overdue): L-1 10,000 over 12 months at 0.0004, first
///   installment paid with P-1, DPD 15, stage early; L-2 2,000 interest-first, dispute open.
/// - C-2 frozen by hand; C-3 closed by hand; C-4 with a limit of 100.
/// - C-5 closed automatically at DPD 91: L-5 3,000 over 3 months never paid (DPD 130),
///   with 3 calls on 2026-03-19.
final class BookFixture: Sendable {
    /// The shared book, built on first use.
    static let shared = Result { try BookFixture(name: "book", script: BookFixture.script) }

    /// A book whose every write carries a request id, so its event ids — and therefore its
    /// hash chain — are the same on every run (for golden outputs, anchors included):
    /// C-G (limit 20,000) with L-G 3,000 over 3 months at 0.0005 from 2026-01-10, the first
    /// installment paid, days closed through 2026-03-19.
    static let golden = Result {
        try BookFixture(name: "golden", script: [
            ["credit", "open", "C-G", "--limit", "20000", "--on", "2026-01-01",
             "--request-id", "g-1"],
            ["loan", "disburse", "L-G", "--customer", "C-G", "--amount", "3000", "--term", "3",
             "--method", "equal-installment", "--daily-rate", "0.0005", "--on", "2026-01-10",
             "--request-id", "g-2"],
            ["loan", "repay", "L-G", "--amount", "1030.15", "--on", "2026-02-10", "--ref", "PG-1",
             "--request-id", "g-3"],
            ["day", "close", "--through", "2026-03-19"],
        ])
    }

    /// The directory holding the book; removed when the test process exits.
    let path: String
    /// A runner over the book.
    let loanctl: Loanctl
    /// The anchor after building: refused commands must leave it as it is.
    let anchor: String

    /// The commands that build the book, in order.
    static let script: [[String]] = [
        ["credit", "open", "C-1", "--limit", "50000", "--on", "2026-01-01"],
        ["loan", "disburse", "L-1", "--customer", "C-1", "--amount", "10000", "--term", "12",
         "--method", "equal-installment", "--daily-rate", "0.0004", "--on", "2026-01-05"],
        ["loan", "repay", "L-1", "--amount", "899.75", "--on", "2026-02-05", "--ref", "P-1"],
        ["loan", "disburse", "L-2", "--customer", "C-1", "--amount", "2000", "--term", "6",
         "--method", "interest-first", "--daily-rate", "0.0003", "--on", "2026-03-10"],
        ["credit", "open", "C-2", "--limit", "20000", "--on", "2026-01-01"],
        ["credit", "open", "C-3", "--limit", "20000", "--on", "2026-01-01"],
        ["credit", "open", "C-4", "--limit", "100", "--on", "2026-01-01"],
        ["credit", "open", "C-5", "--limit", "20000", "--on", "2025-10-01"],
        ["loan", "disburse", "L-5", "--customer", "C-5", "--amount", "3000", "--term", "3",
         "--method", "equal-principal", "--daily-rate", "0.0005", "--on", "2025-10-10"],
        ["day", "close", "--through", "2026-03-19"],
        ["credit", "freeze", "C-2", "--on", "2026-03-19", "--reason", "manual review"],
        ["credit", "close", "C-3", "--on", "2026-03-19", "--reason", "customer request"],
        ["dispute", "open", "L-2", "--on", "2026-03-19", "--reason", "contests the schedule"],
        ["collection", "record", "L-5", "--channel", "call", "--at", "2026-03-19T10:00:00+08:00",
         "--by", "ops.wang"],
        ["collection", "record", "L-5", "--channel", "call", "--at", "2026-03-19T11:00:00+08:00",
         "--by", "ops.wang"],
        ["collection", "record", "L-5", "--channel", "call", "--at", "2026-03-19T12:00:00+08:00",
         "--by", "ops.wang"],
    ]

    private init(name: String, script: [[String]]) throws {
        path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("loanctl-\(name)-\(getpid())")
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        BookFixture.removeAtExit(path)
        loanctl = Loanctl(directory: path, database: (path as NSString)
            .appendingPathComponent("book.sqlite"))
        for command in script {
            try loanctl.succeed(command)
        }
        anchor = try loanctl.anchor()
    }

    /// The shared book, or the error that stopped it being built.
    static func get() throws -> BookFixture { try shared.get() }

    nonisolated(unsafe) private static var pathsToRemove: [String] = []
    private static let removal = NSLock()

    private static func removeAtExit(_ path: String) {
        removal.lock()
        defer { removal.unlock() }
        pathsToRemove.append(path)
        guard pathsToRemove.count == 1 else { return }
        atexit {
            for path in BookFixture.pathsToRemove {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }
}
