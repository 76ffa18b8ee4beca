/// A daily interest rate, exact, with at most 6 decimal places (`0.0004` = 0.04 % a day).
///
/// Stored as millionths (`0.0004` → 400). The monthly rate is exactly `daily × 30`; the
/// annualised rate is `daily × 365` and may not exceed 36 % (the usury ceiling).
public struct DailyRate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The rate in millionths per day.
    public let millionths: Int64

    /// Millionths in one (the scale of ``millionths``).
    public static let scale: Int64 = 1_000_000
    /// The largest daily rate whose annualised rate is at most 36 %: 0.000986.
    public static let annualCeilingPercent: Int64 = 36

    /// Creates a rate from millionths per day.
    public init(millionths: Int64) { self.millionths = millionths }

    /// Parses a decimal such as `0.0004`.
    /// - Throws: ``LendingError/invalidInput(field:value:rule:)`` when malformed, zero or
    ///   negative, with more than 6 decimals, or above 36 % a year.
    public init(decimal text: String, field: String = "daily-rate") throws(LendingError) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let shape = "must be a decimal daily rate such as 0.0004"
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
            whole.count <= 3, whole.allSatisfy(\.isASCIIDigit)
        else { throw .invalid(field, text, shape) }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else {
            throw .invalid(field, text, shape)
        }
        guard fraction.count <= 6 else {
            throw .invalid(field, text, "must have at most 6 decimal places")
        }
        let padded = fraction + String(repeating: "0", count: 6 - fraction.count)
        let value = (Int64(whole) ?? 0) * DailyRate.scale + (Int64(padded) ?? 0)
        guard value > 0 else { throw .invalid(field, text, "must be above zero") }
        let rate = DailyRate(millionths: value)
        guard rate.isWithinUsuryCeiling else {
            throw .invalid(field, text, "annualised rate (daily × 365) must not exceed 36%")
        }
        self = rate
    }

    /// True when `daily × 365 ≤ 36 %`, compared exactly.
    public var isWithinUsuryCeiling: Bool {
        millionths * 365 * 100 <= DailyRate.annualCeilingPercent * DailyRate.scale
    }

    public static func < (lhs: DailyRate, rhs: DailyRate) -> Bool {
        lhs.millionths < rhs.millionths
    }

    /// The exact decimal, trailing zeros removed: `0.0004`.
    public var description: String { DecimalText.format(millionths, scaleDigits: 6) }

    /// Encoded as its decimal string (never through a binary floating point).
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try DailyRate(decimal: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
