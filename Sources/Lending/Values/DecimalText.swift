/// Formatting of fixed-scale integers as decimal text.
enum DecimalText {
    /// `format(400, scaleDigits: 6)` → `"0.0004"`; `format(1_500_000, 6)` → `"1.5"`.
    static func format(_ value: Int64, scaleDigits: Int) -> String {
        precondition(value >= 0, "decimal text is formatted for non-negative values")
        var scale: Int64 = 1
        for _ in 0..<scaleDigits { scale *= 10 }
        let whole = value / scale
        var fraction = String(value % scale)
        fraction = String(repeating: "0", count: scaleDigits - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)"
    }
}
