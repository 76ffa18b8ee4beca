import EventStore
import Foundation
import PostgresEventStore
import TestSupport
import Testing

/// A quick append measurement, not a benchmark suite: `LOANLEDGER_PG_BENCH=1` with
/// `LOANLEDGER_TEST_PG_URL` set. Prints events/s per batch size, one writer and four, and
/// SQLite's for scale.
@Suite(
    "PostgreSQL append throughput", .serialized,
    .enabled(
        if: PostgresTestServer.isConfigured
            && ProcessInfo.processInfo.environment["LOANLEDGER_PG_BENCH"] != nil))
struct PostgresThroughputTests {
    static let eventBytes = 300
    static let secondsPerRun = 3.0

    @Test("append events/s at batches of 1, 20 and 100", arguments: [1, 20, 100])
    func throughput(batch: Int) throws {
        let schema = try PostgresTestSchema(clock: WallClock())
        let single = try Self.measure(batch: batch) { events, index in
            try schema.store.append(
                to: "bench-\(index % 100)", expectedVersion: .any, events: events)
        }
        let (url, name) = (schema.url, schema.name)
        let total = Shared(0)
        let started = Date()
        let errors = onThreads(4) { thread in
            let store = try PostgresEventStore(url: url, schema: name)
            defer { store.close() }
            let count = try Self.measure(batch: batch) { events, index in
                try store.append(
                    to: "bench-\(thread)-\(index % 100)", expectedVersion: .any, events: events)
            }
            total.withLock { $0 += count.events }
        }
        let fourRate = Double(total.withLock { $0 }) / Date().timeIntervalSince(started)
        // The embedded store on the same disk, same events, for scale (synchronous = FULL).
        let sqlite = try TemporarySQLiteStore(clock: WallClock())
        let local = try Self.measure(batch: batch) { events, index in
            try sqlite.store.append(
                to: "bench-\(index % 100)", expectedVersion: .any, events: events)
        }
        #expect(errors.isEmpty, "\(errors)")
        #expect(try schema.store.verify().isIntact)
        print(
            "PostgreSQL append, batch \(batch): 1 writer \(Int(single.rate)) events/s "
                + "(\(Int(single.rate) / batch) appends/s), 4 writers \(Int(fourRate)) events/s; "
                + "SQLite 1 writer \(Int(local.rate)) events/s")
    }

    /// Appends batches for ``secondsPerRun``; returns events written and events/s.
    private static func measure(
        batch: Int, _ append: ([NewEvent], Int) throws -> Void
    ) throws -> (events: Int, rate: Double) {
        let started = Date()
        var events = 0
        var index = 0
        while Date().timeIntervalSince(started) < secondsPerRun {
            try append((0..<batch).map { TestEvents.sized(eventBytes, index: $0) }, index)
            events += batch
            index += 1
        }
        return (events, Double(events) / Date().timeIntervalSince(started))
    }
}
