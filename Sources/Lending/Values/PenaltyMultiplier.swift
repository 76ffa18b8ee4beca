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

    /// Parses a decimal such as `1.5` (at most 2 decimal places, not negative).
    ///
    /// Decoding goes through here, so a damaged record throws instead of trapping.
    /// - Throws: ``LendingError/invalidInput(field:value:rule:)`` naming `field`.
    public init(decimal text: String, field: String = "penalty-multiplier") throws(LendingError) {
        let rule = "must be a decimal with at most 2 decimal places, e.g. 1.5"
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 4,
            whole.allSatisfy(\.isASCIIDigit)
        else { throw .invalid(field, text, rule) }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.count <= 2,
            fraction.allSatisfy(\.isASCIIDigit)
        else { throw .invalid(field, text, rule) }
        let padded = fraction + String(repeating: "0", count: 2 - fraction.count)
        self.init(hundredths: (Int64(whole) ?? 0) * 100 + (Int64(padded) ?? 0))
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try PenaltyMultiplier(decimal: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
