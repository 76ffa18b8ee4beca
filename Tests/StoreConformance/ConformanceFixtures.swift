import EventStore
import Foundation
import TestSupport
import Testing

/// Values the conformance checks share with the backend test targets.
public enum ConformanceFixtures {
    /// A read-model table used by the atomicity, read-model and differential checks.
    public static let balancesTable = TableSchema(
        name: "balances",
        columns: [.init("account", .text), .init("amount", .integer), .init("note", .text)],
        primaryKey: ["account"], indexes: [["amount"]])

    /// The fixed event whose canonical bytes and hashes are pinned (expected values computed
    /// with Python's struct, hashlib and hmac, independently of this code).
    public static let golden = RecordedEvent(
        position: 1, streamId: "customer-C1", version: 1,
        eventId: UUID(uuidString: "00112233-4455-6677-8899-aabbccddeeff")!,
        type: "CreditLineOpened", schemaVersion: 1, effectiveDate: "2026-03-05",
        recordedAt: 1_772_668_800_000_000, data: Array(#"{"limit":"5000.00"}"#.utf8),
        metadata: Array(#"{"actor":"ops"}"#.utf8), hash: [])

    /// The hash of ``golden`` with and without a chain key.
    public struct GoldenHashCase: Sendable, CustomTestStringConvertible {
        /// The case's name in test results.
        public var id: String
        /// The chain key as UTF-8 text, or nil for plain SHA-256.
        public var key: String?
        /// The expected hash in lower-case hex.
        public var hash: String
        /// ``id``.
        public var testDescription: String { id }
    }

    /// The pinned hashes of ``golden``.
    public static let goldenHashCases: [GoldenHashCase] = [
        .init(
            id: "SHA-256", key: nil,
            hash: "1f5e7a22a7b1fd16f05600b55af286f770e1bb6423b131b879fa5855fffa2515"),
        .init(
            id: "HMAC-SHA-256", key: "0123456789abcdef0123456789abcdef",
            hash: "eb77859908e3b5a1376c44def1b113a924279103f0150f181ee00acede86005c"),
    ]

    /// An append the store must refuse, and the field its error names.
    public struct InvalidInputCase: Sendable, CustomTestStringConvertible {
        /// The case's name in test results.
        public var id: String
        /// The batch to append.
        public var events: [NewEvent]
        /// The field the `invalidInput` error must name.
        public var field: String
        /// ``id``.
        public var testDescription: String { id }
    }

    /// One case per input rule of `append`.
    public static let invalidInputCases: [InvalidInputCase] = [
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

    /// A tampering of a 5-event log and what `verify` against the kept head must report.
    public struct TamperCase: Sendable, CustomTestStringConvertible {
        /// The case's name in test results.
        public var id: String
        /// What is changed behind the store's back.
        public var tampering: Tampering
        /// The position `verify` must name.
        public var firstBadPosition: Int64
        /// How the reported problem must begin.
        public var problemPrefix: String
        /// ``id``.
        public var testDescription: String { id }
    }

    /// The tamperings every backend with a ``StoreHandle/tamper`` must detect.
    public static let tamperCases: [TamperCase] = [
        .init(
            id: "changed data", tampering: .changeData(position: 3),
            firstBadPosition: 3, problemPrefix: "hash does not match"),
        .init(
            id: "deleted row", tampering: .deleteEvent(position: 2),
            firstBadPosition: 2, problemPrefix: "position 2 is missing"),
        .init(
            id: "version changed", tampering: .changeVersion(position: 4, version: 9),
            firstBadPosition: 4, problemPrefix: "hash does not match"),
        .init(
            id: "cut-off tail", tampering: .deleteEvent(position: 5),
            firstBadPosition: 5, problemPrefix: "the log ends at position 4"),
    ]
}

/// The error the checks throw from closures to test rollback.
public struct Boom: Error, Equatable {
    /// The error.
    public init() {}
}
