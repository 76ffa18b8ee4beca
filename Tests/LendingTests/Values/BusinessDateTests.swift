import Testing
import Lending

@Suite struct BusinessDateTests {
    @Test("Only real calendar dates in YYYY-MM-DD are accepted", arguments: [
        ("2024-02-29", true), ("2026-02-28", true), ("2026-02-29", false), ("2026-02-30", false),
        ("2026-04-31", false), ("2026-12-31", true), ("2026-13-01", false), ("2026-00-10", false),
        ("1900-02-29", false), ("2000-02-29", true), ("2026-2-03", false), ("2026/02/03", false),
        ("", false), ("1899-12-31", false), ("20260203", false),
    ] as [(String, Bool)])
    func parse(text: String, valid: Bool) {
        let date = try? BusinessDate(parsing: text, field: "on")
        #expect((date != nil) == valid)
        if let date { #expect(date.description == text) }
    }

    struct MonthCase: Sendable, CustomTestStringConvertible {
        var anchor: String
        var months: Int64
        var expected: String
        var testDescription: String { "\(anchor) + \(months)" }
    }

    @Test("Adding months keeps the anchor's day or takes the month's last day", arguments: [
        MonthCase(anchor: "2026-01-31", months: 1, expected: "2026-02-28"),
        MonthCase(anchor: "2024-01-31", months: 1, expected: "2024-02-29"),
        MonthCase(anchor: "2026-01-31", months: 2, expected: "2026-03-31"),
        MonthCase(anchor: "2026-01-31", months: 3, expected: "2026-04-30"),
        MonthCase(anchor: "2026-01-31", months: 12, expected: "2027-01-31"),
        MonthCase(anchor: "2026-01-31", months: 13, expected: "2027-02-28"),
        MonthCase(anchor: "2027-12-15", months: 1, expected: "2028-01-15"),
        MonthCase(anchor: "2026-03-31", months: -1, expected: "2026-02-28"),
        MonthCase(anchor: "2026-05-20", months: 36, expected: "2029-05-20"),
    ])
    func addingMonths(_ example: MonthCase) throws {
        let anchor = try BusinessDate(parsing: example.anchor, field: "on")
        #expect(anchor.adding(months: example.months).description == example.expected)
    }

    @Test("Months are counted from the anchor, not chained from the previous result")
    func countedFromAnchor() throws {
        let anchor = try BusinessDate(parsing: "2026-01-31", field: "on")
        let chained = anchor.adding(months: 1).adding(months: 1)
        #expect(chained.description == "2026-03-28")
        #expect(anchor.adding(months: 2).description == "2026-03-31")
    }

    @Test("Day arithmetic and the civil round trip agree over four centuries (seeded)")
    func civilRoundTrip() {
        var generator = SplitMix64(seed: 0xDA7E)
        print("BusinessDateTests seed 0xDA7E")
        for _ in 0..<5_000 {
            let days = Int64.random(in: -30_000...100_000, using: &generator)
            let date = BusinessDate(daysSinceEpoch: days)
            let (year, month, day) = date.civil
            #expect(BusinessDate(year: year, month: month, day: day) == date)
            #expect(date.adding(days: 1).days(until: date) == -1)
        }
        #expect(BusinessDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(BusinessDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
    }
}
