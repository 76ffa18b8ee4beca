import Testing
import Lending

@Suite struct MoneyTests {
    struct ParseCase: Sendable, CustomTestStringConvertible {
        var text: String
        var fen: Int64?
        var testDescription: String { "'\(text)'" }
    }

    static let parseCases: [ParseCase] = [
        ParseCase(text: "10", fen: 1_000),
        ParseCase(text: "899.75", fen: 89_975),
        ParseCase(text: "0.5", fen: 50),
        ParseCase(text: "0", fen: 0),
        ParseCase(text: "200000.00", fen: 20_000_000),
        ParseCase(text: "10000000000", fen: 1_000_000_000_000),
        ParseCase(text: "10000000000.01", fen: nil),
        ParseCase(text: "1.234", fen: nil),
        ParseCase(text: "-5", fen: nil),
        ParseCase(text: "+5", fen: nil),
        ParseCase(text: "1e3", fen: nil),
        ParseCase(text: "", fen: nil),
        ParseCase(text: ".", fen: nil),
        ParseCase(text: ".5", fen: nil),
        ParseCase(text: "5.", fen: nil),
        ParseCase(text: "1,000", fen: nil),
        ParseCase(text: " 10", fen: nil),
        ParseCase(text: "１０", fen: nil),
    ]

    @Test("Amounts are yuan with at most 2 decimals; anything else is rejected",
          arguments: parseCases)
    func parse(_ example: ParseCase) {
        let parsed = try? Money(yuan: example.text, field: "amount")
        #expect(parsed?.fen == example.fen)
    }

    @Test("A rejected amount names the field, the value and the rule")
    func errorText() {
        #expect(throws: LendingError.invalidInput(
            field: "amount", value: "1.234", rule: "must have at most 2 decimal places")
        ) { try Money(yuan: "1.234", field: "amount") }
        let error = LendingError.invalid("amount", "-5", "must be yuan with at most 2 decimals, e.g. 899.75")
        #expect(error.description == "amount '-5' — must be yuan with at most 2 decimals, e.g. 899.75")
        #expect(error.category == .usage)
    }

    @Test("Description prints exactly two decimals, with a sign when negative",
          arguments: [(89_975, "899.75"), (5, "0.05"), (0, "0.00"), (-5, "-0.05"), (100, "1.00")]
              as [(Int64, String)])
    func description(fen: Int64, text: String) {
        #expect(Money(fen: fen).description == text)
    }

    @Test("Money encodes as integer fen and sums exactly")
    func arithmetic() {
        let parts = [Money(fen: 10), Money(fen: 20), Money(fen: -5)]
        #expect(parts.sum() == Money(fen: 25))
        #expect(Money.min(Money(fen: 3), Money(fen: 2)) == Money(fen: 2))
        #expect(Money.yuan(10_000) == Money(fen: 1_000_000))
    }
}
