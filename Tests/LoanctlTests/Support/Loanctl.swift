import Foundation
import TestSupport

/// Runs the built `loanctl` binary end to end, as a user or a script would.
///
/// Every run gets a fixed clock (`LOANCTL_NOW`), a fixed actor, no inherited `LOANCTL_*`
/// variables, and a working directory, so that output is the same on every machine.
struct Loanctl {
    /// "Now" for every run: Friday 20 March 2026, 10:00 in Shanghai.
    static let now = "2026-03-20T10:00:00+08:00"

    /// The directory the binary runs in (where the default store would be).
    let directory: String
    /// The store, passed as `--db` through `LOANCTL_DB`.
    let database: String
    /// Extra environment variables, overriding the defaults.
    var environment: [String: String] = [:]

    init(directory: String, database: String) {
        self.directory = directory
        self.database = database
    }

    /// A runner over `<directory>/book.sqlite` in a fresh temporary directory.
    static func fresh(_ prefix: String) throws -> (TemporaryDirectory, Loanctl) {
        let directory = try TemporaryDirectory(prefix: prefix)
        return (directory, Loanctl(directory: directory.path,
                                   database: directory.file("book.sqlite")))
    }

    /// The built binary: next to the test bundle, or one directory up from it.
    static let binary: String = {
        var candidates: [URL] = [Bundle.main.bundleURL, Bundle.main.bundleURL
            .deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0])
            .deletingLastPathComponent())
        for directory in candidates {
            let path = directory.appendingPathComponent("loanctl").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        fatalError("loanctl not found next to the test bundle (\(candidates)); run swift build")
    }()

    /// Runs `loanctl arguments…` and waits for it.
    @discardableResult
    func run(_ arguments: [String]) throws -> RunResult {
        try run(executable: Loanctl.binary, arguments)
    }

    /// Runs `executable` with loanctl's environment and working directory.
    func run(executable: String, _ arguments: [String]) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var variables = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LOANCTL_") }
        variables["LOANCTL_NOW"] = Loanctl.now
        variables["LOANCTL_ACTOR"] = "tester"
        variables["LOANCTL_DB"] = database
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a chatty child cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return RunResult(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Runs `loanctl arguments… >/dev/null` on a pseudo-terminal through script(1), and
    /// returns what appeared on the terminal: the progress drawn on stderr.
    func runOnTerminal(_ arguments: [String]) throws -> String {
        let quoted = ([Loanctl.binary] + arguments).map { "'" + $0 + "'" }
        var terminal = self
        terminal.environment["TERM"] = "dumb"
        let result = try terminal.run(
            executable: "/usr/bin/script",
            ["-qc", quoted.joined(separator: " ") + " >/dev/null", "/dev/null"])
        return result.standardOutput
    }

    /// Runs a command that must succeed, and returns its stdout.
    @discardableResult
    func succeed(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        guard result.status == 0 else {
            throw LoanctlFailure(arguments: arguments, result: result)
        }
        return result.standardOutput
    }

    /// The head anchor `POSITION:HASH` from `day status --json`: it changes with any append.
    func anchor() throws -> String {
        let output = try succeed(["day", "status", "--json"])
        guard let line = output.split(separator: "\n").first(where: { $0.contains("\"anchor\"") })
        else { throw LoanctlFailure(arguments: ["day", "status"], result: nil) }
        return String(line)
    }
}

extension Loanctl {
    /// The log's head position: how many events the store holds.
    func headPosition() throws -> Int {
        let anchor = try self.anchor()
        // `  "anchor": "85:c968…"` → 85
        let value = anchor.split(separator: "\"")[3]
        return Int(value.split(separator: ":")[0]) ?? -1
    }

    /// Parses one JSON document from stdout with Foundation, as a script would.
    func json(_ arguments: [String]) throws -> [String: Any] {
        let output = try succeed(arguments + ["--json"])
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        guard let dictionary = object as? [String: Any] else {
            throw LoanctlFailure(arguments: arguments, result: nil)
        }
        return dictionary
    }
}

/// A run that should have succeeded but did not.
struct LoanctlFailure: Error, CustomStringConvertible {
    let arguments: [String]
    let result: RunResult?

    var description: String {
        "loanctl \(arguments.joined(separator: " ")) failed: "
            + "\(result.map { "exit \($0.status): \($0.standardError)" } ?? "no anchor")"
    }
}

/// How a run of loanctl ended.
struct RunResult: Sendable, Equatable {
    var status: Int32
    var standardOutput: String
    var standardError: String
}
