import Lending

/// Shorthands shared by the replay tests.
enum Fixture {
    static func date(_ text: String) -> BusinessDate {
        do { return try BusinessDate(parsing: text, field: "date") } catch {
            preconditionFailure("bad fixture date \(text)")
        }
    }

    static func yuan(_ text: String) -> Money {
        do { return try Money(yuan: text, field: "amount") } catch {
            preconditionFailure("bad fixture amount \(text)")
        }
    }

    static func ref(_ text: String) -> PaymentReference { PaymentReference(validated: text) }

    /// 10,000.00 over 12 months at 0.0004 a day, disbursed 2026-01-15 (the worked example).
    static func contract(
        principal: String = "10000", millionths: Int64 = 400,
        method: RepaymentMethod = .equalInstallment, termMonths: Int64 = 12,
        start: String = "2026-01-15", graceDays: Int64 = 3
    ) -> LoanContract {
        LoanContract.make(
            loanId: LoanID(validated: "L-1"), customerId: CustomerID(validated: "C-1"),
            principal: yuan(principal), disbursedOn: date(start),
            terms: LoanTerms(
                dailyRate: DailyRate(millionths: millionths), method: method,
                termMonths: termMonths, graceDays: graceDays))
    }

    static func pay(_ reference: String, _ amount: String, _ day: String) -> MoneyFact {
        .repayment(reference: ref(reference), amount: yuan(amount), on: date(day))
    }
}
