import Testing
import Lending

/// Disbursement requests checked on their face, and the contract `LoanDisbursed` records.
@Suite struct DisbursementRuleTests {
    typealias F = AggregateFixture

    struct RequestCase: Sendable, CustomTestStringConvertible {
        var principal: String
        var termMonths: Int64 = 12
        var graceDays: Int64 = 3
        var refusal: String?
        var testDescription: String {
            "\(principal) / \(termMonths) months / grace \(graceDays) → \(refusal ?? "accepted")"
        }
    }

    static let principalCases: [RequestCase] = [
        RequestCase(principal: "10", refusal: nil),
        RequestCase(principal: "9.99", refusal: "invalid:amount"),
        RequestCase(principal: "0", refusal: "invalid:amount"),
        RequestCase(principal: "200000", refusal: nil),
        RequestCase(principal: "200000.01", refusal: "invalid:amount"),
    ]

    static let termCases: [RequestCase] = [3, 6, 9, 12].map {
        RequestCase(principal: "1000", termMonths: $0, refusal: nil)
    } + [0, 1, 4, 24, 36].map {
        RequestCase(principal: "1000", termMonths: $0, refusal: "invalid:term")
    }

    static let graceCases: [RequestCase] = (0...15).map {
        RequestCase(principal: "1000", graceDays: $0, refusal: nil)
    } + [16, -1].map {
        RequestCase(principal: "1000", graceDays: $0, refusal: "invalid:grace-days")
    }

    func check(_ c: RequestCase) {
        let refusal = F.refusal {
            _ = try DisbursementRequest(
                loanId: F.loan, principal: F.yuan(c.principal),
                terms: F.terms(termMonths: c.termMonths, graceDays: c.graceDays),
                on: F.date("2026-01-15"))
        }
        #expect(refusal == c.refusal)
    }

    @Test("Loan principal is 10.00 to 200,000.00 inclusive", arguments: principalCases)
    func principal(_ c: RequestCase) { check(c) }

    @Test("The disbursement term is 3, 6, 9 or 12 months", arguments: termCases)
    func term(_ c: RequestCase) { check(c) }

    @Test("Grace is 0 to 15 days", arguments: graceCases)
    func grace(_ c: RequestCase) { check(c) }

    @Test("LoanDisbursed carries the full schedule (worked example: A = 899.75)")
    func workedExample() throws {
        var harness = try CustomerHarness.withLine()
        let events = try harness.run(F.disbursement())
        #expect(events.count == 1)
        guard case .loanDisbursed(let disbursed) = try #require(events.first).event else {
            Issue.record("not a LoanDisbursed: \(events)")
            return
        }
        let contract = disbursed.contract
        #expect(events.first?.effectiveDate == F.date("2026-01-15"))
        #expect(contract.customerId == F.customer)
        #expect(contract.principal == .yuan(10_000))
        #expect(contract.terms == F.terms())
        #expect(contract.schedule.count == 12)
        let first = try #require(contract.schedule.first)
        #expect(first.dueDate == F.date("2026-02-15"))
        #expect(first.interest == F.yuan("120"))
        #expect(first.principal == F.yuan("779.75"))
        #expect(contract.schedule.dropLast().allSatisfy { $0.total == F.yuan("899.75") })
        #expect(contract.schedule.last?.dueDate == F.date("2027-01-15"))
        #expect(contract.schedule.map(\.principal).sum() == .yuan(10_000))
        #expect(contract == LoanContract.make(
            loanId: F.loan, customerId: F.customer, principal: .yuan(10_000),
            disbursedOn: F.date("2026-01-15"), terms: F.terms()))
        #expect(harness.loan().contract == contract)
        #expect(harness.state.availableCredit(asOf: harness.today) == .yuan(40_000))
    }

    @Test("Every repayment method's schedule travels in the event",
          arguments: RepaymentMethod.allCases)
    func methods(_ method: RepaymentMethod) throws {
        var harness = try CustomerHarness.withLine()
        let terms = F.terms(method: method, termMonths: 6)
        let events = try harness.run(F.disbursement(terms: terms))
        guard case .loanDisbursed(let disbursed) = try #require(events.first).event else {
            Issue.record("not a LoanDisbursed")
            return
        }
        #expect(disbursed.contract.terms.method == method)
        #expect(disbursed.contract.schedule.count == 6)
        #expect(disbursed.contract.schedule.map(\.principal).sum() == .yuan(10_000))
    }
}
