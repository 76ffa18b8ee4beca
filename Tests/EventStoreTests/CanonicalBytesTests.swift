import Foundation
import Testing

import EventStore
import StoreConformance

@Suite("Canonical bytes and hash chain")
struct CanonicalBytesTests {
    /// The fixed event whose bytes and hashes are pinned (shared with the store checks).
    static let golden = ConformanceFixtures.golden

    @Test("canonical bytes are length-prefixed fields in the fixed order")
    func goldenBytes() {
        let expected =
            "0000000800000000000000010000000b637573746f6d65722d43310000000800000000"
            + "00000001000000100011223344" + "5566778899aabbccddeeff000000104372656469744c696e"
            + "654f70656e65640000000800000000000000010000000a32"
            + "3032362d30332d30350000000800064c3b9e20e000000000137b226c696d6974223a2235303030"
            + "2e3030227d0000000f" + "7b226163746f72223a226f7073227d"
        let bytes = CanonicalBytes.of(Self.golden)
        #expect(bytes.count == 159)
        #expect(bytes.hexString == expected)
    }

    @Test("hash = SHA-256(genesis ‖ canonical bytes)")
    func goldenHash() throws {
        let hash = try ChainHasher(key: nil).hash(previous: ChainHasher.genesis, event: Self.golden)
        #expect(
            hash.hexString == "1f5e7a22a7b1fd16f05600b55af286f770e1bb6423b131b879fa5855fffa2515")
    }

    @Test("with a key, hash = HMAC-SHA-256(key, genesis ‖ canonical bytes)")
    func goldenHMAC() throws {
        let key = try ChainKey(bytes: Array("0123456789abcdef0123456789abcdef".utf8))
        let hash = try ChainHasher(key: key).hash(previous: ChainHasher.genesis, event: Self.golden)
        #expect(
            hash.hexString == "eb77859908e3b5a1376c44def1b113a924279103f0150f181ee00acede86005c")
    }

    @Test("a key shorter than 16 bytes is refused")
    func shortKey() {
        #expect(
            throws: EventStoreError.invalidInput(field: "key", rule: "must be at least 16 bytes")
        ) {
            try ChainKey(bytes: Array(repeating: 1, count: 15))
        }
    }
}

@Suite("Derived event ids")
struct EventIdsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var id: UUID
        var expected: String
        var testDescription: String { expected }
    }

    /// Expected values from Python: uuid.uuid5(UUID('512c3b00-…'), name).
    static let cases: [Case] = [
        .init(
            id: EventIds.derived(requestId: "req-42", stream: "customer-C1", index: 0),
            expected: "9fa3c18d-b108-5bf7-b71b-21ea9da62c9e"),
        .init(
            id: EventIds.derived(name: "C1|L1|2026-03-05|InstallmentOverdue"),
            expected: "3f8d742b-bfae-58aa-84dd-4cd5ff97d91a"),
        .init(
            id: EventIds.derived(requestId: "req-é", stream: "customer-C2", index: 17),
            expected: "d9e8d783-8075-50aa-a40b-3bda27b07ef0"),
    ]

    @Test("ids are RFC 9562 version-5 UUIDs in the LoanLedger namespace", arguments: cases)
    func matchesPython(testCase: Case) {
        #expect(testCase.id.uuidString.lowercased() == testCase.expected)
    }

    @Test("the namespace is uuid5(NAMESPACE_URL, 'urn:loanledger:event-id')")
    func namespace() {
        #expect(
            EventIds.namespace.uuidString.lowercased() == "512c3b00-9985-5686-a471-e47ff76854d7")
    }

    @Test("different index, stream or request gives a different id")
    func distinct() {
        let ids: Set<UUID> = [
            EventIds.derived(requestId: "r", stream: "s", index: 0),
            EventIds.derived(requestId: "r", stream: "s", index: 1),
            EventIds.derived(requestId: "r", stream: "t", index: 0),
            EventIds.derived(requestId: "q", stream: "s", index: 0),
        ]
        #expect(ids.count == 4)
    }
}

@Suite("Store limits")
struct LimitsTests {
    @Test("limits are consistent with each other")
    func relations() {
        #expect(EventStoreLimits.verifyBatchCount <= EventStoreLimits.readBatchMax)
        #expect(EventStoreLimits.eventsPerAppendMax <= EventStoreLimits.readBatchMax)
        #expect(
            EventStoreLimits.dataBytesMax + EventStoreLimits.metadataBytesMax
                <= EventStoreLimits.appendBytesMax)
        #expect(
            EventStoreLimits.exportLineBytesMax
                >= 6 * (EventStoreLimits.dataBytesMax + EventStoreLimits.metadataBytesMax))
        #expect(EventStoreLimits.keyBytesMax >= EventStoreLimits.streamIdBytesMax)
        // Canonical fields carry UInt32 lengths.
        #expect(EventStoreLimits.appendBytesMax < Int(UInt32.max))
        #expect(EventStoreLimits.busyTimeoutMillisecondsDefault > 0)
    }
}
