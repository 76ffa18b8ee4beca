/// The cursor over a document's UTF-8 bytes that ``JSONParser`` drives.
struct JSONScanner {
    /// A container being filled, waiting for its next element.
    private enum Frame {
        case array([JSONValue])
        case object([(String, JSONValue)], keys: Set<String>, pendingKey: String)
    }

    let bytes: [UInt8]
    let depthMax: Int
    /// The offset of the next byte to read.
    var position = 0

    init(bytes: [UInt8], depthMax: Int) {
        self.bytes = bytes
        self.depthMax = depthMax
    }

    /// Parses one value with nested containers on an explicit stack: each pass of the outer
    /// loop reads one value or opens a container; the inner loop closes finished containers.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        var stack: [Frame] = []
        while true {
            skipWhitespace()
            var value: JSONValue
            if let opened = try openContainer(depth: stack.count + 1) {
                guard let frame = opened.frame else {
                    value = opened.empty
                    try closeFinished(&value, stack: &stack)
                    if stack.isEmpty { return value }
                    continue
                }
                stack.append(frame)
                continue
            }
            value = try parseScalar()
            try closeFinished(&value, stack: &stack)
            if stack.isEmpty { return value }
        }
    }

    /// After an opening bracket: `frame` to fill, or `nil` and the empty container.
    private mutating func openContainer(
        depth: Int
    ) throws(JSONParseError) -> (frame: Frame?, empty: JSONValue)? {
        let byte = peek()
        guard byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") else { return nil }
        guard depth <= depthMax else {
            throw JSONParseError(.tooDeep(depthMax: depthMax), offset: position)
        }
        position += 1
        skipWhitespace()
        if byte == UInt8(ascii: "[") {
            if peek() == UInt8(ascii: "]") {
                position += 1
                return (nil, .array([]))
            }
            return (.array([]), .null)
        }
        if peek() == UInt8(ascii: "}") {
            position += 1
            return (nil, .object([]))
        }
        let key = try parseKey()
        return (.object([], keys: [key], pendingKey: key), .null)
    }

    /// Adds `value` to the innermost container; while that completes a container, closes it
    /// and carries on with its parent. Returns when a container awaits its next element (a new
    /// frame is on the stack) or the stack is empty (`value` is the document).
    private mutating func closeFinished(
        _ value: inout JSONValue, stack: inout [Frame]
    ) throws(JSONParseError) {
        while let frame = stack.popLast() {
            skipWhitespace()
            let separator = peek()
            switch frame {
            case var .array(elements):
                elements.append(value)
                if separator == UInt8(ascii: ",") {
                    try skipComma(closing: "]")
                    stack.append(.array(elements))
                    return
                }
                try expect("]", orElse: "',' or ']'")
                value = .array(elements)
            case .object(var members, var keys, let key):
                members.append((key, value))
                if separator == UInt8(ascii: ",") {
                    try skipComma(closing: "}")
                    let keyOffset = position
                    let next = try parseKey()
                    guard keys.insert(next).inserted else {
                        throw JSONParseError(.duplicateKey(next), offset: keyOffset)
                    }
                    stack.append(.object(members, keys: keys, pendingKey: next))
                    return
                }
                try expect("}", orElse: "',' or '}'")
                value = .object(members)
            }
        }
    }

    /// Skips a comma and refuses a closing bracket right after it.
    private mutating func skipComma(closing: Unicode.Scalar) throws(JSONParseError) {
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: closing) {
            throw JSONParseError(.trailingComma, offset: position)
        }
    }

    /// `"key"` then `:`.
    private mutating func parseKey() throws(JSONParseError) -> String {
        guard peek() == UInt8(ascii: "\"") else {
            throw unexpected(expected: "a string key")
        }
        let key = try parseString()
        skipWhitespace()
        try expect(":", orElse: "':'")
        return key
    }

    private mutating func parseScalar() throws(JSONParseError) -> JSONValue {
        guard let byte = peek() else {
            throw JSONParseError(.unexpectedEnd, offset: position)
        }
        switch byte {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseInteger()
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        default: throw unexpected(expected: "a value")
        }
    }

    // MARK: - Helpers

    /// The byte at the cursor, or `nil` at the end.
    func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            position += 1
        }
    }

    mutating func expect(_ scalar: Unicode.Scalar, orElse expected: String) throws(JSONParseError) {
        guard peek() == UInt8(ascii: scalar) else {
            throw unexpected(expected: expected)
        }
        position += 1
    }

    private mutating func expectLiteral(_ literal: String) throws(JSONParseError) {
        for byte in literal.utf8 {
            guard peek() == byte else {
                throw unexpected(expected: "'\(literal)'")
            }
            position += 1
        }
    }

    /// The error for the byte at the cursor: the end of input, or a character not allowed here.
    func unexpected(expected: String) -> JSONParseError {
        guard let byte = peek() else {
            return JSONParseError(.unexpectedEnd, offset: position)
        }
        let found = (0x21...0x7E).contains(byte)
            ? "'\(Character(Unicode.Scalar(byte)))'"
            : "byte 0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
        return JSONParseError(.unexpectedCharacter(found: found, expected: expected),
                              offset: position)
    }
}
