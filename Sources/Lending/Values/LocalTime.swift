/// A moment on the Asia/Shanghai wall clock: the business date and the minute of the day.
///
/// Shanghai is a fixed UTC+8 without daylight saving, so converting an instant is one addition.
/// Compliance rules (contact hours, calls per day) read this.
public struct LocalTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The Shanghai calendar date.
    public let date: BusinessDate
    /// Minutes since Shanghai midnight, 0…1439.
    public let minuteOfDay: Int64
    /// Seconds within the minute, 0…59 (kept so records are exact).
    public let second: Int64

    /// Shanghai's offset from UTC, in minutes.
    public static let shanghaiOffsetMinutes: Int64 = 8 * 60

    /// Creates a local time.
    public init(date: BusinessDate, minuteOfDay: Int64, second: Int64 = 0) {
        precondition(minuteOfDay >= 0 && minuteOfDay < 1440, "minute of day out of range")
        precondition(second >= 0 && second < 60, "second out of range")
        self.date = date
        self.minuteOfDay = minuteOfDay
        self.second = second
    }

    /// Converts seconds since 1970-01-01T00:00:00Z to Shanghai local time.
    public init(unixSeconds: Int64) {
        let local = unixSeconds + LocalTime.shanghaiOffsetMinutes * 60
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        self.init(
            date: BusinessDate(daysSinceEpoch: days),
            minuteOfDay: secondOfDay / 60, second: secondOfDay % 60)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    public var unixSeconds: Int64 {
        (date.daysSinceEpoch * 86_400 + minuteOfDay * 60 + second)
            - LocalTime.shanghaiOffsetMinutes * 60
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.unixSeconds < rhs.unixSeconds
    }

    /// RFC 3339 in Shanghai's offset: `2026-03-05T10:30:00+08:00`.
    public var description: String {
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(date)T\(two(minuteOfDay / 60)):\(two(minuteOfDay % 60)):\(two(second))+08:00"
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try LocalTime(rfc3339: text, field: "at")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
