import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// What a kill run found: trials, lost acknowledged commands, corruption, and where the kills
/// landed.
struct KillTally: Sendable {
    var trials = 0
    /// Acknowledged commands missing from the log, or whose retry wrote something new.
    var lost = 0
    /// Gaps, half-applied commands, a failing `verify`, a store that cannot be read.
    var corrupt = 0
    /// Exit codes outside the contract (a crash, 70, 64 for a well-formed command…).
    var unexpected = 0
    /// Kills by landing: "finished first", "not applied", "applied".
    var landings: [String: Int] = [:]
    /// One line per finding, with the command and the seed's trial.
    var findings: [String] = []
    /// Findings that match a bug already reported (``KnownBugs``): recorded as known issues.
    var knownBugFindings: [String] = []
    /// Differences that are not losses (e.g. a DayClosed record's counters after a re-run).
    var notes: [String] = []

    mutating func merge(_ other: KillTally) {
        trials += other.trials
        lost += other.lost
        corrupt += other.corrupt
        unexpected += other.unexpected
        landings.merge(other.landings, uniquingKeysWith: +)
        findings += other.findings
        knownBugFindings += other.knownBugFindings
        notes += other.notes
    }

    var summary: String { "\(trials) trials, \(lost) lost, \(corrupt) corrupt" }
}

/// Drives a seeded command mix through loanctl against one store and SIGKILLs one command
/// per trial after a random 0–30 ms, checking after every kill that nothing acknowledged is
/// lost and nothing is half applied (see docs/reliability.md, "Kill -9").
final class KillDriver {
    private let directory: ScratchDirectory
    private let cli: CLIProcess
    private let probe: StoreProbe
    private var mix: CommandMix
    private var random: SplitMix64
    /// Commands that exited 0 (with a request id), in order.
    private var acknowledged: [PlannedCommand] = []
    /// Every command run to completion, with its exit status: the serial history a
    /// reference store replays.
    private var completed: [(command: PlannedCommand, status: Int32)] = []
    private(set) var tally = KillTally()
    let commandsPerTrial: Int
    /// The longest delay before SIGKILL.
    static let killDelayMaxMicroseconds =
        UInt32(ReliabilitySettings.killDelayMaxMilliseconds * 1_000)

    init(seed: UInt64, store: Int, commandsPerTrial: Int) throws {
        directory = try ScratchDirectory("kill")
        cli = CLIProcess(directory: directory.path, database: directory.file("kill.sqlite"))
        probe = StoreProbe(cli: cli)
        mix = CommandMix(seed: seed &+ UInt64(store), prefix: "s\(store)")
        random = SplitMix64(seed: seed ^ 0x5EED_0000 &+ UInt64(store))
        self.commandsPerTrial = commandsPerTrial
    }

    // MARK: - Trials

    /// Runs a few commands to completion, then one that is killed, then checks.
    func runTrial(_ number: Int) throws {
        tally.trials += 1
        for _ in 0..<commandsPerTrial { try complete(mix.next(), context: "trial \(number)") }
        let victim = mix.next()
        let context = "trial \(number): \(victim)"
        let before = try probe.head()
        let delay = UInt32.random(in: 0...Self.killDelayMaxMicroseconds, using: &random)
        let end = try cli.at(victim.now).run(victim.fullArguments, killAfterMicroseconds: delay)
        guard end.signaled, end.status == SIGKILL else {
            tally.landings["finished before the kill", default: 0] += 1
            settle(victim, end, context: context)
            try checkStore(context)
            return
        }
        guard let after = headOrCorrupt(context) else { return }
        let events = try checkStore(context)
        let applied = after.position > before.position
        tally.landings[applied ? "applied" : "not applied", default: 0] += 1
        if applied {
            try checkApplied(victim, events: Array(events[before.position...]), context: context)
        } else {
            let retry = try cli.at(victim.now).run(victim.fullArguments)
            settle(victim, retry, context: context + " (retry after a kill that applied nothing)")
        }
        try retrySample(context)
    }

    /// A killed command that wrote events wrote all of them: they all carry its request id,
    /// and a retry writes nothing and returns them.
    private func checkApplied(
        _ victim: PlannedCommand, events: [ExportedEvent], context: String
    ) throws {
        if let id = victim.requestId {
            let foreign = events.filter { $0.requestId != id }
            if !foreign.isEmpty {
                finding(\.corrupt, "\(context): events \(foreign.map(\.position)) appeared "
                        + "without the killed command's request id")
            }
        }
        let before = try probe.head()
        let retry = try cli.at(victim.now).run(victim.fullArguments)
        let after = try probe.head()
        completed.append((victim, retry.status))
        mix.record(victim, succeeded: retry.succeeded)
        guard retry.succeeded else {
            finding(\.corrupt, "\(context): retry after an applied kill: \(retry)")
            return
        }
        if let _ = victim.requestId {
            acknowledged.append(victim)
            let output = StoreProbe.object(retry.standardOutput)
            let count = (output?["events"] as? [Any])?.count
            if output?["duplicate"] as? Bool != true || count != events.count
                || after != before
            {
                finding(\.corrupt, "\(context): half applied — the kill left \(events.count) "
                        + "events, the retry reported \(count.map(String.init) ?? "?") "
                        + "(duplicate: \(output?["duplicate"] ?? "?")), head \(before.position)"
                        + " → \(after.position)")
            }
        } else if after.lastClosedDay != victim.arguments.last {
            finding(\.corrupt, "\(context): re-run closed through \(after.lastClosedDay ?? "-")")
        }
    }

    /// Retries one acknowledged command: each must exit 0, say duplicate, write nothing.
    private func retrySample(_ context: String) throws {
        guard !acknowledged.isEmpty else { return }
        let before = try probe.head()
        for _ in 0..<1 {
            let command = acknowledged.randomElement(using: &random)!
            try retryAcknowledged(command, context: context)
        }
        let after = try probe.head()
        if after != before {
            finding(\.lost, "\(context): retrying acknowledged commands moved the head "
                    + "\(before.position) → \(after.position)")
        }
    }

    private func retryAcknowledged(_ command: PlannedCommand, context: String) throws {
        let end = try cli.at(command.now).run(command.fullArguments)
        let output = StoreProbe.object(end.standardOutput)
        if !end.succeeded || output?["duplicate"] as? Bool != true {
            finding(\.lost, "\(context): acknowledged \(command) retried: \(end) "
                    + "duplicate=\(output?["duplicate"] ?? "?")")
        }
    }

    // MARK: - Running and checking

    /// Runs a command to its end and records how it ended.
    private func complete(_ command: PlannedCommand, context: String) throws {
        let end = try cli.at(command.now).run(command.fullArguments)
        settle(command, end, context: "\(context): \(command)")
    }

    /// Records a command that ran to its end: acknowledged on 0, refused on 65, else a finding.
    private func settle(_ command: PlannedCommand, _ end: ProcessEnd, context: String) {
        completed.append((command, end.signaled ? -end.status : end.status))
        mix.record(command, succeeded: end.succeeded)
        if end.succeeded {
            if command.requestId != nil { acknowledged.append(command) }
        } else if end.signaled || end.status != 65 {
            finding(\.unexpected, "\(context): \(end)")
        }
    }

    /// Export parses, positions and versions are gap-free, every acknowledged request id is
    /// in the log, and `verify` exits 0.
    @discardableResult
    private func checkStore(_ context: String) throws -> [ExportedEvent] {
        let events: [ExportedEvent]
        do {
            events = try probe.export()
        } catch {
            finding(\.corrupt, "\(context): \(error)")
            return []
        }
        for problem in StoreProbe.shapeProblems(events) {
            finding(\.corrupt, "\(context): \(problem)")
        }
        let present = Set(events.compactMap(\.requestId))
        for command in acknowledged {
            if let id = command.requestId, !present.contains(id) {
                finding(\.lost, "\(context): acknowledged \(command) is not in the log")
            }
        }
        let verify = try probe.verify()
        if !verify.succeeded {
            finding(\.corrupt, "\(context): verify \(verify)\(keepEvidence())")
        }
        return events
    }

    /// Copies the store aside when `LOANLEDGER_RELIABILITY_KEEP` names a directory, so a
    /// finding can be reproduced with the same file; returns where it went.
    private func keepEvidence() -> String {
        guard let keep = ProcessInfo.processInfo.environment["LOANLEDGER_RELIABILITY_KEEP"]
        else { return "" }
        let target = (keep as NSString).appendingPathComponent("store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.copyItem(
                atPath: cli.database + suffix,
                toPath: (target as NSString).appendingPathComponent("kill.sqlite" + suffix))
        }
        return " (store kept in \(target))"
    }

    private func headOrCorrupt(_ context: String) -> HeadStatus? {
        do {
            return try probe.head()
        } catch {
            finding(\.corrupt, "\(context): after the kill: \(error)")
            return nil
        }
    }

    private func finding(_ counter: WritableKeyPath<KillTally, Int>, _ line: String) {
        if KnownBugs.matches(line) {
            tally.knownBugFindings.append(line)
            return
        }
        tally[keyPath: counter] += 1
        tally.findings.append(line)
    }
}

extension KillDriver {
    // MARK: - The end of a store

    /// Retries every acknowledged command (each writes nothing), then replays the serial
    /// history into a fresh store: same exit codes, the same log, the same loans.
    func finish() throws {
        let before = try probe.head()
        for command in acknowledged { try retryAcknowledged(command, context: "final retry") }
        let after = try probe.head()
        if after != before {
            finding(\.lost, "final retry of \(acknowledged.count) acknowledged commands moved "
                    + "the head \(before.position) → \(after.position)")
        }
        try compareWithReference()
    }

    private func compareWithReference() throws {
        let reference = try ScratchDirectory("kill-reference")
        let serial = CLIProcess(directory: reference.path,
                                database: reference.file("reference.sqlite"))
        for (command, status) in completed {
            let end = try serial.at(command.now).run(command.fullArguments)
            let got = end.signaled ? -end.status : end.status
            if got != status {
                finding(\.corrupt, "reference run: \(command) exits \(got) serially but "
                        + "\(status) in the killed store")
            }
        }
        let killed = try probe.export()
        let serialEvents = try StoreProbe(cli: serial).export()
        compare(killed, serialEvents)
        for loan in loanIds(in: killed) {
            let a = try cli.run(["loan", "show", loan, "--json"]).standardOutput
            let b = try serial.run(["loan", "show", loan, "--json"]).standardOutput
            if a != b { finding(\.corrupt, "loan show \(loan) differs from the serial replay") }
        }
    }

    /// Compares two logs field by field. DayClosed records may legitimately differ in their
    /// counters and head hash after a re-run (noted, not counted); everything else must match.
    private func compare(_ killed: [ExportedEvent], _ serial: [ExportedEvent]) {
        if killed.count != serial.count {
            finding(\.corrupt, "the killed store has \(killed.count) events, the serial "
                    + "replay \(serial.count)")
        }
        var diverged = false
        for (a, b) in zip(killed, serial) {
            var a2 = a, b2 = b
            a2.hash = ""
            b2.hash = ""
            if a.type == "DayClosed", b.type == "DayClosed", a.data != b.data {
                tally.notes.append("DayClosed at \(a.position): \(a.data) vs serial \(b.data)")
                a2.data = ""
                b2.data = ""
            }
            if a2 != b2, !diverged {
                diverged = true
                finding(\.corrupt, "position \(a.position) differs from the serial replay: "
                        + "\(a.type) \(a.eventId) vs \(b.type) \(b.eventId)")
            }
        }
    }

    private func loanIds(in events: [ExportedEvent]) -> [String] {
        events.filter { $0.type == "LoanDisbursed" }.compactMap { event in
            let contract = StoreProbe.object(event.data)?["contract"] as? [String: Any]
            return contract?["loanId"] as? String
        }
    }
}
