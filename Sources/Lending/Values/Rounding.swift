/// Exact rational arithmetic helpers: every rounding in the domain goes through here.
public enum Rounding {
    /// `numerator / denominator` rounded half-up (ties away from zero for positive values).
    ///
    /// Inputs are exact integers at a fixed scale, so the only rounding is this one.
    /// - Precondition: `denominator > 0`, `numerator >= 0`.
    public static func halfUp(_ numerator: Int128, over denominator: Int128) -> Int64 {
        precondition(denominator > 0, "rounding denominator must be positive")
        precondition(numerator >= 0, "half-up rounding is defined here for non-negative values")
        let quotient = (numerator * 2 + denominator) / (denominator * 2)
        return Int64(quotient)
    }

    /// `amount × numerator / denominator` rounded half-up to the fen.
    public static func fen(_ amount: Money, times numerator: Int128, over denominator: Int128)
        -> Money
    {
        Money(fen: halfUp(Int128(amount.fen) * numerator, over: denominator))
    }
}
