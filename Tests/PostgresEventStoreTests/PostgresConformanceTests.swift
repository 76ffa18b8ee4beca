import EventStore
import Foundation
import PostgresEventStore
import TestSupport
import Testing

// The conformance cases of Tests/EventStoreTests/ConformanceTests.swift, against PostgreSQL.

@Suite(
    "PostgreSQL conformance: appends and concurrency",
    .enabled(if: PostgresTestServer.isConfigured))
struct PostgresAppendConformanceTests {
    @Test("noStream accepts a new stream and refuses an existing one")
    func noStream() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        try store.append(to: "s", expectedVersion: .noStream, events: TestEvents.batch(2))
        #expect(
            throws: EventStoreError.versionConflict(stream: "s", expected: .noStream, actual: 2)
        ) {
            try store.append(to: "s", expectedVersion: .noStream, events: TestEvents.batch(1))
        }
    }

    @Test("exact version must match; exact(0) means an empty stream")
    func exact() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        try store.append(to: "s", expectedVersion: .exact(0), events: TestEvents.batch(1))
        let result = try store.append(
            to: "s", expectedVersion: .exact(1), events: TestEvents.batch(2))
        #expect(result.streamVersion == 3)
        #expect(result.events.map(\.version) == [2, 3])
        #expect(
            throws: EventStoreError.versionConflict(stream: "s", expected: .exact(2), actual: 3)
        ) {
            try store.append(to: "s", expectedVersion: .exact(2), events: TestEvents.batch(1))
        }
        #expect(try store.streamVersion("s") == 3)
    }

    @Test("any appends whatever the version")
    func any() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1))
        try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1))
        #expect(try store.streamVersion("s") == 2)
        #expect(try store.streamVersion("other") == 0)
    }

    @Test("positions are global, gap-free and in commit order")
    func positions() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        try store.append(to: "a", expectedVersion: .noStream, events: TestEvents.batch(2))
        #expect(throws: EventStoreError.self) {
            try store.append(to: "a", expectedVersion: .noStream, events: TestEvents.batch(3))
        }
        try store.append(to: "b", expectedVersion: .noStream, events: TestEvents.batch(2))
        try store.append(to: "a", expectedVersion: .exact(2), events: TestEvents.batch(1))
        let all = try store.readAll(afterPosition: 0, limit: 100)
        #expect(all.map(\.position) == [1, 2, 3, 4, 5])
        #expect(all.map(\.streamId) == ["a", "a", "b", "b", "a"])
        #expect(try store.head() == ChainHead(position: 5, hash: all[4].hash))
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        var id: String
        var events: [NewEvent]
        var field: String
        var testDescription: String { id }
    }

    static let invalidCases: [InvalidCase] = [
        .init(id: "empty batch", events: [], field: "events"),
        .init(id: "empty type", events: [TestEvents.make("")], field: "events[0].type"),
        .init(
            id: "bad date", events: [TestEvents.make(effectiveDate: "2026-02-30")],
            field: "events[0].effectiveDate"),
        .init(
            id: "date shape", events: [TestEvents.make(effectiveDate: "2026-3-05")],
            field: "events[0].effectiveDate"),
        .init(
            id: "schema version 0", events: [TestEvents.make(schemaVersion: 0)],
            field: "events[0].schemaVersion"),
        .init(
            id: "too many", events: TestEvents.batch(EventStoreLimits.eventsPerAppendMax + 1),
            field: "events"),
    ]

    @Test("invalid input is refused before anything is written", arguments: invalidCases)
    func invalid(testCase: InvalidCase) throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        do {
            try store.append(to: "s", expectedVersion: .any, events: testCase.events)
            Issue.record("accepted \(testCase.id)")
        } catch EventStoreError.invalidInput(let field, _) {
            #expect(field == testCase.field)
        }
        #expect(try store.head().position == 0)
    }

    @Test("a duplicate id inside one batch is refused")
    func duplicateInBatch() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        let event = TestEvents.make()
        #expect(
            throws: EventStoreError.invalidInput(
                field: "events[1].eventId", rule: "appears twice in one batch")
        ) {
            try store.append(to: "s", expectedVersion: .any, events: [event, event])
        }
    }

    @Test("recordedAt never decreases even when the clock goes back")
    func recordedAtMonotonic() throws {
        let clock = ManualClock(microseconds: 5_000)
        let storeHarness = try PostgresTestSchema(clock: clock)
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1))
        clock.set(1_000)
        try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(2))
        clock.set(9_000)
        try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1))
        let times = try store.readAll(afterPosition: 0, limit: 10).map(\.recordedAt)
        #expect(times == [5_000, 5_000, 5_000, 9_000])
        #expect(try store.verify().isIntact)
    }
}

@Suite(
    "PostgreSQL conformance: idempotency",
    .enabled(if: PostgresTestServer.isConfigured))
struct PostgresIdempotencyConformanceTests {
    @Test(
        "an identical retry writes nothing and returns the original result")
    func identicalRetry() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        let events = TestEvents.batch(3)
        try store.append(to: "x", expectedVersion: .any, events: TestEvents.batch(1))
        let first = try store.append(to: "s", expectedVersion: .noStream, events: events)
        try store.append(to: "s", expectedVersion: .exact(3), events: TestEvents.batch(1))
        var closureRan = false
        // The stale expected version must not matter: ids are checked first.
        let retry = try store.append(to: "s", expectedVersion: .noStream, events: events) { _, _ in
            closureRan = true
        }
        #expect(retry.wasDuplicate)
        #expect(!first.wasDuplicate)
        #expect(retry.events == first.events)
        #expect(retry.streamVersion == first.streamVersion)
        #expect(!closureRan)
        #expect(try store.head().position == 5)
    }

    @Test("a stored id with other content is refused")
    func differentContent() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        let id = UUID()
        try store.append(
            to: "s", expectedVersion: .any, events: [TestEvents.make(data: "{\"a\":1}", id: id)])
        #expect(
            throws: EventStoreError.idempotencyViolation(
                eventId: id, detail: "already stored with a different 'data'")
        ) {
            try store.append(
                to: "s", expectedVersion: .any,
                events: [TestEvents.make(data: "{\"a\":2}", id: id)])
        }
    }

    @Test("a stored id in another stream is refused")
    func otherStream() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        let event = TestEvents.make()
        try store.append(to: "s", expectedVersion: .any, events: [event])
        #expect(
            throws: EventStoreError.idempotencyViolation(
                eventId: event.eventId, detail: "already stored in another stream")
        ) {
            try store.append(to: "t", expectedVersion: .any, events: [event])
        }
    }

    @Test("a batch mixing stored and new ids is refused")
    func mixedBatch() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        let stored = TestEvents.make()
        try store.append(to: "s", expectedVersion: .any, events: [stored])
        #expect(
            throws: EventStoreError.idempotencyViolation(
                eventId: stored.eventId, detail: "the batch mixes stored and new event ids")
        ) {
            try store.append(to: "s", expectedVersion: .any, events: [stored, TestEvents.make()])
        }
        #expect(try store.head().position == 1)
    }

    @Test("derived ids make a retried request a no-op")
    func derivedIds() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        func request() -> [NewEvent] {
            (0..<2).map {
                TestEvents.make(
                    data: "{\"n\":\($0)}",
                    id: EventIds.derived(requestId: "r-1", stream: "s", index: $0))
            }
        }
        try store.append(to: "s", expectedVersion: .noStream, events: request())
        #expect(
            try store.append(to: "s", expectedVersion: .noStream, events: request()).wasDuplicate)
    }
}

@Suite(
    "PostgreSQL conformance: atomicity and read models",
    .enabled(if: PostgresTestServer.isConfigured))
struct PostgresAtomicityConformanceTests {
    @Test(
        "a throwing closure rolls back events, rows, checkpoints and unique keys")
    func rollback() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        try store.ensureTables([balancesTable])
        try store.append(to: "s", expectedVersion: .noStream, events: TestEvents.batch(1)) {
            tx, _ in
            try tx.upsert("balances", ["account": .text("A"), "amount": .integer(1)])
            try tx.setCheckpoint("p", position: 1)
        }
        #expect(throws: Boom()) {
            try store.append(to: "s", expectedVersion: .exact(1), events: TestEvents.batch(2)) {
                tx, recorded in
                #expect(recorded.map(\.position) == [2, 3])
                try tx.upsert("balances", ["account": .text("A"), "amount": .integer(99)])
                try tx.upsert("balances", ["account": .text("B"), "amount": .integer(5)])
                try tx.setCheckpoint("p", position: 3)
                try tx.claimUniqueKey(namespace: "loan", key: "L1", owner: "s")
                throw Boom()
            }
        }
        #expect(try store.head().position == 1)
        #expect(try store.streamVersion("s") == 1)
        try store.read { tx in
            let rows = try tx.rows(in: "balances", where: [:], orderBy: [], limit: nil)
            #expect(rows == [["account": .text("A"), "amount": .integer(1), "note": .null]])
            #expect(try tx.checkpoint("p") == 1)
            #expect(try tx.uniqueKeyOwner(namespace: "loan", key: "L1") == nil)
        }
        let next = try store.append(
            to: "s", expectedVersion: .exact(1), events: TestEvents.batch(1))
        #expect(next.events[0].position == 2)
        #expect(try store.verify().isIntact)
    }

    @Test("write() commits rows and rolls them back on a throw")
    func writeTransaction() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        try store.ensureTables([balancesTable])
        try store.write { tx in
            try tx.upsert("balances", ["account": .text("A"), "amount": .integer(1)])
        }
        #expect(throws: Boom()) {
            try store.write { tx in
                try tx.delete(from: "balances", where: [:])
                throw Boom()
            }
        }
        let count = try store.read {
            try $0.rows(in: "balances", where: [:], orderBy: [], limit: nil).count
        }
        #expect(count == 1)
    }

    @Test(
        "rows filter, order (NULL first, ties by key) and limit the same way")
    func rowsQuery() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        try store.ensureTables([balancesTable])
        try store.ensureTables([balancesTable])
        try store.write { tx in
            try tx.upsert(
                "balances", ["account": .text("c"), "amount": .integer(2), "note": .text("x")])
            try tx.upsert(
                "balances", ["account": .text("a"), "amount": .integer(2), "note": .text("x")])
            try tx.upsert("balances", ["account": .text("b"), "amount": .null, "note": .text("x")])
            try tx.upsert("balances", ["account": .text("d"), "amount": .integer(1)])
            try tx.upsert(
                "balances", ["account": .text("c"), "amount": .integer(0), "note": .text("x")])
        }
        try store.read { tx in
            let ordered = try tx.rows(
                in: "balances", where: ["note": .text("x")],
                orderBy: ["amount"], limit: nil)
            #expect(ordered.map { $0["account"] } == [.text("b"), .text("c"), .text("a")])
            let limited = try tx.rows(in: "balances", where: [:], orderBy: ["amount"], limit: 2)
            #expect(limited.map { $0["account"] } == [.text("b"), .text("c")])
            let nulls = try tx.rows(in: "balances", where: ["note": .null], orderBy: [], limit: nil)
            #expect(nulls.map { $0["account"] } == [.text("d")])
        }
        try store.write { try $0.delete(from: "balances", where: ["amount": .integer(2)]) }
        let left = try store.read {
            try $0.rows(in: "balances", where: [:], orderBy: [], limit: nil)
        }
        #expect(left.map { $0["account"] } == [.text("b"), .text("c"), .text("d")])
    }

    @Test("undeclared tables, columns and wrong kinds are refused")
    func schemaChecks() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        try store.ensureTables([balancesTable])
        try store.write { tx in
            #expect(throws: EventStoreError.self) { try tx.upsert("nope", ["a": .integer(1)]) }
            #expect(
                throws: EventStoreError.invalidInput(
                    field: "balances.x", rule: "is not a declared column")
            ) {
                try tx.upsert("balances", ["account": .text("A"), "x": .integer(1)])
            }
            #expect(
                throws: EventStoreError.invalidInput(
                    field: "balances.amount", rule: "must hold integer values")
            ) {
                try tx.upsert("balances", ["account": .text("A"), "amount": .text("1")])
            }
            #expect(
                throws: EventStoreError.invalidInput(
                    field: "balances.account", rule: "is part of the primary key and must be set")
            ) {
                try tx.upsert("balances", ["amount": .integer(1)])
            }
        }
        let evil = TableSchema(
            name: "x\"; DROP TABLE events; --", columns: [.init("a", .text)],
            primaryKey: ["a"])
        #expect(throws: EventStoreError.self) { try store.ensureTables([evil]) }
        let reserved = TableSchema(name: "events", columns: [.init("a", .text)], primaryKey: ["a"])
        #expect(throws: EventStoreError.self) { try store.ensureTables([reserved]) }
        var changed = balancesTable
        changed.columns.append(.init("extra", .integer))
        #expect(throws: EventStoreError.self) { try store.ensureTables([changed]) }
    }

    @Test("a unique key is held by its first owner")
    func uniqueKeys() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        try store.write { tx in
            try tx.claimUniqueKey(namespace: "loan", key: "L1", owner: "customer-C1")
            try tx.claimUniqueKey(namespace: "loan", key: "L1", owner: "customer-C1")
            try tx.claimUniqueKey(namespace: "loan", key: "L2", owner: "customer-C2")
        }
        #expect(
            throws: EventStoreError.uniqueKeyTaken(
                namespace: "loan", key: "L1", owner: "customer-C1")
        ) {
            try store.write {
                try $0.claimUniqueKey(namespace: "loan", key: "L1", owner: "customer-C9")
            }
        }
        let owner = try store.read { try $0.uniqueKeyOwner(namespace: "loan", key: "L2") }
        #expect(owner == "customer-C2")
    }
}

@Suite(
    "PostgreSQL conformance: reads, verify, restore",
    .enabled(if: PostgresTestServer.isConfigured))
struct PostgresReadConformanceTests {
    @Test("readAll pages through positions in batches")
    func readAllBatches() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        for index in 0..<7 {
            try store.append(
                to: "s\(index % 3)", expectedVersion: .any, events: TestEvents.batch(3))
        }
        var positions = [Int64]()
        var after: Int64 = 0
        while true {
            let batch = try store.readAll(afterPosition: after, limit: 4)
            guard let last = batch.last else { break }
            #expect(batch.count <= 4)
            positions += batch.map(\.position)
            after = last.position
        }
        #expect(positions == Array(1...21))
        #expect(try store.readAll(afterPosition: 19, limit: 10).map(\.position) == [20, 21])
        #expect(throws: EventStoreError.self) {
            try store.readAll(afterPosition: 0, limit: EventStoreLimits.readBatchMax + 1)
        }
    }

    @Test(
        "readStream reads forwards from a version and backwards from the end")
    func readStream() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        try store.append(to: "a", expectedVersion: .any, events: TestEvents.batch(3))
        try store.append(to: "b", expectedVersion: .any, events: TestEvents.batch(1))
        try store.append(to: "a", expectedVersion: .any, events: TestEvents.batch(2))
        #expect(try store.readStream("a", fromVersion: 2, limit: 3).map(\.version) == [2, 3, 4])
        #expect(
            try store.readStream("a", fromVersion: 1, limit: 100).map(\.position) == [
                1, 2, 3, 5, 6,
            ])
        #expect(try store.readStreamBackwards("a", count: 2).map(\.version) == [4, 5])
        #expect(try store.readStream("none", fromVersion: 1, limit: 5).isEmpty)
        #expect(try store.readWholeStream("a").count == 5)
    }

    @Test(
        "an intact chain verifies, also against its own head as anchor")
    func verifyIntact() throws {
        let storeHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(storeHarness) {} }
        let store = storeHarness.store
        for index in 0..<5 {
            try store.append(
                to: "s\(index % 2)", expectedVersion: .any, events: TestEvents.batch(2))
        }
        let head = try store.head()
        var calls = 0
        let report = try store.verify(expectHead: head) { checked, total in
            calls += 1
            #expect(checked <= total)
        }
        #expect(
            report
                == VerificationReport(
                    checkedCount: 10, head: head, firstBadPosition: nil,
                    problem: nil))
        #expect(calls >= 1)
        let early = try store.readAll(afterPosition: 3, limit: 1)[0]
        let anchored = try store.verify(
            expectHead: ChainHead(position: early.position, hash: early.hash), progress: nil)
        #expect(anchored.isIntact)
    }

    @Test(
        "restore copies a log into an empty store, keeping times and hashes")
    func restore() throws {
        let sourceHarness = try PostgresTestSchema(clock: ManualClock(microseconds: 77))
        defer { withExtendedLifetime(sourceHarness) {} }
        let source = sourceHarness.store
        try source.append(to: "a", expectedVersion: .any, events: TestEvents.batch(3))
        try source.append(to: "b", expectedVersion: .any, events: TestEvents.batch(2))
        let events = try source.readAll(afterPosition: 0, limit: 100)
        let targetHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(targetHarness) {} }
        let target = targetHarness.store
        try target.restore(events)
        #expect(try target.readAll(afterPosition: 0, limit: 100) == events)
        #expect(try target.verify().isIntact)
        #expect(throws: EventStoreError.storeNotEmpty) { try target.restore(events) }
        let next = try target.append(
            to: "a", expectedVersion: .exact(3), events: TestEvents.batch(1))
        #expect(next.events[0].position == 6)
    }

    @Test("restore rejects a bad hash and keeps nothing")
    func restoreRejects() throws {
        let sourceHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(sourceHarness) {} }
        let source = sourceHarness.store
        try source.append(to: "a", expectedVersion: .any, events: TestEvents.batch(4))
        var events = try source.readAll(afterPosition: 0, limit: 100)
        events[2].data = Array("{\"n\":99}".utf8)
        let targetHarness = try PostgresTestSchema()
        defer { withExtendedLifetime(targetHarness) {} }
        let target = targetHarness.store
        do {
            try target.restore(events)
            Issue.record("a tampered import was accepted")
        } catch EventStoreError.restoreRejected(let position, let detail) {
            #expect(position == 3)
            #expect(detail.hasPrefix("hash does not match"))
        }
        #expect(try target.head().position == 0)
        var gapped = try source.readAll(afterPosition: 0, limit: 100)
        gapped.remove(at: 1)
        #expect(
            throws: EventStoreError.restoreRejected(
                position: 2, detail: "position 2 is missing: the next stored event is at position 3"
            )
        ) {
            try target.restore(gapped)
        }
        #expect(try target.head().position == 0)
    }
}
