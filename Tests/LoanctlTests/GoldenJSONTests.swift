import Testing

/// The `--json` documents scripts depend on, pinned byte for byte (CLI.md: amounts strings
/// with two decimals, dates YYYY-MM-DD, camelCase keys, kebab-case enums).
///
/// Figures checked by hand: L-G is 3,000.00 over 3 months at 0.0005 a day (monthly 0.015):
/// installment 1030.15; as of 2026-03-20 installment 2 (999.93 principal) is 10 days past
/// due, so penalty = 999.93 × 0.00075 × 10 = 7.50; the payoff adds this period's interest on
/// the 1,014.92 not yet due, 1014.92 × 0.0005 × 10 = 5.07, to the 30.22 due.
@Suite("JSON output shapes are stable")
struct GoldenJSONTests {
    static func run(_ arguments: [String]) throws -> String {
        try BookFixture.golden.get().loanctl.succeed(arguments)
    }

    @Test("loan show --json has CLI.md's keys in order")
    func loanShow() throws {
        let output = try GoldenJSONTests.run(["loan", "show", "L-G", "--json"])
        #expect(output == GoldenJSONTests.loanShow)
    }

    @Test("loan payoff --json gives the amount and its parts")
    func loanPayoff() throws {
        let output = try GoldenJSONTests.run(["loan", "payoff", "L-G", "--on", "2026-03-20",
                                              "--json"])
        #expect(output == """
            {
              "loan": "L-G",
              "date": "2026-03-20",
              "amount": "2057.64",
              "principal": "2014.85",
              "interest": "35.29",
              "penalty": "7.50"
            }

            """)
    }

    @Test("credit show --json lists status, freeze reasons, amounts and loans")
    func creditShow() throws {
        let output = try GoldenJSONTests.run(["credit", "show", "C-G", "--json"])
        #expect(output == """
            {
              "customer": "C-G",
              "status": "frozen",
              "freezeReasons": [
                "overdue"
              ],
              "limit": "20000.00",
              "outstandingPrincipal": "2014.85",
              "available": "17985.15",
              "loans": [
                {
                  "loan": "L-G",
                  "status": "active",
                  "outstandingPrincipal": "2014.85",
                  "dpd": 10
                }
              ]
            }

            """)
    }

    @Test("day status --json gives the last closed day and the anchor to keep")
    func dayStatus() throws {
        let output = try GoldenJSONTests.run(["day", "status", "--json"])
        let hash = "c96865b53922405b449af7f787371cae2193be56fb3a76a7362dbfc8f68ca147"
        #expect(output == """
            {
              "today": "2026-03-20",
              "lastClosedDay": "2026-03-19",
              "head": {
                "position": 85,
                "hash": "\(hash)"
              },
              "anchor": "85:\(hash)"
            }

            """)
    }

    static let loanShow = """
        {
          "loan": "L-G",
          "customer": "C-G",
          "status": "active",
          "restructured": false,
          "dpd": 10,
          "stage": "early",
          "totals": {
            "disbursed": "3000.00",
            "capitalisedInterest": "0.00",
            "paidPrincipal": "985.15",
            "paidInterest": "45.00",
            "paidPenalty": "0.00",
            "waivedPenalty": "0.00",
            "writtenOff": "0.00",
            "recovered": "0.00",
            "overpaid": "0.00"
          },
          "outstandingPrincipal": "2014.85",
          "overdue": {
            "principal": "999.93",
            "interest": "30.22",
            "penalty": "7.50",
            "total": "1037.65"
          },
          "schedule": [
            {
              "number": 1,
              "dueDate": "2026-02-10",
              "principal": "985.15",
              "interest": "45.00",
              "penalty": "0.00",
              "paidPrincipal": "985.15",
              "paidInterest": "45.00",
              "paidPenalty": "0.00",
              "status": "paid"
            },
            {
              "number": 2,
              "dueDate": "2026-03-10",
              "principal": "999.93",
              "interest": "30.22",
              "penalty": "7.50",
              "paidPrincipal": "0.00",
              "paidInterest": "0.00",
              "paidPenalty": "0.00",
              "status": "overdue"
            },
            {
              "number": 3,
              "dueDate": "2026-04-10",
              "principal": "1014.92",
              "interest": "15.22",
              "penalty": "0.00",
              "paidPrincipal": "0.00",
              "paidInterest": "0.00",
              "paidPenalty": "0.00",
              "status": "pending"
            }
          ]
        }

        """
}
