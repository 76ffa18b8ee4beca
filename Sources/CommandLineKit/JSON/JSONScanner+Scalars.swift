// MARK: - Strings and numbers

extension JSONScanner {
    /// A string from its opening quote to its closing one, escapes decoded.
    ///
    /// The input is a Swift `String`, hence valid UTF-8, and escapes add only valid scalars,
    /// so the collected bytes always decode without replacement.
    mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw JSONParseError(.unexpectedEnd, offset: position)
            }
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let scalar = try parseEscape()
                buffer.append(contentsOf: Array(String(scalar).utf8))
            case 0x00..<0x20:
                throw JSONParseError(.controlCharacterInString, offset: position)
            default:
                buffer.append(byte)
                position += 1
            }
        }
    }

    /// One escape after a backslash, including a `\uD8xx\uDCxx` surrogate pair.
    private mutating func parseEscape() throws(JSONParseError) -> Unicode.Scalar {
        let start = position
        position += 1
        guard let byte = peek() else {
            throw JSONParseError(.unexpectedEnd, offset: position)
        }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): break
        default: throw JSONParseError(.invalidEscape, offset: start)
        }
        let unit = try parseHex4(escapeStart: start)
        if let scalar = Unicode.Scalar(unit) {
            return scalar
        }
        // A surrogate: only a high one followed by an escaped low one makes a scalar.
        let isHigh = (0xD800...0xDBFF).contains(unit)
        guard isHigh, bytes[position...].starts(with: Array("\\u".utf8)) else {
            throw JSONParseError(.loneSurrogate, offset: start)
        }
        position += 2
        let low = try parseHex4(escapeStart: position - 2)
        guard (0xDC00...0xDFFF).contains(low) else {
            throw JSONParseError(.loneSurrogate, offset: start)
        }
        let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        return Unicode.Scalar(value)!  // in U+10000...U+10FFFF by construction
    }

    private mutating func parseHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = JSONScanner.hexValue(byte) else {
                throw JSONParseError(.invalidEscape, offset: escapeStart)
            }
            unit = unit << 4 | digit
            position += 1
        }
        return unit
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// `-?(0|[1-9][0-9]*)` fitting in `Int64`; a fraction or exponent is refused.
    mutating func parseInteger() throws(JSONParseError) -> JSONValue {
        let start = position
        let isNegative = peek() == UInt8(ascii: "-")
        if isNegative {
            position += 1
        }
        guard let first = peek(), JSONScanner.isDigit(first) else {
            throw unexpected(expected: "a digit")
        }
        if first == UInt8(ascii: "0"), position + 1 < bytes.count,
           JSONScanner.isDigit(bytes[position + 1]) {
            throw JSONParseError(.leadingZero, offset: start)
        }
        // Accumulate on the negative side so that Int64.min is reachable.
        var total: Int64 = 0
        var isOverflow = false
        while let byte = peek(), JSONScanner.isDigit(byte) {
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (times, overflowTimes) = total.multipliedReportingOverflow(by: 10)
            let (next, overflowMinus) = times.subtractingReportingOverflow(digit)
            isOverflow = isOverflow || overflowTimes || overflowMinus
            total = next
            position += 1
        }
        let fractionOrExponent = [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")]
        if let byte = peek(), fractionOrExponent.contains(byte) {
            throw JSONParseError(.notAnInteger, offset: start)
        }
        if isOverflow || (!isNegative && total == .min) {
            throw JSONParseError(.integerOutOfRange, offset: start)
        }
        return .integer(isNegative ? total : -total)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
