import Foundation
import TestSupport
import Testing

/// Time-bounded, seeded fuzzing of `loanctl import` and of the argument parser: never a
/// crash or a hang, always a documented exit code and a one-line error.
@Suite("Reliability: hostile input", .serialized)
struct HostileInputTests {
    /// Exit codes of CLI.md (70 is "a bug" and counts as a failure here).
    static let documented: Set<Int32> = [0, 64, 65, 66, 74, 75]
    /// The longest one fuzzed run may take.
    static let runLimitSeconds = 20.0

    /// A crash, a hang, 70, or an undocumented code; nil when the end is acceptable.
    static func problem(_ end: ProcessEnd) -> String? {
        if end.timedOut { return "hang (killed after \(runLimitSeconds) s)" }
        if end.signaled { return "crash (signal \(end.status))" }
        if !documented.contains(end.status) { return "exit \(end.status)" }
        if end.status != 0 {
            let first = end.standardError.split(separator: "\n").first ?? ""
            if !first.hasPrefix("loanctl: ") { return "error line '\(first)'" }
        }
        return nil
    }

    @Test("Mutated export files never crash or hang import, and leave no store behind")
    func importFuzz() throws {
        var random = SplitMix64(seed: ReliabilitySettings.seed("import fuzz"))
        let directory = try ScratchDirectory("import-fuzz")
        let source = try BacklogBook.copy(closed: true, into: directory, name: "book.sqlite")
        // The first 60 events: a valid log (a prefix of a chain), quick to import.
        let lines = Array(try StoreProbe(cli: source).exportText()
            .split(separator: "\n").prefix(60).map(String.init))
        var target = CLIProcess(directory: directory.path, database: directory.file("t.sqlite"))
        target.timeLimitSeconds = Self.runLimitSeconds
        let file = directory.file("mutated.jsonl")
        let deadline = Date().addingTimeInterval(ReliabilitySettings.fuzzSeconds / 2)
        var runs = 0, accepted = 0, codes: [Int32: Int] = [:], failures: [String] = []
        while Date() < deadline {
            runs += 1
            let (mutation, bytes) = HostileInput.mutate(lines, random: &random)
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let end = try target.run(["import", file])
            codes[end.status, default: 0] += 1
            if let problem = Self.problem(end) {
                failures.append("\(mutation): \(problem): \(end)")
            } else if end.succeeded {
                accepted += 1
                let verify = try target.run(["verify", "--json"])
                if !verify.succeeded { failures.append("\(mutation): accepted, verify \(verify)") }
            } else if FileManager.default.fileExists(atPath: target.database) {
                failures.append("\(mutation): refused (\(end.status)) but left a store behind")
            }
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? FileManager.default.removeItem(atPath: target.database + suffix)
            }
        }
        print("import fuzz: \(runs) mutated files, \(accepted) accepted (still valid logs), "
              + "exit codes \(codes.sorted { $0.key < $1.key }), \(failures.count) failures")
        for failure in failures.prefix(10) { Issue.record(Comment(rawValue: failure)) }
    }

    @Test("Random command lines never crash or hang loanctl and exit with a documented code")
    func argumentFuzz() throws {
        var random = SplitMix64(seed: ReliabilitySettings.seed("argument fuzz"))
        let directory = try ScratchDirectory("argv-fuzz")
        var cli = try BacklogBook.copy(closed: true, into: directory, name: "book.sqlite")
        cli.timeLimitSeconds = Self.runLimitSeconds
        let deadline = Date().addingTimeInterval(ReliabilitySettings.fuzzSeconds / 2)
        var runs = 0, codes: [Int32: Int] = [:], failures: [String] = []
        var storageFailures: [String] = []
        while Date() < deadline {
            runs += 1
            let argv = HostileInput.argv(random: &random)
            let end = try cli.run(argv)
            codes[end.status, default: 0] += 1
            if end.status == 74, storageFailures.count < 3 {
                storageFailures.append("\(argv.prefix(6)) → \(end.standardError.prefix(120))")
            }
            if let problem = Self.problem(end) {
                let shown = argv.map { "'\($0.prefix(40))'" }.joined(separator: " ")
                failures.append("loanctl \(shown): \(problem): \(end)")
            }
        }
        let verify = try StoreProbe(cli: cli).verify()
        #expect(verify.succeeded, "after \(runs) random commands: verify \(verify)")
        print("argument fuzz: \(runs) command lines, exit codes "
              + "\(codes.sorted { $0.key < $1.key }), \(failures.count) failures")
        for line in storageFailures { print("argument fuzz: exit 74 for \(line)") }
        for failure in failures.prefix(10) { Issue.record(Comment(rawValue: failure)) }
    }
}
