import EventStore
import Foundation
import PostgresEventStore
import TestSupport
import Testing

/// A streaming replica of the test server: `LOANLEDGER_TEST_PG_STANDBY_URL` (.ci/run starts one
/// with `pg_basebackup -R` when it starts the primary).
enum PostgresTestStandby {
    static let url = ProcessInfo.processInfo.environment["LOANLEDGER_TEST_PG_STANDBY_URL"]

    static var isConfigured: Bool { PostgresTestServer.isConfigured && !(url ?? "").isEmpty }

    /// Opens the store of `schema` on the standby once replication has brought it there
    /// with at least `position` events.
    static func open(_ schema: String, reaching position: Int64) throws -> PostgresEventStore {
        let url = try #require(Self.url)
        let deadline = Date(timeIntervalSinceNow: 20)
        while true {
            // Until the schema has replicated, opening would try to create it and the standby
            // refuses the write; retry until then.
            if let store = try? PostgresEventStore(url: url, schema: schema) {
                if try store.head().position >= position { return store }
                store.close()
            }
            guard Date() < deadline else {
                throw EventStoreError.io("the standby did not reach position \(position)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}

@Suite("PostgreSQL streaming replica", .enabled(if: PostgresTestStandby.isConfigured))
struct PostgresStandbyTests {
    @Test("a replica serves the same log, verifies, refuses appends")
    func replicaReads() throws {
        let primary = try PostgresTestSchema(clock: WallClock())
        for stream in ["a", "b", "a"] {
            try primary.store.append(to: stream, expectedVersion: .any, events: TestEvents.batch(3))
        }
        let head = try primary.store.head()
        let replica = try PostgresTestStandby.open(primary.name, reaching: head.position)
        defer { replica.close() }
        #expect(
            try replica.readAll(afterPosition: 0, limit: 100)
                == primary.store.readAll(afterPosition: 0, limit: 100))
        #expect(try replica.readWholeStream("a").map(\.version) == Array(1...6))
        #expect(try replica.verify(expectHead: head, progress: nil).isIntact)
        do {
            try replica.append(to: "a", expectedVersion: .any, events: TestEvents.batch(1))
            Issue.record("a standby accepted an append")
        } catch EventStoreError.postgres(let message) {
            #expect(message.contains("recovery") || message.contains("read-only"), "\(message)")
        }
    }

    @Test("a subscription on a replica polls and sees every position in order")
    func replicaCatchUp() throws {
        let primary = try PostgresTestSchema(clock: WallClock())
        try primary.store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(2))
        let replica = try PostgresTestStandby.open(primary.name, reaching: 2)
        defer { replica.close() }
        let subscription = PostgresEventSubscription(
            store: replica, afterPosition: 0, batchSize: 4, pollInterval: .milliseconds(50))
        var seen = try subscription.next()?.map(\.position) ?? []
        #expect(subscription.isPollingOnly)
        for _ in 0..<5 {
            try primary.store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(3))
        }
        let cancellation = subscription.cancellation
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) { cancellation.cancel() }
        while seen.count < 17, let batch = try subscription.next() {
            seen += batch.map(\.position)
        }
        #expect(seen == Array(1...17))
        #expect(subscription.notificationCount == 0)
    }
}
