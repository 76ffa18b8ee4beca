import EventStore
import Foundation
import TestSupport
import Testing

/// Kills a writing process with SIGKILL at random moments and checks that the store kept every
/// acknowledged batch, whole, with a gap-free, verifiable chain.
///
/// `LOANLEDGER_CRASH_TRIALS` sets the number of kills (default 20; 1000 for the long run) and
/// `LOANLEDGER_SEED` replays a run.
@Suite("SQLite store: crash safety")
struct CrashSafetyTests {
    /// What crashwriter puts in each event's data.
    struct Marker: Decodable {
        var batch: Int64
        var size: Int
        var index: Int
    }

    /// An acknowledged batch, from a line `ack BATCH LAST_POSITION COUNT`.
    struct Ack {
        var batch: Int64
        var lastPosition: Int64
        var count: Int
    }

    /// The crashwriter executable built next to the test bundle.
    static func crashwriterPath() -> String? {
        let bundle = URL(fileURLWithPath: Bundle.main.bundlePath)
        let executable = URL(fileURLWithPath: CommandLine.arguments[0])
        let candidates = [
            bundle, bundle.deletingLastPathComponent(), executable.deletingLastPathComponent(),
            executable.deletingLastPathComponent().deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("crashwriter").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("every acknowledged batch survives SIGKILL, whole, with an intact chain")
    func killedWriter() throws {
        let path = try #require(Self.crashwriterPath(), "crashwriter not built; run swift build")
        let trials = Int(ProcessInfo.processInfo.environment["LOANLEDGER_CRASH_TRIALS"] ?? "") ?? 20
        let seed = SplitMix64.seed()
        print("crash test: seed \(seed), \(trials) trials (rerun with LOANLEDGER_SEED=\(seed))")
        var random = SplitMix64(seed: seed)
        let directory = try TemporaryDirectory(prefix: "crash")
        var acks = [Ack]()
        var everAcknowledged = false
        for trial in 0..<trials {
            // A fresh store every 50 kills keeps each check O(events of 50 runs).
            let store = directory.file("store-\(trial / 50).sqlite")
            if trial % 50 == 0 { acks = [] }
            let mode = trial % 2 == 0 ? "full" : "normal"
            let delay = UInt32.random(in: 5_000...120_000, using: &random)
            acks += try runAndKill(
                path, store: store, seed: random.next(), mode: mode, delayMicroseconds: delay)
            everAcknowledged = everAcknowledged || !acks.isEmpty
            try check(store: store, acks: acks)
        }
        #expect(everAcknowledged, "the writer never acknowledged a batch")
    }

    private func runAndKill(
        _ executable: String, store: String, seed: UInt64, mode: String,
        delayMicroseconds: UInt32
    ) throws -> [Ack] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [store, String(seed), mode]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(delayMicroseconds)
        kill(process.processIdentifier, SIGKILL)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "crashwriter exited by itself")
        // Only whole lines count: a line is written after its commit.
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 4, parts[0] == "ack", let batch = Int64(parts[1]),
                let last = Int64(parts[2]), let count = Int(parts[3])
            else { return nil }
            return Ack(batch: batch, lastPosition: last, count: count)
        }
    }

    private func check(store path: String, acks: [Ack]) throws {
        let store = try SQLiteEventStore(path: path)
        defer { store.close() }
        var events = [RecordedEvent]()
        while true {
            let batch = try store.readAll(afterPosition: events.last?.position ?? 0, limit: 5_000)
            events += batch
            if batch.count < 5_000 { break }
        }
        #expect(events.map(\.position) == Array(0..<Int64(events.count)).map { $0 + 1 })
        let decoder = JSONDecoder()
        let markers = try events.map { try decoder.decode(Marker.self, from: Data($0.data)) }
        for ack in acks {
            let index = Int(ack.lastPosition) - 1
            #expect(index < markers.count, "acknowledged position \(ack.lastPosition) lost")
            guard index < markers.count else { continue }
            #expect(markers[index].batch == ack.batch)
            #expect(markers[index].index == ack.count - 1)
        }
        // Whole batches only: each batch is `size` consecutive events numbered 0…size-1.
        var offset = 0
        while offset < markers.count {
            let first = markers[offset]
            let batch = markers[offset..<min(offset + first.size, markers.count)]
            #expect(batch.count == first.size, "batch \(first.batch) is torn")
            #expect(batch.map(\.index) == Array(0..<batch.count))
            #expect(batch.allSatisfy { $0.batch == first.batch })
            offset += max(first.size, 1)
        }
        try checkReadModel(store, markers: markers, head: events.last?.position)
        let report = try store.verify()
        #expect(report.isIntact, "\(report.problem ?? "")")
    }

    /// The rows and checkpoint written in the append transactions match the events exactly.
    private func checkReadModel(
        _ store: SQLiteEventStore, markers: [Marker], head: Int64?
    ) throws {
        guard let head else { return }
        let schema = TableSchema(
            name: "batches", columns: [.init("batch", .integer), .init("size", .integer)],
            primaryKey: ["batch"])
        try store.ensureTables([schema])
        try store.read { context in
            #expect(try context.checkpoint("crashwriter") == head)
            let rows = try context.rows(in: "batches", where: [:], orderBy: [], limit: nil)
            var sizes = [Int64: Int64]()
            for marker in markers { sizes[marker.batch] = Int64(marker.size) }
            #expect(rows.count == sizes.count)
            for row in rows {
                guard case .integer(let batch) = row["batch"] else { continue }
                #expect(row["size"] == .integer(sizes[batch] ?? -1))
            }
        }
    }
}
