extension Money {
    /// The largest amount accepted from input: 10,000,000,000.00 yuan.
    ///
    /// Far above every product bound (checked separately with the rule's own message), low
    /// enough that sums of many such amounts cannot overflow Int64 fen.
    public static let inputMax = Money(fen: 1_000_000_000_000)

    /// Parses yuan with at most two decimals: `10000`, `899.75`, `0.5`.
    ///
    /// Rejected: empty, signs, exponents, grouping separators, more than two decimals, a bare
    /// `.`, and amounts above ``inputMax``. Zero is accepted here; callers that need a positive
    /// amount check it with their own rule.
    /// - Parameters:
    ///   - text: The amount as typed.
    ///   - field: The field name used in the error, e.g. `amount`.
    /// - Throws: ``LendingError/invalidInput(field:value:rule:)``.
    public init(yuan text: String, field: String) throws(LendingError) {
        let rule = "must be yuan with at most 2 decimals, e.g. 899.75"
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholePart = parts.first, !wholePart.isEmpty else {
            throw .invalid(field, text, rule)
        }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty else { throw .invalid(field, text, rule) }
        guard fraction.count <= 2 else {
            throw .invalid(field, text, "must have at most 2 decimal places")
        }
        guard wholePart.count <= 13, wholePart.allSatisfy(\.isASCIIDigit),
            fraction.allSatisfy(\.isASCIIDigit)
        else { throw .invalid(field, text, rule) }
        let whole = Int64(wholePart) ?? 0
        var cents = Int64(fraction) ?? 0
        if fraction.count == 1 { cents *= 10 }
        let fen = whole * 100 + cents
        guard fen <= Money.inputMax.fen else {
            throw .invalid(field, text, "must be at most \(Money.inputMax)")
        }
        self.init(fen: fen)
    }
}

extension Character {
    /// True for `0`…`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) && unicodeScalars.count == 1 }
}
