import Foundation
import TestSupport
import Testing

/// Eight loanctl processes writing one SQLite store at once, on overlapping customers.
@Suite("Reliability: concurrent writers", .serialized)
struct ConcurrentWriterTests {
    static let writerCount = 8
    static let customers = (1...4).map { "W-C\($0)" }
    static let loans = (1...8).map { "W-L\($0)" }
    /// Retries of one command that keeps exiting 75 before the harness gives up: a day close
    /// that keeps losing the race to three others may need many.
    static let conflictRetryMax = 200

    /// What one writer saw.
    struct Attempt: Sendable {
        var command: PlannedCommand
        var end: ProcessEnd
        /// Exit-75 answers before the final one.
        var conflicts: Int
        /// For an acknowledged repayment: loan, reference, amount in fen.
        var repayment: (loan: String, ref: String, fen: Int)?
    }

    /// Collects attempts from the writer threads.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var attempts: [Attempt] = []
        func add(_ attempt: Attempt) { lock.withLock { attempts.append(attempt) } }
        var all: [Attempt] { lock.withLock { attempts } }
    }

    /// Two customers' worth of loans per writer pair, so every stream has several writers.
    static func plan(writer: Int, count: Int, random: inout SplitMix64) -> [Attempt] {
        (0..<count).map { index in
            let id = "w\(writer)-\(index)"
            let loan = loans.randomElement(using: &random)!
            let roll = Int.random(in: 0..<10, using: &random)
            let now = "2026-03-20T10:00:00+08:00"
            if roll < 6 {
                let fen = Int.random(in: 5_000...30_000, using: &random)
                let day = "2026-03-\(10 + Int.random(in: 0...9, using: &random))"
                let amount = "\(fen / 100).\(fen % 100 / 10)\(fen % 10)"
                let command = PlannedCommand(
                    arguments: ["loan", "repay", loan, "--amount", amount, "--on", day,
                                "--ref", "W-P-\(id)"], now: now, requestId: id, effect: .none)
                return Attempt(command: command, end: ProcessEnd.none, conflicts: 0,
                               repayment: (loan, "W-P-\(id)", fen))
            }
            let customer = customers.randomElement(using: &random)!
            let arguments: [String] = roll < 8
                ? ["credit", "adjust", customer, "--limit", "\(200_000 + index * 1_000)",
                   "--on", "2026-03-20", "--reason", "review \(id)"]
                : ["collection", "record", loan, "--channel", "sms",
                   "--at", "2026-03-20T09:\(10 + writer):00+08:00", "--by", "ops.w\(writer)"]
            return Attempt(command: PlannedCommand(arguments: arguments, now: now,
                                                   requestId: id, effect: .none),
                           end: ProcessEnd.none, conflicts: 0, repayment: nil)
        }
    }

    /// Runs a writer's commands one after another; a 75 is retried with the same request id.
    static func run(_ planned: [Attempt], cli: CLIProcess, into log: Log) {
        for var attempt in planned {
            do {
                var end = try cli.at(attempt.command.now).run(attempt.command.fullArguments)
                while !end.signaled, end.status == 75, attempt.conflicts < conflictRetryMax {
                    attempt.conflicts += 1
                    usleep(UInt32.random(in: 5_000...40_000))
                    end = try cli.at(attempt.command.now).run(attempt.command.fullArguments)
                }
                attempt.end = end
            } catch {
                attempt.end = ProcessEnd(status: -1, signaled: false, timedOut: false,
                                         standardOutput: "", standardError: "\(error)")
            }
            log.add(attempt)
        }
    }

    @Test("8 writers at once: no lost update, conflicts retried, state equals a serial replay")
    func eightWriters() throws {
        var random = SplitMix64(seed: ReliabilitySettings.seed("concurrent writers"))
        let directory = try ScratchDirectory("writers")
        let cli = CLIProcess(directory: directory.path, database: directory.file("w.sqlite"))
        try Self.setUp(cli)
        let plans = (0..<Self.writerCount).map {
            Self.plan(writer: $0, count: ReliabilitySettings.commandsPerWriter, random: &random)
        }
        let log = Log()
        let started = Date()
        let done = DispatchGroup()
        for plan in plans {
            done.enter()
            Thread { Self.run(plan, cli: cli, into: log); done.leave() }.start()
        }
        done.wait()
        let seconds = Date().timeIntervalSince(started)
        let attempts = log.all
        for attempt in attempts where !(attempt.end.succeeded || attempt.end.status == 65) {
            Issue.record("\(attempt.command) ended \(attempt.end)")
        }
        let events = try StoreProbe(cli: cli).export()
        #expect(StoreProbe.shapeProblems(events).isEmpty, "\(StoreProbe.shapeProblems(events))")
        try Self.checkNoLostUpdate(attempts, events: events)
        try Self.checkRetriesWriteNothing(attempts, cli: cli)
        let verify = try StoreProbe(cli: cli).verify()
        #expect(verify.succeeded, "verify \(verify)")
        try Self.checkSerialReplay(cli, attempts: attempts, directory: directory)
        let conflicts = attempts.map(\.conflicts).reduce(0, +)
        let refused = attempts.filter { $0.end.status == 65 }.count
        print("concurrent writers: \(attempts.count) commands from \(Self.writerCount) "
              + "processes in " + String(format: "%.1f s", seconds) + "; \(conflicts) exit-75 "
              + "answers retried, \(refused) refused (65), \(events.count) events, 0 lost")
    }

    /// Every acknowledged repayment is in the log exactly once with its amount; every
    /// acknowledged request id wrote events.
    static func checkNoLostUpdate(_ attempts: [Attempt], events: [ExportedEvent]) throws {
        let requestIds = Set(events.compactMap(\.requestId))
        var received: [String: [Int]] = [:]
        for event in events where event.type == "RepaymentReceived" {
            let data = StoreProbe.object(event.data)
            if let ref = data?["reference"] as? String, let fen = data?["amount"] as? Int {
                received[ref, default: []].append(fen)
            }
        }
        for attempt in attempts where attempt.end.succeeded {
            #expect(requestIds.contains(attempt.command.requestId ?? ""),
                    "lost: \(attempt.command)")
            if let repayment = attempt.repayment {
                #expect(received[repayment.ref] == [repayment.fen],
                        "repayment \(repayment.ref): \(received[repayment.ref] ?? [])")
            }
        }
    }

    /// Retrying every acknowledged command exits 0, reports a duplicate, writes nothing.
    static func checkRetriesWriteNothing(_ attempts: [Attempt], cli: CLIProcess) throws {
        let probe = StoreProbe(cli: cli)
        let before = try probe.head()
        for attempt in attempts where attempt.end.succeeded {
            let end = try cli.run(attempt.command.fullArguments)
            #expect(end.succeeded && StoreProbe.object(end.standardOutput)?["duplicate"]
                        as? Bool == true, "retry of \(attempt.command): \(end)")
        }
        #expect(try probe.head() == before, "retries wrote something")
    }

    /// Two serial replays must agree with the concurrent store: the acknowledged commands
    /// rerun one at a time in log order (same ids and clock → the same log, byte for byte, and
    /// the same answers), and the exported log imported into a fresh store.
    static func checkSerialReplay(
        _ cli: CLIProcess, attempts: [Attempt], directory: ScratchDirectory
    ) throws {
        let text = try StoreProbe(cli: cli).exportText()
        let events = try StoreProbe.parseExport(text)
        var first: [String: Int] = [:]
        for event in events {
            if let id = event.requestId, first[id] == nil { first[id] = event.position }
        }
        let serial = CLIProcess(directory: directory.path, database: directory.file("r.sqlite"))
        try setUp(serial)
        let position = { (attempt: Attempt) in first[attempt.command.requestId ?? ""] ?? 0 }
        let acknowledged = attempts.filter(\.end.succeeded)
            .sorted { position($0) < position($1) }
        for attempt in acknowledged {
            let end = try serial.run(attempt.command.fullArguments)
            #expect(end.succeeded, "serial rerun of \(attempt.command): \(end)")
        }
        #expect(try StoreProbe(cli: serial).exportText() == text,
                "the serial rerun's log differs from the concurrent store's")
        let file = directory.file("export.jsonl")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let restored = CLIProcess(directory: directory.path,
                                  database: directory.file("s.sqlite"))
        let imported = try restored.run(["import", file, "--json"])
        try #require(imported.succeeded, "import: \(imported)")
        let queries = loans.map { ["loan", "show", $0, "--json"] }
            + customers.map { ["credit", "show", $0, "--json"] }
        for query in queries {
            let live = try cli.run(query)
            let rerun = try serial.run(query), fromImport = try restored.run(query)
            #expect(live.succeeded && live.standardOutput == rerun.standardOutput,
                    "\(query.joined(separator: " ")) differs from the serial rerun")
            #expect(live.succeeded && live.standardOutput == fromImport.standardOutput,
                    "\(query.joined(separator: " ")) differs after export and import")
        }
    }

    @Test("Four day closes at once: losers exit 75 and succeed on retry; every day closed once")
    func concurrentDayCloses() throws {
        let directory = try ScratchDirectory("writers-eod")
        let cli = try BacklogBook.copy(closed: false, into: directory, name: "eod.sqlite")
        let serial = try BacklogBook.copy(closed: false, into: directory, name: "serial.sqlite")
        let close = ["day", "close", "--through", BacklogBook.through, "--json"]
        try #require(try serial.run(close).succeeded)
        let log = Log()
        let done = DispatchGroup()
        for _ in 0..<4 {
            done.enter()
            Thread {
                let attempt = Attempt(command: PlannedCommand(
                    arguments: Array(close.dropLast()), now: BacklogBook.now, requestId: nil,
                    effect: .none), end: .none, conflicts: 0, repayment: nil)
                Self.run([attempt], cli: cli, into: log)
                done.leave()
            }.start()
        }
        done.wait()
        let attempts = log.all
        for attempt in attempts where !attempt.end.succeeded {
            Issue.record("day close: \(attempt.end)")
        }
        let events = try StoreProbe(cli: cli).export()
        let reference = try StoreProbe(cli: serial).export()
        #expect(StoreProbe.shapeProblems(events).isEmpty)
        let days = events.filter { $0.type == "DayClosed" }.map(\.effectiveDate)
        #expect(Set(days).count == days.count, "a day was closed twice")
        let extra = Set(events.map(\.eventId)).subtracting(reference.map(\.eventId))
        let missing = Set(reference.map(\.eventId)).subtracting(events.map(\.eventId))
        let describe = { (ids: Set<String>, log: [ExportedEvent]) in
            log.filter { ids.contains($0.eventId) }.prefix(4)
                .map { "\($0.position) \($0.streamId) \($0.type) \($0.effectiveDate)" }
        }
        let difference = "concurrent day closes appended facts a serial close does not: extra "
            + "\(describe(extra, events)), missing \(describe(missing, reference))"
        #expect(extra.isEmpty && missing.isEmpty, "\(difference)")
        if extra.isEmpty && missing.isEmpty, events.map(\.eventId) != reference.map(\.eventId) {
            print("concurrent day closes: same events as a serial close, in another order")
        }
        #expect(try StoreProbe(cli: cli).verify().succeeded)
        let conflicts = attempts.map(\.conflicts).reduce(0, +)
        print("concurrent day closes: 4 processes, \(conflicts) exit-75 answers retried, "
              + "\(days.count) days closed once each")
    }

    static func setUp(_ cli: CLIProcess) throws {
        for (index, customer) in customers.enumerated() {
            var commands = [["credit", "open", customer, "--limit", "200000",
                             "--on", "2026-01-02"]]
            for loan in [loans[index * 2], loans[index * 2 + 1]] {
                commands.append(["loan", "disburse", loan, "--customer", customer,
                                 "--amount", "20000", "--term", "12",
                                 "--method", "equal-installment", "--daily-rate", "0.0004",
                                 "--on", "2026-01-05"])
            }
            for (number, command) in commands.enumerated() {
                // Request ids make the set-up's event ids the same in every replay.
                let id = "setup-\(customer)-\(number)"
                let end = try cli.run(command + ["--request-id", id, "--json"])
                guard end.succeeded else { throw CLIProcessError(message: "\(command): \(end)") }
            }
        }
    }
}

extension ProcessEnd {
    /// Not run yet.
    static let none = ProcessEnd(status: -1, signaled: false, timedOut: false,
                                 standardOutput: "", standardError: "")
}
