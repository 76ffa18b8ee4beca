extension LocalTime {
    /// Parses an RFC 3339 time with an offset (`2026-03-05T10:30:00+08:00`, `...Z`,
    /// `...T02:30:00.250-05:00`) and converts it to Shanghai time. Fractions of a second are
    /// accepted and dropped (compliance works in whole seconds).
    /// - Throws: ``LendingError/invalidInput(field:value:rule:)`` naming `field`.
    public init(rfc3339 text: String, field: String) throws(LendingError) {
        let rule = "must be a time with offset, e.g. 2026-03-05T10:30:00+08:00"
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { throw .invalid(field, text, rule) }
        let date = try BusinessDate(parsing: String(decoding: bytes[0..<10], as: UTF8.self),
                                    field: field)
        guard let hour = LocalTime.digits(bytes, 11..<13), let minute = LocalTime.digits(bytes, 14..<16),
            let second = LocalTime.digits(bytes, 17..<19), hour < 24, minute < 60, second < 60
        else { throw .invalid(field, text, rule) }
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            guard index > start, index - start <= 9 else { throw .invalid(field, text, rule) }
        }
        guard let offsetMinutes = LocalTime.offset(bytes[index...]) else {
            throw .invalid(field, text, rule)
        }
        let utc = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
            - offsetMinutes * 60
        self.init(unixSeconds: utc)
    }

    private static func digits(_ bytes: [UInt8], _ range: Range<Int>) -> Int64? {
        var value: Int64 = 0
        for byte in bytes[range] {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        return value
    }

    /// `Z`, `+HH:MM` or `-HH:MM` → minutes east of UTC.
    private static func offset(_ tail: ArraySlice<UInt8>) -> Int64? {
        let bytes = Array(tail)
        if bytes == [UInt8(ascii: "Z")] || bytes == [UInt8(ascii: "z")] { return 0 }
        guard bytes.count == 6, bytes[3] == UInt8(ascii: ":"),
            bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
            let hours = digits(bytes, 1..<3), let minutes = digits(bytes, 4..<6),
            hours <= 23, minutes <= 59
        else { return nil }
        let total = hours * 60 + minutes
        return bytes[0] == UInt8(ascii: "-") ? -total : total
    }
}
