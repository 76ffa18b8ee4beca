import CommandLineKit
import Testing

@Suite struct JSONParserTests {
    struct Accept: Sendable, CustomTestStringConvertible {
        let text: String
        let value: JSONValue
        var testDescription: String { text }
    }

    static let accepted: [Accept] = [
        Accept(text: "null", value: .null),
        Accept(text: " true ", value: true),
        Accept(text: "\t\r\nfalse\n", value: false),
        Accept(text: "0", value: 0),
        Accept(text: "-0", value: 0),
        Accept(text: "-12", value: -12),
        Accept(text: "9223372036854775807", value: .integer(.max)),
        Accept(text: "-9223372036854775808", value: .integer(.min)),
        Accept(text: #""""#, value: ""),
        Accept(text: #""a\"b\\c\/d\b\f\n\r\t""#, value: "a\"b\\c/d\u{08}\u{0C}\n\r\t"),
        Accept(text: #""\u0041\u00e9\u4E2D\u0000""#, value: "A\u{E9}\u{4E2D}\u{0}"),
        Accept(text: #""\ud83d\ude00""#, value: "\u{1F600}"),
        Accept(text: "\"借款 \u{1F600}\"", value: "借款 \u{1F600}"),
        Accept(text: "[]", value: []),
        Accept(text: "[ ]", value: []),
        Accept(text: "{}", value: [:]),
        Accept(text: " { } ", value: [:]),
        Accept(text: "[1, [2, [3, []]], {}]", value: [1, [2, [3, []]], [:]]),
        Accept(text: #"{"b": 1, "a": [true, null], "c": {"d": "e"}}"#,
               value: ["b": 1, "a": [true, .null], "c": ["d": "e"]]),
        Accept(text: #"[{"a":1},{"a":2}]"#, value: [["a": 1], ["a": 2]]),
        Accept(text: #"{"a":{"a":{}}}"#, value: ["a": ["a": [:]]]),
    ]

    @Test("Valid documents parse to their values", arguments: accepted)
    func accept(_ testCase: Accept) throws {
        #expect(try JSONParser().parse(testCase.text) == testCase.value)
    }

    struct Reject: Sendable, CustomTestStringConvertible {
        let text: String
        let reason: JSONParseError.Reason
        let offset: Int
        var testDescription: String { text }
    }

    static func character(_ found: String, _ expected: String) -> JSONParseError.Reason {
        .unexpectedCharacter(found: found, expected: expected)
    }

    static let rejected: [Reject] = [
        Reject(text: "", reason: .unexpectedEnd, offset: 0),
        Reject(text: "   ", reason: .unexpectedEnd, offset: 3),
        Reject(text: "[1,]", reason: .trailingComma, offset: 3),
        Reject(text: #"{"a":1,}"#, reason: .trailingComma, offset: 7),
        Reject(text: "[1 2]", reason: character("'2'", "',' or ']'"), offset: 3),
        Reject(text: "[,1]", reason: character("','", "a value"), offset: 1),
        Reject(text: "01", reason: .leadingZero, offset: 0),
        Reject(text: "-01", reason: .leadingZero, offset: 0),
        Reject(text: "-", reason: .unexpectedEnd, offset: 1),
        Reject(text: "-a", reason: character("'a'", "a digit"), offset: 1),
        Reject(text: "+1", reason: character("'+'", "a value"), offset: 0),
        Reject(text: "1.5", reason: .notAnInteger, offset: 0),
        Reject(text: "[1e3]", reason: .notAnInteger, offset: 1),
        Reject(text: "2E1", reason: .notAnInteger, offset: 0),
        Reject(text: "9223372036854775808", reason: .integerOutOfRange, offset: 0),
        Reject(text: "-9223372036854775809", reason: .integerOutOfRange, offset: 0),
        Reject(text: "99999999999999999999999", reason: .integerOutOfRange, offset: 0),
        Reject(text: "\"a\nb\"", reason: .controlCharacterInString, offset: 2),
        Reject(text: "\"\u{0}\"", reason: .controlCharacterInString, offset: 1),
        Reject(text: "\"tab\there\"", reason: .controlCharacterInString, offset: 4),
        Reject(text: #""\x""#, reason: .invalidEscape, offset: 1),
        Reject(text: #""\u12""#, reason: .invalidEscape, offset: 1),
        Reject(text: #""\u12G4""#, reason: .invalidEscape, offset: 1),
        Reject(text: #""\ud800""#, reason: .loneSurrogate, offset: 1),
        Reject(text: #""\ud800x""#, reason: .loneSurrogate, offset: 1),
        Reject(text: #""\ud800\u0041""#, reason: .loneSurrogate, offset: 1),
        Reject(text: #""\udc00""#, reason: .loneSurrogate, offset: 1),
        Reject(text: #""\ud800\ud800""#, reason: .loneSurrogate, offset: 1),
        Reject(text: #""abc"#, reason: .unexpectedEnd, offset: 4),
        Reject(text: #""\"#, reason: .unexpectedEnd, offset: 2),
        Reject(text: #"{"a":1,"a":2}"#, reason: .duplicateKey("a"), offset: 7),
        Reject(text: #"{"a" 1}"#, reason: character("'1'", "':'"), offset: 5),
        Reject(text: "{1:2}", reason: character("'1'", "a string key"), offset: 1),
        Reject(text: #"{"a":1 "b":2}"#, reason: character("'\"'", "',' or '}'"), offset: 7),
        Reject(text: "[1", reason: .unexpectedEnd, offset: 2),
        Reject(text: "{", reason: .unexpectedEnd, offset: 1),
        Reject(text: "tru", reason: .unexpectedEnd, offset: 3),
        Reject(text: "nul1", reason: character("'1'", "'null'"), offset: 3),
        Reject(text: "True", reason: character("'T'", "a value"), offset: 0),
        Reject(text: "1 2", reason: .trailingContent, offset: 2),
        Reject(text: "{} x", reason: .trailingContent, offset: 3),
        Reject(text: "\u{FEFF}1", reason: character("byte 0xef", "a value"), offset: 0),
        Reject(text: "[\u{0B}]", reason: character("byte 0x0b", "a value"), offset: 1),
        Reject(text: "'a'", reason: character("'''", "a value"), offset: 0),
        Reject(text: "NaN", reason: character("'N'", "a value"), offset: 0),
    ]

    @Test("Invalid documents are refused with the rule and the byte offset", arguments: rejected)
    func reject(_ testCase: Reject) {
        #expect(throws: JSONParseError(testCase.reason, offset: testCase.offset)) {
            try JSONParser().parse(testCase.text)
        }
    }

    @Test("Nesting deeper than the limit is refused without recursion")
    func depthLimit() throws {
        let parser = JSONParser(depthMax: 3)
        #expect(try parser.parse("[[[]]]") == [[[]]])
        #expect(try parser.parse(#"[{"a":[1]}]"#) == [["a": [1]]])
        #expect(throws: JSONParseError(.tooDeep(depthMax: 3), offset: 3)) {
            try parser.parse("[[[[]]]]")
        }
        // Far deeper than any call stack would survive, to show the parser uses no recursion.
        let deep = String(repeating: "[", count: 200_000)
        #expect(throws: JSONParseError(.tooDeep(depthMax: 64), offset: 64)) {
            try JSONParser().parse(deep)
        }
        let unlimited = JSONParser(depthMax: 300_000)
        #expect(throws: JSONParseError(.unexpectedEnd, offset: 200_000)) {
            try unlimited.parse(deep)
        }
    }

    @Test("A document longer than the size limit is refused")
    func sizeLimit() throws {
        let parser = JSONParser(byteCountMax: 8)
        #expect(try parser.parse(#""123456""#) == "123456")
        #expect(throws: JSONParseError(.tooLarge(byteCountMax: 8), offset: 8)) {
            try parser.parse(#""1234567""#)
        }
    }

    @Test("Messages name the rule and the offset", arguments: [
        (JSONParseError(.trailingComma, offset: 3),
         "trailing comma in JSON at byte 3 — a comma must be followed by another element"),
        (JSONParseError(.unexpectedCharacter(found: "'x'", expected: "a value"), offset: 0),
         "unexpected character 'x' in JSON at byte 0 — expected a value"),
        (JSONParseError(.notAnInteger, offset: 5),
         "number with a fraction or exponent in JSON at byte 5 — only integers are accepted"),
        (JSONParseError(.duplicateKey("loan"), offset: 9),
         "duplicate key 'loan' in a JSON object at byte 9 — keys must be unique"),
        (JSONParseError(.tooLarge(byteCountMax: 8), offset: 8),
         "JSON document too large — at most 8 bytes"),
        (JSONParseError(.invalidEscape, offset: 1),
         #"invalid escape in a JSON string at byte 1 — allowed: \" \\ \/ \b \f \n \r \t \uXXXX"#),
    ])
    func messages(error: JSONParseError, message: String) {
        #expect(error.description == message)
    }
}
