import EventStore
import Foundation
import TestSupport
import Testing

/// The integrity rules: verify and anchors, restore, golden hashes, export round trips,
/// tamper detection.
public enum IntegrityConformance {
    /// An intact chain verifies, also against its own head or an earlier position as anchor.
    public static func verifyIntact(_ factory: StoreFactory) throws {
        try factory.withStore { store in
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
    }

    /// restore copies a log into an empty store keeping times and hashes, and refuses a non-empty
    /// store.
    public static func restore(_ factory: StoreFactory) throws {
        let sourceHandle = try factory.make(clock: ManualClock(microseconds: 77))
        let targetHandle = try factory.make()
        defer { withExtendedLifetime((sourceHandle, targetHandle)) {} }
        let source = sourceHandle.store
        let target = targetHandle.store
        try source.append(to: "a", expectedVersion: .any, events: TestEvents.batch(3))
        try source.append(to: "b", expectedVersion: .any, events: TestEvents.batch(2))
        let events = try source.readAll(afterPosition: 0, limit: 100)
        try target.restore(events)
        #expect(try target.readAll(afterPosition: 0, limit: 100) == events)
        #expect(try target.verify().isIntact)
        #expect(throws: EventStoreError.storeNotEmpty) { try target.restore(events) }
        let next = try target.append(
            to: "a", expectedVersion: .exact(3), events: TestEvents.batch(1))
        #expect(next.events[0].position == 6)
    }

    /// restore rejects a bad hash or a missing position and keeps nothing.
    public static func restoreRejects(_ factory: StoreFactory) throws {
        let sourceHandle = try factory.make()
        let targetHandle = try factory.make()
        defer { withExtendedLifetime((sourceHandle, targetHandle)) {} }
        let source = sourceHandle.store
        let target = targetHandle.store
        try source.append(to: "a", expectedVersion: .any, events: TestEvents.batch(4))
        var events = try source.readAll(afterPosition: 0, limit: 100)
        events[2].data = Array("{\"n\":99}".utf8)
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

    /// The stored hash of ``ConformanceFixtures/golden`` is the pinned one, with and without
    /// a key, in the append result and when read back.
    public static func goldenHash(
        _ factory: StoreFactory, _ testCase: ConformanceFixtures.GoldenHashCase
    ) throws {
        let golden = ConformanceFixtures.golden
        let key = try testCase.key.map { try ChainKey(bytes: Array($0.utf8)) }
        let clock = FixedClock(microseconds: golden.recordedAt)
        try factory.withStore(clock: clock, key: key) { store in
            let result = try store.append(
                to: "customer-C1", expectedVersion: .noStream, events: [NewEvent(golden)])
            #expect(result.events[0].hash.hexString == testCase.hash)
            let stored = try store.readAll(afterPosition: 0, limit: 1)
            #expect(stored[0].hash.hexString == testCase.hash)
        }
    }

    /// Tampers with a 5-event log past the store's guards; `verify` against the kept head
    /// names the first bad position.
    public static func tamperDetected(
        _ factory: StoreFactory, _ testCase: ConformanceFixtures.TamperCase
    ) throws {
        let handle = try factory.make()
        defer { withExtendedLifetime(handle) {} }
        let tamper = try #require(handle.tamper, "\(factory) cannot be tampered with")
        let store = handle.store
        try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(5))
        let anchor = try store.head()
        #expect(try store.verify(expectHead: anchor, progress: nil).isIntact)
        try tamper(testCase.tampering)
        let report = try store.verify(expectHead: anchor, progress: nil)
        #expect(report.firstBadPosition == testCase.firstBadPosition)
        #expect(report.problem?.hasPrefix(testCase.problemPrefix) == true, "\(report)")
    }

    /// Data whose bytes a JSON re-encoding would change: escapes, spacing, non-ASCII, NUL.
    static let trickyData = [
        #"{"text":"quote \" backslash \\ tab \t nl \n é 中文 \u0001","n":-1}"#,
        #"{ "spaced" :  [1, 2.50, null] }"#,
        "{\"raw nul\":\"a\u{0}b\"}",
    ]

    /// Export, restore into an empty store, export again: the same bytes, which are also the
    /// bytes the in-memory reference exports for the same appends.
    public static func exportRoundTrip(_ factory: StoreFactory) throws {
        let clock = FixedClock(microseconds: 1_700_000_000_123_456)
        let source = try factory.make(clock: clock)
        let reference = try StoreFactory.inMemory.make(clock: clock)
        let target = try factory.make()
        defer { withExtendedLifetime((source, reference, target)) {} }
        let batches = [
            ("customer-C1", trickyData.map { TestEvents.make(data: $0) }),
            ("customer-C2", TestEvents.batch(3)),
        ]
        for (stream, events) in batches {
            for store in [source.store, reference.store] {
                try store.append(to: stream, expectedVersion: .any, events: events)
            }
        }
        var first = [UInt8]()
        let head = try EventLogExport.export(source.store) { first += $0 }
        #expect(head == (try source.store.head()))
        var expected = [UInt8]()
        try EventLogExport.export(reference.store) { expected += $0 }
        #expect(first == expected)

        try target.store.restore(try EventLogExport.parseAll(first))
        var second = [UInt8]()
        try EventLogExport.export(target.store) { second += $0 }
        #expect(second == first)
        #expect(try target.store.verify(expectHead: head, progress: nil).isIntact)
        let stored = try target.store.readStream("customer-C1", fromVersion: 1, limit: 3)
        #expect(stored.map { String(decoding: $0.data, as: UTF8.self) } == trickyData)
    }
}
