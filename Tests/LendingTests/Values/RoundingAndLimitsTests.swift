import Testing
import Lending

@Suite struct RoundingAndLimitsTests {
    @Test("Half-up rounding: exact halves go up, everything below half goes down", arguments: [
        (5, 10, 1), (4, 10, 0), (15, 10, 2), (14, 10, 1), (0, 7, 0), (7, 7, 1), (1, 3, 0), (2, 3, 1),
    ] as [(Int64, Int64, Int64)])
    func halfUp(numerator: Int64, denominator: Int64, expected: Int64) {
        #expect(Rounding.halfUp(Int128(numerator), over: Int128(denominator)) == expected)
    }

    @Test("Rounding an amount by a rate: 779.75 × 0.0006 × 4 = 1.8714 → 1.87")
    func fenTimesRate() {
        let value = Rounding.fen(Money(fen: 77_975), times: 400 * 150 * 4, over: 100_000_000)
        #expect(value == Money(fen: 187))
    }

    @Test("The product limits are consistent with each other")
    func limits() {
        #expect(LendingLimits.principalMin < LendingLimits.principalMax)
        #expect(LendingLimits.principalMax <= LendingLimits.creditLimitMax)
        #expect(LendingLimits.disbursementTermsMonths == [3, 6, 9, 12])
        #expect(LendingLimits.disbursementTermsMonths.allSatisfy {
            $0 <= LendingLimits.installmentCountMax
        })
        #expect(LendingLimits.restructureTermMonthsMax == LendingLimits.installmentCountMax)
        #expect(LendingLimits.restructureTermMonthsMin >= 1)
        #expect(LendingLimits.graceDaysDefault >= LendingLimits.graceDaysMin)
        #expect(LendingLimits.graceDaysDefault <= LendingLimits.graceDaysMax)
        #expect(LendingLimits.creditLimitMax < Money.inputMax)
    }

    @Test("Identifiers: 1-64 characters of A-Z a-z 0-9 - _ . :", arguments: [
        ("L-7", true), ("PAY-20260305-1", true), ("ops.wang", true), ("system:eod", true),
        ("a_b", true), ("", false), ("has space", false), ("中文", false), ("x/y", false),
        (String(repeating: "a", count: 64), true), (String(repeating: "a", count: 65), false),
    ] as [(String, Bool)])
    func identifiers(text: String, valid: Bool) {
        #expect(LoanID.isValid(text) == valid)
        #expect(((try? LoanID(text)) != nil) == valid)
    }
}

@Suite struct PenaltyMultiplierTests {
    @Test("Penalty multipliers parse as decimals with at most 2 places; others are rejected",
          arguments: [
              ("1.5", 150), ("1.50", 150), ("2", 200), ("0", 0), ("1.25", 125),
              ("1.555", nil), ("-1.5", nil), ("", nil), ("1.", nil), ("x", nil),
          ] as [(String, Int64?)])
    func parse(text: String, hundredths: Int64?) {
        #expect((try? PenaltyMultiplier(decimal: text))?.hundredths == hundredths)
        #expect(PenaltyMultiplier.standard.description == "1.5")
    }
}
