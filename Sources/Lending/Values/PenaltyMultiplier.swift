/// The penalty daily rate as a multiple of the daily rate, in hundredths (1.5 → 150).
///
/// A contractual term recorded in `LoanDisbursed`; the product default is 1.5.
public struct PenaltyMultiplier: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The multiplier in hundredths.
    public let hundredths: Int64

    /// The product default, 1.5.
    public static let standard = PenaltyMultiplier(hundredths: 150)

    /// Creates a multiplier from hundredths.
    public init(hundredths: Int64) {
        precondition(hundredths >= 0, "a penalty multiplier is never negative")
        self.hundredths = hundredths
    }

    /// `"1.5"`.
    public var description: String { DecimalText.format(hundredths, scaleDigits: 2) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: ".")
        let whole = Int64(parts.first ?? "") ?? 0
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        fraction += String(repeating: "0", count: max(0, 2 - fraction.count))
        self.init(hundredths: whole * 100 + (Int64(fraction.prefix(2)) ?? 0))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
