import Testing
import Lending

@Suite struct DailyRateTests {
    struct RateCase: Sendable, CustomTestStringConvertible {
        var text: String
        var millionths: Int64?
        var testDescription: String { "'\(text)'" }
    }

    static let cases: [RateCase] = [
        RateCase(text: "0.0004", millionths: 400),
        RateCase(text: "0.000986", millionths: 986),   // 35.989 % a year: allowed
        RateCase(text: "0.000987", millionths: nil),   // 36.0255 % a year: over the ceiling
        RateCase(text: "0.000001", millionths: 1),
        RateCase(text: "0.0000001", millionths: nil),  // 7 decimals
        RateCase(text: "0", millionths: nil),
        RateCase(text: "0.000000", millionths: nil),
        RateCase(text: "1", millionths: nil),
        RateCase(text: "-0.0004", millionths: nil),
        RateCase(text: ".0004", millionths: nil),
        RateCase(text: "0.", millionths: nil),
        RateCase(text: "4e-4", millionths: nil),
        RateCase(text: "", millionths: nil),
    ]

    @Test("Daily rates: at most 6 decimals, above zero, annualised at most 36 %",
          arguments: cases)
    func parse(_ example: RateCase) {
        let rate = try? DailyRate(decimal: example.text)
        #expect(rate?.millionths == example.millionths)
    }

    @Test("The usury ceiling is exact at 36 % (daily × 365)")
    func ceiling() {
        #expect(DailyRate(millionths: 986).isWithinUsuryCeiling)
        #expect(!DailyRate(millionths: 987).isWithinUsuryCeiling)
        #expect(throws: LendingError.invalidInput(
            field: "daily-rate", value: "0.000987",
            rule: "annualised rate (daily × 365) must not exceed 36%")
        ) { try DailyRate(decimal: "0.000987") }
    }

    @Test("A rate prints as its exact decimal", arguments: [
        (400, "0.0004"), (986, "0.000986"), (1, "0.000001"), (10_000, "0.01"),
    ] as [(Int64, String)])
    func description(millionths: Int64, text: String) {
        #expect(DailyRate(millionths: millionths).description == text)
    }

    @Test("The monthly rate is daily × 30 exactly: 10,000.00 at 0.0004 earns 120.00 a month")
    func monthly() {
        let interest = ScheduleBuilder.monthlyInterest(
            on: Money.yuan(10_000), dailyRate: DailyRate(millionths: 400))
        #expect(interest == Money(fen: 12_000))
    }
}
