import Testing
import Lending

@Suite struct ScheduleBuilderTests {
    /// (due date, principal, interest) rows printed by docs/checks/worked_examples.py.
    static let workedExampleRows: [(String, String, String)] = [
        ("2026-02-15", "779.75", "120.00"), ("2026-03-15", "789.11", "110.64"),
        ("2026-04-15", "798.58", "101.17"), ("2026-05-15", "808.16", "91.59"),
        ("2026-06-15", "817.86", "81.89"), ("2026-07-15", "827.67", "72.08"),
        ("2026-08-15", "837.60", "62.15"), ("2026-09-15", "847.65", "52.10"),
        ("2026-10-15", "857.83", "41.92"), ("2026-11-15", "868.12", "31.63"),
        ("2026-12-15", "878.54", "21.21"), ("2027-01-15", "889.13", "10.67"),
    ]

    @Test("Equal-installment worked example: 10,000.00 over 12 at 0.0004 gives A = 899.75")
    func workedExample() {
        let rows = Fixture.contract().schedule
        #expect(rows.count == 12)
        #expect(rows[0].total == Fixture.yuan("899.75"))
        #expect(rows[0].interest == Fixture.yuan("120.00"))
        #expect(rows[0].principal == Fixture.yuan("779.75"))
        for (row, expected) in zip(rows, Self.workedExampleRows) {
            #expect(row.dueDate == Fixture.date(expected.0))
            #expect(row.principal == Fixture.yuan(expected.1))
            #expect(row.interest == Fixture.yuan(expected.2))
        }
        #expect(rows.map(\.number) == Array(1...12))
    }

    @Test("Equal-installment: the last installment takes the remainder and may differ from A")
    func lastInstallmentRemainder() {
        let rows = Fixture.contract().schedule
        for row in rows.dropLast() { #expect(row.total == Fixture.yuan("899.75")) }
        #expect(rows[11].total == Fixture.yuan("899.80"))
        #expect(rows.map(\.principal).sum() == Fixture.yuan("10000"))
    }

    struct PaymentCase: Sendable, CustomTestStringConvertible {
        var principal: String
        var millionths: Int64
        var termMonths: Int64
        var payment: String
        var testDescription: String { "\(principal) / \(termMonths) at \(millionths)e-6" }
    }

    static let paymentCases: [PaymentCase] = [
        PaymentCase(principal: "10000", millionths: 400, termMonths: 12, payment: "899.75"),
        PaymentCase(principal: "7", millionths: 986, termMonths: 3, payment: "2.47"),
        PaymentCase(principal: "200000", millionths: 986, termMonths: 36, payment: "9103.44"),
        PaymentCase(principal: "10423.40", millionths: 400, termMonths: 24, payment: "502.43"),
    ]

    @Test("Equal-installment A is computed exactly and rounded half-up", arguments: paymentCases)
    func exactPayment(_ example: PaymentCase) {
        let payment = ScheduleBuilder.equalInstallmentPayment(
            principal: Fixture.yuan(example.principal),
            dailyRate: DailyRate(millionths: example.millionths), termMonths: example.termMonths)
        #expect(payment == Fixture.yuan(example.payment))
    }

    @Test("Equal-principal: round(P/n) each month, remainder last, interest on outstanding")
    func equalPrincipal() {
        let rows = Fixture.contract(method: .equalPrincipal).schedule
        #expect(rows[0].principal == Fixture.yuan("833.33"))
        #expect(rows[0].interest == Fixture.yuan("120.00"))
        #expect(rows[1].interest == Fixture.yuan("110.00"))
        #expect(rows[11].principal == Fixture.yuan("833.37"))
        #expect(rows[11].interest == Fixture.yuan("10.00"))
        #expect(rows.map(\.interest).sum() == Fixture.yuan("780.00"))
        #expect(rows.map(\.principal).sum() == Fixture.yuan("10000"))
    }

    @Test("Interest-first: round(P × r) monthly, whole principal with the last installment")
    func interestFirst() {
        let rows = Fixture.contract(method: .interestFirst).schedule
        for row in rows { #expect(row.interest == Fixture.yuan("120.00")) }
        for row in rows.dropLast() { #expect(row.principal == .zero) }
        #expect(rows[11].principal == Fixture.yuan("10000"))
    }

    struct DueDateCase: Sendable, CustomTestStringConvertible {
        var start: String
        var dueDates: [String]
        var testDescription: String { "from \(start)" }
    }

    static let dueDateCases: [DueDateCase] = [
        DueDateCase(start: "2026-01-31",
                    dueDates: ["2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"]),
        DueDateCase(start: "2024-01-31", dueDates: ["2024-02-29", "2024-03-31", "2024-04-30"]),
        DueDateCase(start: "2026-03-30", dueDates: ["2026-04-30", "2026-05-30", "2026-06-30"]),
        DueDateCase(start: "2026-11-30", dueDates: ["2026-12-30", "2027-01-30", "2027-02-28"]),
    ]

    @Test("Due dates are counted from the start date, clamped to the month's last day",
          arguments: dueDateCases)
    func dueDates(_ example: DueDateCase) {
        let rows = Fixture.contract(termMonths: 12, start: example.start).schedule
        let dates = rows.prefix(example.dueDates.count).map { $0.dueDate.description }
        #expect(dates == example.dueDates)
    }

    @Test("Every method's principals add up to the loan, with no negative row",
          arguments: RepaymentMethod.allCases, [3, 6, 9, 12, 36] as [Int64])
    func principalsAddUp(method: RepaymentMethod, termMonths: Int64) {
        for principal in ["10", "10.01", "18", "999.99", "12345.67", "200000"] {
            for millionths: Int64 in [1, 400, 986] {
                let rows = ScheduleBuilder.build(
                    principal: Fixture.yuan(principal),
                    dailyRate: DailyRate(millionths: millionths),
                    method: method, termMonths: termMonths, start: Fixture.date("2026-01-31"))
                #expect(rows.count == Int(termMonths))
                #expect(rows.map(\.principal).sum() == Fixture.yuan(principal))
                #expect(rows.allSatisfy { $0.principal.fen >= 0 && $0.interest.fen >= 0 })
            }
        }
    }

    @Test("Tiny principals never schedule more principal than is outstanding")
    func tinyPrincipalClamp() {
        let rows = ScheduleBuilder.build(
            principal: Money(fen: 18), dailyRate: DailyRate(millionths: 1),
            method: .equalInstallment, termMonths: 36, start: Fixture.date("2026-01-15"))
        #expect(rows.map(\.principal).sum() == Money(fen: 18))
        #expect(rows.allSatisfy { $0.principal.fen >= 0 })
    }
}
