/// A business day on the Asia/Shanghai calendar (proleptic Gregorian), without a time.
///
/// Stored as days since 1970-01-01, so comparison and day arithmetic are integer operations.
/// Encoded as `YYYY-MM-DD`.
public struct BusinessDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let daysSinceEpoch: Int64

    /// Creates a date from days since 1970-01-01.
    public init(daysSinceEpoch: Int64) { self.daysSinceEpoch = daysSinceEpoch }

    /// Creates a date from a valid civil date.
    /// - Precondition: the date exists (use ``init(parsing:field:)`` for input).
    public init(year: Int64, month: Int64, day: Int64) {
        precondition(month >= 1 && month <= 12, "month out of range")
        precondition(day >= 1 && day <= BusinessDate.daysIn(year: year, month: month), "no such day")
        daysSinceEpoch = BusinessDate.days(fromCivil: year, month, day)
    }

    public static func < (lhs: BusinessDate, rhs: BusinessDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    /// The civil year, month and day.
    public var civil: (year: Int64, month: Int64, day: Int64) {
        BusinessDate.civil(fromDays: daysSinceEpoch)
    }

    /// The date `count` days later (earlier when negative).
    public func adding(days count: Int64) -> BusinessDate {
        BusinessDate(daysSinceEpoch: daysSinceEpoch + count)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: BusinessDate) -> Int64 {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// The same day of the month `count` months later, or that month's last day where the day
    /// does not exist (Jan 31 + 1 month → Feb 28 or 29).
    public func adding(months count: Int64) -> BusinessDate {
        let (year, month, day) = civil
        let monthIndex = year * 12 + (month - 1) + count
        let newYear = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
        let newMonth = monthIndex - newYear * 12 + 1
        let newDay = Swift.min(day, BusinessDate.daysIn(year: newYear, month: newMonth))
        return BusinessDate(year: newYear, month: newMonth, day: newDay)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = civil
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: Swift.max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try BusinessDate(parsing: text, field: "date")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

// MARK: - Calendar arithmetic

extension BusinessDate {
    /// True for Gregorian leap years.
    public static func isLeap(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month.
    public static func daysIn(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for every Gregorian date.
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

// MARK: - Parsing

extension BusinessDate {
    /// Parses a strict `YYYY-MM-DD` (four-digit year 1900–9999; the day must exist).
    /// - Throws: ``LendingError/invalidInput(field:value:rule:)`` naming `field`.
    public init(parsing text: String, field: String) throws(LendingError) {
        let bytes = Array(text.utf8)
        let rule = "must be a date YYYY-MM-DD"
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
        else { throw .invalid(field, text, rule) }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
            throw .invalid(field, text, rule)
        }
        guard year >= 1900, month >= 1, month <= 12, day >= 1,
            day <= BusinessDate.daysIn(year: year, month: month)
        else { throw .invalid(field, text, "is not a calendar date") }
        self.init(year: year, month: month, day: day)
    }
}
