import EventStore
import Foundation
import TestSupport
import Testing

@Suite("Anchors, keys and error classification")
struct ModelTests {
    @Test("an anchor round-trips through POSITION:HASH")
    func anchorParsing() throws {
        let head = ChainHead(position: 42, hash: (0..<32).map { UInt8($0 * 7 % 256) })
        #expect(try ChainHead(parsing: head.description) == head)
        #expect(try ChainHead(parsing: head.description.uppercased()) == head)
        for bad in [
            "", "42", "x:00", "-1:" + String(repeating: "0", count: 64), "1:abc",
            "1:" + String(repeating: "g", count: 64),
        ] {
            #expect(throws: EventStoreError.self) { try ChainHead(parsing: bad) }
        }
    }

    @Test("a key reads from hex and never prints itself")
    func keyFromHex() throws {
        let key = try ChainKey(hex: " 000102030405060708090a0b0c0d0e0f\n")
        #expect(key.bytes == Array(0...15))
        #expect("\(key)" == "ChainKey(16 bytes)")
        #expect(
            throws: EventStoreError.invalidInput(field: "key", rule: "must be hexadecimal digits")
        ) {
            try ChainKey(hex: "zz")
        }
    }

    struct ClassificationCase: Sendable, CustomTestStringConvertible {
        var error: EventStoreError
        var retryable: Bool
        var storage: Bool
        var testDescription: String { "\(error)" }
    }

    static let classification: [ClassificationCase] = [
        .init(
            error: .versionConflict(stream: "s", expected: .any, actual: 1),
            retryable: true, storage: false),
        .init(
            error: .sqlite(code: 5, message: "database is locked", sql: nil),
            retryable: true, storage: false),
        .init(
            error: .sqlite(code: 13, message: "database or disk is full", sql: nil),
            retryable: false, storage: true),
        .init(
            error: .sqlite(code: 8, message: "readonly", sql: nil),
            retryable: false, storage: true),
        .init(error: .schemaTooNew(found: 2, supported: 1), retryable: false, storage: true),
        .init(error: .invalidInput(field: "f", rule: "r"), retryable: false, storage: false),
        .init(error: .notAStore(path: "p"), retryable: false, storage: false),
    ]

    @Test("errors say whether to retry or report a storage failure", arguments: classification)
    func classify(testCase: ClassificationCase) {
        #expect(testCase.error.isRetryable == testCase.retryable)
        #expect(testCase.error.isStorageFailure == testCase.storage)
    }

    @Test("the temporary SQLite store helper keeps its file until released")
    func temporaryStore() throws {
        var temporary: TemporarySQLiteStore? = try TemporarySQLiteStore()
        let path = try #require(temporary?.path)
        try temporary?.store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1))
        #expect(FileManager.default.fileExists(atPath: path))
        temporary = nil
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
