/// The penalty daily rate, exact: daily rate × multiplier (millionths × hundredths / 10^8).
struct PenaltyRate: Sendable, Hashable {
    let numerator: Int128
    static let denominator = Int128(DailyRate.scale) * 100

    init(terms: LoanTerms) {
        numerator = Int128(terms.dailyRate.millionths) * Int128(terms.penaltyMultiplier.hundredths)
    }

    /// round(principal × rate × days), half-up: the penalty of one stretch.
    func penalty(on principal: Money, days: Int64) -> Money {
        guard days > 0, principal.isPositive else { return .zero }
        return Rounding.fen(
            principal, times: numerator * Int128(days), over: PenaltyRate.denominator)
    }
}
