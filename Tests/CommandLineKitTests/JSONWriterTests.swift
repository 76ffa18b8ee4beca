import CommandLineKit
import Testing

@Suite struct JSONWriterTests {
    /// Every control character and its escape, written out (RFC 8785 section 3.2.2.2).
    static let controlCharacters: [(UInt32, String)] = [
        (0x00, #"\u0000"#),
        (0x01, #"\u0001"#),
        (0x02, #"\u0002"#),
        (0x03, #"\u0003"#),
        (0x04, #"\u0004"#),
        (0x05, #"\u0005"#),
        (0x06, #"\u0006"#),
        (0x07, #"\u0007"#),
        (0x08, #"\b"#),
        (0x09, #"\t"#),
        (0x0A, #"\n"#),
        (0x0B, #"\u000b"#),
        (0x0C, #"\f"#),
        (0x0D, #"\r"#),
        (0x0E, #"\u000e"#),
        (0x0F, #"\u000f"#),
        (0x10, #"\u0010"#),
        (0x11, #"\u0011"#),
        (0x12, #"\u0012"#),
        (0x13, #"\u0013"#),
        (0x14, #"\u0014"#),
        (0x15, #"\u0015"#),
        (0x16, #"\u0016"#),
        (0x17, #"\u0017"#),
        (0x18, #"\u0018"#),
        (0x19, #"\u0019"#),
        (0x1A, #"\u001a"#),
        (0x1B, #"\u001b"#),
        (0x1C, #"\u001c"#),
        (0x1D, #"\u001d"#),
        (0x1E, #"\u001e"#),
        (0x1F, #"\u001f"#),
    ]

    @Test("Every control character is escaped", arguments: controlCharacters)
    func controlCharacter(scalar: UInt32, escape: String) {
        let text = String(Unicode.Scalar(scalar)!)
        #expect(JSONWriter.write(.string("a" + text + "b"), pretty: false)
                == "\"a" + escape + "b\"\n")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let id: String
        let value: String
        let json: String
        var testDescription: String { id }
    }

    static let strings: [Case] = [
        Case(id: "quote", value: "say \"hi\"", json: #""say \"hi\"""#),
        Case(id: "backslash", value: #"C:\dir"#, json: #""C:\\dir""#),
        Case(id: "slash is not escaped", value: "a/b", json: #""a/b""#),
        Case(id: "DEL is not escaped", value: "\u{7F}", json: "\"\u{7F}\""),
        Case(id: "accented letter as UTF-8", value: "caf\u{E9}", json: "\"caf\u{E9}\""),
        Case(id: "CJK as UTF-8", value: "借款", json: "\"借款\""),
        Case(id: "astral scalar as UTF-8", value: "\u{1F600}", json: "\"\u{1F600}\""),
        Case(id: "line separator as UTF-8", value: "\u{2028}", json: "\"\u{2028}\""),
        Case(id: "empty string", value: "", json: #""""#),
    ]

    @Test("Strings are escaped as RFC 8785 does", arguments: strings)
    func string(_ testCase: Case) {
        #expect(JSONWriter.write(.string(testCase.value), pretty: false) == testCase.json + "\n")
    }

    static let document: JSONValue = [
        "loan": "L-7",
        "amount": "899.75",
        "term": 12,
        "restructured": false,
        "closedOn": .null,
        "schedule": [["number": 1, "dueDate": "2026-04-05"], ["number": 2]],
        "tags": [],
        "totals": [:],
        "extremes": [.integer(.min), .integer(.max), -1, 0],
    ]

    @Test("Compact form keeps key order and has no whitespace")
    func compact() {
        let expected = #"{"loan":"L-7","amount":"899.75","term":12,"restructured":false,"#
            + #""closedOn":null,"schedule":[{"number":1,"dueDate":"2026-04-05"},{"number":2}],"#
            + #""tags":[],"totals":{},"extremes":[-9223372036854775808,9223372036854775807,-1,0]}"#
            + "\n"
        #expect(JSONWriter.write(Self.document, pretty: false) == expected)
    }

    @Test("Pretty form indents by two spaces and keeps key order")
    func pretty() {
        let expected = """
            {
              "loan": "L-7",
              "amount": "899.75",
              "term": 12,
              "restructured": false,
              "closedOn": null,
              "schedule": [
                {
                  "number": 1,
                  "dueDate": "2026-04-05"
                },
                {
                  "number": 2
                }
              ],
              "tags": [],
              "totals": {},
              "extremes": [
                -9223372036854775808,
                9223372036854775807,
                -1,
                0
              ]
            }

            """
        #expect(JSONWriter.write(Self.document, pretty: true) == expected)
    }

    @Test("Scalars at the top level", arguments: [
        (JSONValue.null, "null"), (.bool(true), "true"), (.integer(-42), "-42"),
        (.string("x"), #""x""#),
    ])
    func topLevelScalar(value: JSONValue, json: String) {
        #expect(JSONWriter.write(value, pretty: false) == json + "\n")
        #expect(JSONWriter.write(value, pretty: true) == json + "\n")
    }
}
