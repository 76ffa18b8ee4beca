/// An amount of money in integer fen (1 yuan = 100 fen).
///
/// Arithmetic with `+` and `-` traps on overflow: amounts in the domain are bounded (loans are at
/// most 200,000.00 yuan, limits 1,000,000.00) so an overflow is a bug, never user input. User
/// input goes through ``Money/init(yuan:field:)``, which bounds the value first.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in fen.
    public let fen: Int64

    /// Creates an amount from fen.
    public init(fen: Int64) { self.fen = fen }

    /// Zero fen.
    public static let zero = Money(fen: 0)

    /// Whole yuan, e.g. `Money(yuanWhole: 10_000)` is 10,000.00.
    public static func yuan(_ whole: Int64) -> Money { Money(fen: whole * 100) }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }
    public static prefix func - (value: Money) -> Money { Money(fen: -value.fen) }

    /// True when the amount is above zero.
    public var isPositive: Bool { fen > 0 }
    /// True when the amount is zero.
    public var isZero: Bool { fen == 0 }

    /// `"899.75"`, `"-0.05"`, `"0.00"`: yuan with exactly two decimals, no grouping.
    public var description: String {
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        let whole = magnitude / 100
        let sign = fen < 0 ? "-" : ""
        return "\(sign)\(whole)." + (cents < 10 ? "0\(cents)" : "\(cents)")
    }

    /// The smaller of two amounts.
    public static func min(_ a: Money, _ b: Money) -> Money { a < b ? a : b }
    /// The larger of two amounts.
    public static func max(_ a: Money, _ b: Money) -> Money { a < b ? b : a }

    public init(from decoder: any Decoder) throws {
        fen = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fen)
    }
}

extension Sequence where Element == Money {
    /// The sum of the amounts.
    public func sum() -> Money { reduce(.zero, +) }
}
