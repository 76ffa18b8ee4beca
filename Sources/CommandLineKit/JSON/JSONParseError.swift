/// Why ``JSONParser`` refused a document, and at which byte (UTF-8 offset, from 0).
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The rule the document broke.
    public enum Reason: Equatable, Sendable {
        /// The text ended inside a value, or was empty.
        case unexpectedEnd
        /// A character that the grammar does not allow here; `found` is shown, `expected` says
        /// what would have been allowed.
        case unexpectedCharacter(found: String, expected: String)
        /// A comma right before `]` or `}`.
        case trailingComma
        /// A number with a leading zero, such as `01`.
        case leadingZero
        /// A number with a fraction or an exponent: only integers are accepted.
        case notAnInteger
        /// An integer outside the 64-bit signed range.
        case integerOutOfRange
        /// A character below U+0020 written raw inside a string.
        case controlCharacterInString
        /// A backslash followed by something other than `" \ / b f n r t u` and four hex digits.
        case invalidEscape
        /// A `\u` escape of a UTF-16 surrogate that is not part of a high-low pair.
        case loneSurrogate
        /// An object key given twice.
        case duplicateKey(String)
        /// Arrays and objects nested deeper than the parser's limit.
        case tooDeep(depthMax: Int)
        /// A document longer than the parser's limit, in UTF-8 bytes.
        case tooLarge(byteCountMax: Int)
        /// Something other than whitespace after the document.
        case trailingContent
    }

    /// The rule the document broke.
    public let reason: Reason
    /// The UTF-8 byte offset where the problem was found.
    public let offset: Int

    /// Creates an error; ``JSONParser`` builds these.
    ///
    /// - Parameters:
    ///   - reason: The rule broken.
    ///   - offset: The UTF-8 byte offset.
    public init(_ reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// One line: what was found where, an em dash, and the rule.
    public var description: String {
        let at = "at byte \(offset)"
        switch reason {
        case .unexpectedEnd:
            return "JSON ends unexpectedly \(at) — a value is incomplete"
        case let .unexpectedCharacter(found, expected):
            return "unexpected character \(found) in JSON \(at) — expected \(expected)"
        case .trailingComma:
            return "trailing comma in JSON \(at) — a comma must be followed by another element"
        case .leadingZero:
            return "number with a leading zero in JSON \(at) — write integers without one"
        case .notAnInteger:
            return "number with a fraction or exponent in JSON \(at) — only integers are accepted"
        case .integerOutOfRange:
            return "integer in JSON \(at) is out of range — it must fit in 64 bits"
        case .controlCharacterInString:
            return "raw control character in a JSON string \(at) — it must be escaped"
        case .invalidEscape:
            return "invalid escape in a JSON string \(at) — allowed: \\\" \\\\ \\/ \\b \\f \\n"
                + " \\r \\t \\uXXXX"
        case .loneSurrogate:
            return "lone UTF-16 surrogate in a JSON string \(at) — surrogates come in pairs"
        case let .duplicateKey(key):
            return "duplicate key '\(key)' in a JSON object \(at) — keys must be unique"
        case let .tooDeep(depthMax):
            return "JSON nested too deeply \(at) — at most \(depthMax) levels"
        case let .tooLarge(byteCountMax):
            return "JSON document too large — at most \(byteCountMax) bytes"
        case .trailingContent:
            return "unexpected content after the JSON document \(at) — one document only"
        }
    }
}
