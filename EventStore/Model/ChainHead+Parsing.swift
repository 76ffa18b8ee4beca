extension ChainHead {
    /// Reads an anchor in its `POSITION:HEXHASH` form (as printed by ``description``).
    ///
    /// ```swift
    /// let anchor = try ChainHead(parsing: "1042:9f86d081884c7d659a2feaa0c55ad015…")
    /// ```
    /// - Parameter text: A position ≥ 0, a colon, and 64 lower- or upper-case hex digits.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` with field `expect-head`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let position = Int64(parts[0]), position >= 0,
            let hash = HexBytes.decode(String(parts[1]).lowercased()), hash.count == 32
        else {
            throw EventStoreError.invalidInput(
                field: "expect-head",
                rule: "must be POSITION:HASH with a position ≥ 0 and "
                    + "64 hexadecimal digits, got '\(text)'")
        }
        self.init(position: position, hash: hash)
    }
}

/// Lower-case hexadecimal decoding (the inverse of `hexString`).
enum HexBytes {
    /// The bytes of an even-length string of `0-9a-f`, or nil.
    static func decode(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else {
                return nil
            }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
