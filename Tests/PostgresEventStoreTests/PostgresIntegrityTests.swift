import EventStore
import Foundation
import PostgresEventStore
import TestSupport
import Testing

@Suite("PostgreSQL hash chain and export", .enabled(if: PostgresTestServer.isConfigured))
struct PostgresIntegrityTests {
    /// The golden event of Tests/EventStoreTests/CanonicalBytesTests.swift.
    static let golden = RecordedEvent(
        position: 1, streamId: "customer-C1", version: 1,
        eventId: UUID(uuidString: "00112233-4455-6677-8899-aabbccddeeff")!,
        type: "CreditLineOpened", schemaVersion: 1, effectiveDate: "2026-03-05",
        recordedAt: 1_772_668_800_000_000, data: Array(#"{"limit":"5000.00"}"#.utf8),
        metadata: Array(#"{"actor":"ops"}"#.utf8), hash: [])

    struct GoldenCase: Sendable, CustomTestStringConvertible {
        var id: String
        var key: String?
        var hash: String
        var testDescription: String { id }
    }

    /// The hashes the SQLite golden test pins (computed independently with Python).
    static let goldenCases: [GoldenCase] = [
        .init(
            id: "SHA-256", key: nil,
            hash: "1f5e7a22a7b1fd16f05600b55af286f770e1bb6423b131b879fa5855fffa2515"),
        .init(
            id: "HMAC-SHA-256", key: "0123456789abcdef0123456789abcdef",
            hash: "eb77859908e3b5a1376c44def1b113a924279103f0150f181ee00acede86005c"),
    ]

    @Test("the stored hash of the golden event is the pinned one", arguments: goldenCases)
    func goldenHash(testCase: GoldenCase) throws {
        let key = try testCase.key.map { try ChainKey(bytes: Array($0.utf8)) }
        let schema = try PostgresTestSchema(
            clock: FixedClock(microseconds: Self.golden.recordedAt), key: key)
        let result = try schema.store.append(
            to: "customer-C1", expectedVersion: .noStream, events: [NewEvent(Self.golden)])
        #expect(result.events[0].hash.hexString == testCase.hash)
        let stored = try schema.store.readAll(afterPosition: 0, limit: 1)
        #expect(stored[0].hash.hexString == testCase.hash)
    }

    @Test("the same appends give the same events and hashes as SQLite")
    func sameAsSQLite() throws {
        let sqlite = try TemporarySQLiteStore(clock: FixedClock(microseconds: 42))
        let postgres = try PostgresTestSchema(clock: FixedClock(microseconds: 42))
        let batches = [("a", 3), ("b", 1), ("a", 2), ("c", 4)].map { stream, count in
            (stream, TestEvents.batch(count))
        }
        for (stream, events) in batches {
            let left = try sqlite.store.append(to: stream, expectedVersion: .any, events: events)
            let right = try postgres.store.append(
                to: stream, expectedVersion: .any, events: events)
            #expect(left == right)
        }
        #expect(try sqlite.store.head() == postgres.store.head())
    }

    @Test("SQLite export, restore into PostgreSQL, export again: the same bytes")
    func exportRoundTrip() throws {
        let sqlite = try TemporarySQLiteStore(
            clock: ManualClock(microseconds: 1_700_000_000_123_456))
        let tricky = [
            #"{"text":"quote \" backslash \\ tab \t nl \n é 中文 \u0001","n":-1}"#,
            #"{ "spaced" :  [1, 2.50, null] }"#,
            "{\"raw nul\":\"a\u{0}b\"}",
        ]
        try sqlite.store.append(
            to: "customer-C1", expectedVersion: .any,
            events: tricky.map { TestEvents.make(data: $0) })
        try sqlite.store.append(
            to: "customer-C2", expectedVersion: .any, events: TestEvents.batch(3))
        var first = [UInt8]()
        let head = try EventLogExport.export(sqlite.store) { first += $0 }

        let postgres = try PostgresTestSchema()
        try postgres.store.restore(try EventLogExport.parseAll(first))
        var second = [UInt8]()
        try EventLogExport.export(postgres.store) { second += $0 }
        #expect(second == first)
        #expect(try postgres.store.verify(expectHead: head, progress: nil).isIntact)
        let stored = try postgres.store.readStream("customer-C1", fromVersion: 1, limit: 3)
        #expect(stored.map { String(decoding: $0.data, as: UTF8.self) } == tricky)
    }

    struct TamperCase: Sendable, CustomTestStringConvertible {
        var id: String
        var sql: String
        var position: Int64
        var problemPrefix: String
        var testDescription: String { id }
    }

    static let tamperCases: [TamperCase] = [
        .init(
            id: "changed data", sql: "UPDATE events SET data = '\\x7b7d' WHERE position = 3",
            position: 3, problemPrefix: "hash does not match"),
        .init(
            id: "deleted row", sql: "DELETE FROM events WHERE position = 2",
            position: 2, problemPrefix: "position 2 is missing"),
        .init(
            id: "version changed", sql: "UPDATE events SET version = 9 WHERE position = 4",
            position: 4, problemPrefix: "hash does not match"),
        .init(
            id: "cut-off tail", sql: "DELETE FROM events WHERE position = 5",
            position: 5, problemPrefix: "the log ends at position 4"),
    ]

    @Test("verify names the first tampered position", arguments: tamperCases)
    func tamper(testCase: TamperCase) throws {
        let schema = try PostgresTestSchema()
        let store = schema.store
        try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(5))
        let anchor = try store.head()
        try store.executeForTesting("ALTER TABLE events DISABLE TRIGGER events_refuse_change")
        try store.executeForTesting(testCase.sql)
        let report = try store.verify(expectHead: anchor, progress: nil)
        #expect(report.firstBadPosition == testCase.position)
        #expect(report.problem?.hasPrefix(testCase.problemPrefix) == true, "\(report)")
    }

    @Test("UPDATE, DELETE and TRUNCATE of events are refused by triggers", arguments: [
        "UPDATE events SET type = 'X'", "DELETE FROM events", "TRUNCATE events",
    ])
    func appendOnly(sql: String) throws {
        let schema = try PostgresTestSchema()
        try schema.store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(2))
        do {
            try schema.store.executeForTesting(sql)
            Issue.record("accepted: \(sql)")
        } catch EventStoreError.postgres(let message) {
            #expect(message.hasPrefix("events are append-only"), "\(message)")
        }
        #expect(try schema.store.verify().checkedCount == 2)
    }
}
