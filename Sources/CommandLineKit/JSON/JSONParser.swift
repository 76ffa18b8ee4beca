/// A strict RFC 8259 parser producing ``JSONValue``, with limits on depth and size.
///
/// Strictness: no trailing commas, no leading zeros, no raw control characters in strings, no
/// lone surrogates in `\u` escapes, no repeated object keys, nothing but whitespace after the
/// document. Numbers: only integers that fit in `Int64` are accepted; a fraction or exponent is
/// refused with ``JSONParseError/Reason/notAnInteger`` (there is no floating-point case, so no
/// value can be silently rounded). `-0` reads as `0`.
///
/// The parser is iterative (an explicit stack, no recursion), so its work is bounded by
/// ``byteCountMax`` and its memory by ``depthMax`` and the input.
///
/// ```swift
/// let value = try JSONParser().parse(#"{"loan": "L-7", "term": 12}"#)
/// ```
public struct JSONParser: Sendable {
    /// The deepest nesting of arrays and objects accepted; the top-level container is level 1.
    public let depthMax: Int
    /// The longest document accepted, in UTF-8 bytes.
    public let byteCountMax: Int

    /// Creates a parser.
    ///
    /// - Parameters:
    ///   - depthMax: Nesting limit; 64 by default, far beyond any document loanctl writes.
    ///   - byteCountMax: Size limit in UTF-8 bytes; 16 MiB by default.
    public init(depthMax: Int = 64, byteCountMax: Int = 16 << 20) {
        precondition(depthMax >= 1, "depthMax must be at least 1")
        precondition(byteCountMax >= 1, "byteCountMax must be at least 1")
        self.depthMax = depthMax
        self.byteCountMax = byteCountMax
    }

    /// Parses one JSON document.
    ///
    /// - Parameter text: The document; surrounding whitespace is allowed.
    /// - Returns: The value.
    /// - Throws: ``JSONParseError``, with the byte offset and one ``JSONParseError/Reason``.
    /// - Complexity: O(*n*) in the length of `text`, plus O(*k*) per key for the duplicate check.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        let bytes = Array(text.utf8)
        guard bytes.count <= byteCountMax else {
            throw JSONParseError(.tooLarge(byteCountMax: byteCountMax), offset: byteCountMax)
        }
        var scanner = JSONScanner(bytes: bytes, depthMax: depthMax)
        let value = try scanner.parseDocument()
        scanner.skipWhitespace()
        if scanner.position < bytes.count {
            throw JSONParseError(.trailingContent, offset: scanner.position)
        }
        return value
    }
}
