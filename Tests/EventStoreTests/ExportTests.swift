import EventStore
import Foundation
import TestSupport
import Testing

@Suite("Export and import lines")
struct ExportTests {
    @Test("a line has the documented keys in order")
    func lineShape() {
        let event = RecordedEvent(
            position: 3, streamId: "s", version: 2,
            eventId: UUID(
                uuidString:
                    "00112233-4455-6677-8899-AABBCCDDEEFF")!, type: "T", schemaVersion: 1,
            effectiveDate: "2026-01-02", recordedAt: 5, data: Array(#"{"a":"b"}"#.utf8),
            metadata: Array("{}".utf8), hash: [0xab, 0x01])
        let line = String(decoding: EventLogExport.jsonLine(for: event), as: UTF8.self)
        #expect(
            line == #"{"position":3,"streamId":"s","version":2,"#
                + #""eventId":"00112233-4455-6677-8899-aabbccddeeff","type":"T","schemaVersion":1,"#
                + #""effectiveDate":"2026-01-02","recordedAt":5,"data":"{\"a\":\"b\"}","#
                + #""metadata":"{}","hash":"ab01"}"#)
    }

    struct HostileCase: Sendable, CustomTestStringConvertible {
        var id: String
        var line: String
        var field: String
        var testDescription: String { id }
    }

    static let valid =
        #"{"position":1,"streamId":"s","version":1,"#
        + #""eventId":"00112233-4455-6677-8899-aabbccddeeff","type":"T","schemaVersion":1,"#
        + #""effectiveDate":"2026-01-02","recordedAt":5,"data":"{}","metadata":"{}","#
        + #""hash":"\#(String(repeating: "0", count: 64))"}"#

    static let hostile: [HostileCase] = [
        .init(id: "empty", line: "", field: "line"),
        .init(id: "not JSON", line: "garbage", field: "line"),
        .init(id: "array", line: "[1,2]", field: "line"),
        .init(
            id: "missing key", line: valid.replacingOccurrences(of: #""type":"T","#, with: ""),
            field: "type"),
        .init(
            id: "wrong type",
            line: valid.replacingOccurrences(
                of: #""version":1"#, with: #""version":"1""#), field: "version"),
        .init(
            id: "huge number",
            line: valid.replacingOccurrences(
                of: #""recordedAt":5"#, with: #""recordedAt":99999999999999999999999"#),
            field: "line"),
        .init(
            id: "bad uuid",
            line: valid.replacingOccurrences(
                of: "00112233-4455", with: "zz112233-4455"), field: "eventId"),
        .init(
            id: "short hash",
            line: valid.replacingOccurrences(
                of: String(repeating: "0", count: 64), with: "00"), field: "hash"),
        .init(
            id: "null data",
            line: valid.replacingOccurrences(
                of: #""data":"{}""#, with: #""data":null"#), field: "data"),
        .init(
            id: "position 0",
            line: valid.replacingOccurrences(
                of: #""position":1"#, with: #""position":0"#), field: "position"),
        .init(id: "truncated", line: String(valid.prefix(40)), field: "line"),
    ]

    @Test("hostile lines throw a clear error naming the key", arguments: hostile)
    func hostileLines(testCase: HostileCase) throws {
        do {
            _ = try EventLogExport.parse(line: Array(testCase.line.utf8))
            Issue.record("accepted: \(testCase.line)")
        } catch EventStoreError.invalidInput(let field, _) {
            #expect(field == testCase.field)
        }
    }

    @Test("the valid template parses, so the hostile cases test one defect each")
    func validTemplate() throws {
        let event = try EventLogExport.parse(line: Array(Self.valid.utf8))
        #expect(event.position == 1)
        #expect(EventLogExport.jsonLine(for: event) == Array(Self.valid.utf8))
    }

    @Test("parseAll names the line number")
    func lineNumbers() {
        let text = Self.valid + "\n" + "oops\n"
        #expect(
            throws: EventStoreError.invalidInput(
                field: "line 2: line",
                rule: "is not valid JSON or out of range")
        ) {
            try EventLogExport.parseAll(Array(text.utf8))
        }
    }
}
