import Foundation

/// A store with a year of loans and no day closed yet: `day close --through 2026-03-19` then
/// has about 380 days to close (the long command the kill tests interrupt).
///
/// Every write carries a request id, so two books built with the same script hold the same
/// event ids, times and hashes.
enum BacklogBook {
    /// "Now" for the book.
    static let now = "2026-03-20T10:00:00+08:00"
    /// The last day to close.
    static let through = "2026-03-19"

    /// The commands, in order.
    static var script: [[String]] {
        var commands: [[String]] = []
        let methods = ["equal-installment", "equal-principal", "interest-first"]
        for index in 1...8 {
            let customer = "B-C\(index)", loan = "B-L\(index)"
            let month = index < 10 ? "0\(index)" : "\(index)"
            commands.append(["credit", "open", customer, "--limit", "80000",
                             "--on", "2025-\(month)-01"])
            commands.append(["loan", "disburse", loan, "--customer", customer,
                             "--amount", "\(3000 + index * 500)",
                             "--term", "\([3, 6, 12][index % 3])",
                             "--method", methods[index % 3], "--daily-rate", "0.0005",
                             "--on", "2025-\(month)-03"])
            // Half the loans get two payments, the rest none: overdue, stages, freezes, DPD 91.
            if index % 2 == 0 {
                for (number, month) in [index + 1, index + 2].enumerated() where month <= 12 {
                    let text = month < 10 ? "0\(month)" : "\(month)"
                    commands.append(["loan", "repay", loan, "--amount", "700",
                                     "--on", "2025-\(text)-03", "--ref", "B-P\(index)-\(number)"])
                }
            }
        }
        return commands.enumerated().map { index, command in
            command + ["--request-id", "backlog-\(index)"]
        }
    }

    /// Builds the book into `cli`'s store.
    static func build(_ cli: CLIProcess) throws {
        for command in script {
            let end = try cli.at(now).run(command + ["--json"])
            guard end.succeeded else {
                throw CLIProcessError(message: "backlog book: \(command) → \(end)")
            }
        }
    }

    /// The book built once per test process: `open` with no day closed, `closed` through
    /// ``through``. Tests copy the files (no process holds them open between runs).
    private static let built = Result { () throws -> (ScratchDirectory, String, String) in
        let directory = try ScratchDirectory("backlog")
        ScratchDirectory.removeAtExit(directory.path)
        let open = CLIProcess(directory: directory.path, database: directory.file("open.sqlite"))
        try build(open)
        try copyStore(open.database, to: directory.file("closed.sqlite"))
        let closed = CLIProcess(directory: directory.path,
                                database: directory.file("closed.sqlite")).at(now)
        let end = try closed.run(["day", "close", "--through", through, "--json"])
        guard end.succeeded else { throw CLIProcessError(message: "day close: \(end)") }
        return (directory, open.database, closed.database)
    }

    /// A runner over a fresh copy of the book in `directory`, closed through ``through`` or not.
    static func copy(closed: Bool, into directory: ScratchDirectory, name: String) throws
        -> CLIProcess
    {
        let (_, open, closedPath) = try built.get()
        let target = directory.file(name)
        try copyStore(closed ? closedPath : open, to: target)
        return CLIProcess(directory: directory.path, database: target).at(now)
    }

    /// Copies a store file and its WAL companions (when present) while no process has it open.
    static func copyStore(_ source: String, to target: String) throws {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: target + suffix)
            guard FileManager.default.fileExists(atPath: source + suffix) else { continue }
            try FileManager.default.copyItem(atPath: source + suffix, toPath: target + suffix)
        }
    }
}
