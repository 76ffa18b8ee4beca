import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How one run of the loanctl binary ended, as the reliability harness sees it.
struct ProcessEnd: Sendable, CustomStringConvertible {
    /// The exit status, or the signal number when ``signaled``.
    var status: Int32
    /// True when the process was ended by a signal (our SIGKILL, or a crash).
    var signaled: Bool
    /// True when the harness had to kill it because it ran past its time limit (a hang).
    var timedOut: Bool
    var standardOutput: String
    var standardError: String

    /// Exited normally with status 0.
    var succeeded: Bool { !signaled && status == 0 }

    var description: String {
        let how = timedOut ? "timed out" : signaled ? "signal \(status)" : "exit \(status)"
        return "\(how): \(standardError.trimmingCharacters(in: .whitespacesAndNewlines))"
    }
}

/// Runs the built `loanctl` against one store with a fixed clock, optionally killing it.
///
/// Output goes to files rather than pipes: a pipe's write end inherited by another child
/// started at the same moment (8 writers at once) would keep a reader waiting.
struct CLIProcess: Sendable {
    /// The directory the binary runs in; scratch output files go here too.
    let directory: String
    /// The store, passed through `LOANCTL_DB`.
    let database: String
    /// "Now" for the run (`LOANCTL_NOW`), RFC 3339.
    var now: String = "2026-03-20T10:00:00+08:00"
    /// The longest a run may take before it counts as a hang.
    var timeLimitSeconds: Double = 60
    /// Where the captured stdout and stderr files go; ``directory`` when nil (set it when
    /// ``directory`` is on a full or read-only file system).
    var outputDirectory: String?
    /// A file stdout goes to instead of a scratch file (then ``ProcessEnd/standardOutput`` is
    /// empty): to test writing output onto a full disk.
    var standardOutputFile: String?

    /// The built binary: next to the test bundle, or one directory up from it (as
    /// Support/Loanctl.swift finds it; copied so this harness does not depend on that file).
    /// `LOANLEDGER_LOANCTL` overrides it, to rerun the harness against another build.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["LOANLEDGER_LOANCTL"] { return path }
        var candidates: [URL] = [Bundle.main.bundleURL,
                                 Bundle.main.bundleURL.deletingLastPathComponent()]
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

    /// This runner with another clock.
    func at(_ now: String) -> CLIProcess {
        var copy = self
        copy.now = now
        return copy
    }

    /// Runs `loanctl arguments…` to the end (or to the time limit).
    func run(_ arguments: [String]) throws -> ProcessEnd {
        try run(arguments, killAfterMicroseconds: nil)
    }

    /// Starts `loanctl arguments…`; when `killAfterMicroseconds` is given, sends SIGKILL that
    /// long after the start (the process may have finished by then: the result says which).
    func run(_ arguments: [String], killAfterMicroseconds: UInt32?) throws -> ProcessEnd {
        let token = UUID().uuidString
        let scratch = (outputDirectory ?? directory) as NSString
        let outPath = standardOutputFile ?? scratch.appendingPathComponent(".out-\(token)")
        let errPath = scratch.appendingPathComponent(".err-\(token)")
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            if standardOutputFile == nil { try? FileManager.default.removeItem(atPath: outPath) }
            try? FileManager.default.removeItem(atPath: errPath)
        }
        guard let out = FileHandle(forWritingAtPath: outPath),
            let err = FileHandle(forWritingAtPath: errPath)
        else { throw CLIProcessError(message: "cannot create output files in \(directory)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIProcess.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        try? out.close()
        try? err.close()
        if let delay = killAfterMicroseconds {
            if delay > 0 { usleep(delay) }
            kill(process.processIdentifier, SIGKILL)
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeLimitSeconds) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        return ProcessEnd(
            status: process.terminationStatus,
            signaled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut,
            standardOutput: standardOutputFile != nil ? ""
                : (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    private func environment() -> [String: String] {
        var variables = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("LOANCTL_")
        }
        variables["LOANCTL_NOW"] = now
        variables["LOANCTL_ACTOR"] = "reliability"
        variables["LOANCTL_DB"] = database
        return variables
    }
}

/// The harness could not run a process at all (not a finding about loanctl).
struct CLIProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
