import EventStore
import Foundation
import PostgresEventStore
import StoreConformance
import TestSupport
import Testing

/// A value shared by test threads.
///
/// `@unchecked Sendable`: `value` is only touched under `lock`.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Runs `body(index)` on `count` threads at once and waits for all of them; returns the
/// errors they threw.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) -> [String] {
    let errors = Shared([String]())
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            defer { group.leave() }
            do { try body(index) } catch { errors.withLock { $0.append("\(index): \(error)") } }
        }
        thread.start()
    }
    group.wait()
    return errors.withLock { $0 }
}

@Suite("PostgreSQL concurrency", .enabled(if: PostgresTestServer.isConfigured))
struct PostgresConcurrencyTests {
    @Test("a tailing reader sees every position exactly once, in order, while 4 threads append")
    func tailingReader() throws {
        let schema = try PostgresTestSchema()
        let (url, name) = (schema.url, schema.name)
        let appenders = 4
        let appendsEach = 40
        let eventsPerAppend = 3
        let total = appenders * appendsEach * eventsPerAppend
        let seen = Shared([RecordedEvent]())
        let cancellation = SubscriptionCancellation()
        let errors = onThreads(appenders + 1) { index in
            let store = try PostgresEventStore(url: url, schema: name)
            defer { store.close() }
            guard index < appenders else {
                try Self.tail(store, total: total, cancellation: cancellation, into: seen)
                return
            }
            for _ in 0..<appendsEach {
                try store.append(
                    to: "tail-\(index)", expectedVersion: .any,
                    events: TestEvents.batch(eventsPerAppend))
            }
        }
        #expect(errors.isEmpty, "\(errors)")
        let delivered = seen.withLock { $0 }
        #expect(delivered.map(\.position) == Array(1...Int64(total)))
        let times = delivered.map(\.recordedAt)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(delivered == (try schema.store.readAll(afterPosition: 0, limit: total)))
        #expect(try schema.store.verify().isIntact)
    }

    /// Follows the log with a LISTEN/NOTIFY subscription until `total` events arrived (or
    /// 60 seconds passed, which the caller's position check then reports).
    private static func tail(
        _ store: PostgresEventStore, total: Int, cancellation: SubscriptionCancellation,
        into seen: Shared<[RecordedEvent]>
    ) throws {
        let subscription = PostgresEventSubscription(
            store: store, afterPosition: 0, batchSize: 7, pollInterval: .seconds(1),
            cancellation: cancellation)
        let deadline = Date(timeIntervalSinceNow: 60)
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { cancellation.cancel() }
        while seen.withLock({ $0.count }) < total, Date() < deadline,
            let batch = try subscription.next()
        {
            seen.withLock { $0 += batch }
        }
    }

    @Test("8 writers on overlapping streams: no duplicate versions, gap-free positions")
    func overlappingWriters() throws {
        let seed = SplitMix64.seed()
        print("overlappingWriters seed: \(seed)")
        let schema = try PostgresTestSchema()
        let (url, name) = (schema.url, schema.name)
        let written = Shared([String: Int]())
        let errors = onThreads(8) { index in
            let store = try PostgresEventStore(url: url, schema: name)
            defer { store.close() }
            var random = SplitMix64(seed: seed &+ UInt64(index))
            for _ in 0..<25 {
                let stream = "shared-\(random.next() % 3)"
                let count = Int(random.next() % 3) + 1
                try Self.appendRetrying(store, stream: stream, count: count)
                written.withLock { $0[stream, default: 0] += count }
            }
        }
        #expect(errors.isEmpty, "\(errors)")
        let store = schema.store
        let all = try store.readAll(afterPosition: 0, limit: EventStoreLimits.readBatchMax)
        let total = written.withLock { $0.values.reduce(0, +) }
        #expect(all.map(\.position) == Array(1...Int64(total)))
        for (stream, count) in written.withLock({ $0 }) {
            let versions = try store.readWholeStream(stream).map(\.version)
            #expect(versions == Array(1...Int64(count)), "\(stream)")
        }
        #expect(try store.verify().isIntact)
    }

    @Test("the append lock does not block readers; a writer behind a hung one times out")
    func lockTimeout() throws {
        let schema = try PostgresTestSchema()
        try schema.store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(2))
        let hung = try schema.connect()
        defer { hung.close() }
        try hung.executeForTesting("BEGIN")
        try hung.executeForTesting("LOCK TABLE events IN EXCLUSIVE MODE")
        let started = Date()
        #expect(try schema.store.readAll(afterPosition: 0, limit: 10).count == 2)
        #expect(try schema.store.verify().isIntact)
        #expect(Date().timeIntervalSince(started) < 2)
        do {
            try schema.store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1))
            Issue.record("appended past a held lock")
        } catch EventStoreError.postgres(let message) {
            #expect(message.hasSuffix("(SQLSTATE 55P03)"), "\(message)")
        }
        let waited = Date().timeIntervalSince(started)
        #expect(waited >= 4 && waited < 15, "waited \(waited) s")
        try hung.executeForTesting("ROLLBACK")
        let next = try schema.store.append(
            to: "s", expectedVersion: .exact(2), events: TestEvents.batch(1))
        #expect(next.events[0].position == 3)
    }

    /// Reads the version and appends with `.exact`; on a conflict, reads again and retries.
    private static func appendRetrying(
        _ store: PostgresEventStore, stream: String, count: Int
    ) throws {
        for _ in 0..<1_000 {
            let version = try store.streamVersion(stream)
            do {
                try store.append(
                    to: stream, expectedVersion: .exact(version), events: TestEvents.batch(count))
                return
            } catch EventStoreError.versionConflict {
                continue
            }
        }
        throw EventStoreError.io("no append to \(stream) succeeded in 1,000 tries")
    }
}

@Suite("PostgreSQL subscription", .enabled(if: PostgresTestServer.isConfigured))
struct PostgresSubscriptionTests {
    @Test("delivers the backlog in batches, then an append, woken by its notification")
    func notificationWakes() throws {
        let schema = try PostgresTestSchema()
        try schema.store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(5))
        let reader = try schema.connect()
        defer { reader.close() }
        // A poll interval far longer than the test: only a notification can wake it in time.
        let subscription = PostgresEventSubscription(
            store: reader, afterPosition: 1, batchSize: 3, pollInterval: .seconds(120))
        #expect(try subscription.next()?.map(\.position) == [2, 3, 4])
        #expect(try subscription.next()?.map(\.position) == [5])
        let (url, name) = (schema.url, schema.name)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) {
            guard let writer = try? PostgresEventStore(url: url, schema: name) else { return }
            _ = try? writer.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1))
            writer.close()
        }
        let started = Date()
        #expect(try subscription.next()?.map(\.position) == [6])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(subscription.notificationCount >= 1)
        subscription.cancellation.cancel()
        #expect(try subscription.next() == nil)
        #expect(try reader.head().position == 6)
    }

    @Test("a cancel from another thread ends a waiting run promptly")
    func cancelWhileWaiting() throws {
        try ReadConformance.cancelEndsWaitingRun(.postgres) { store, cancellation in
            let postgres = try #require(store as? PostgresEventStore)
            return PostgresEventSubscription(
                store: postgres, afterPosition: 0, pollInterval: .seconds(120),
                cancellation: cancellation
            ).run
        }
    }
}
