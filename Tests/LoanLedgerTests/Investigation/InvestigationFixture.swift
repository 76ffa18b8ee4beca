import EventStore
import Foundation
import Lending
import LoanLedger
import TestSupport

/// A small hand-built store: one customer, one 10,000.00 loan over 12 months at 0.0004 a day,
/// disbursed on 2026-01-05 (first installment 899.75 due 2026-02-05), with days closed one by
/// one by end of day at 23:00 Shanghai on a simulated clock.
final class InvestigationFixture {
    let temporary: TemporarySQLiteStore
    let clock: SimulatedClock
    let ledger: Ledger
    let customer = CustomerID(validated: "C-1")
    let loan = LoanID(validated: "L-1")
    static let disbursedOn = BusinessDate(year: 2026, month: 1, day: 5)
    static let firstDue = BusinessDate(year: 2026, month: 2, day: 5)
    static let installment = Money(fen: 89_975)

    init() throws {
        clock = SimulatedClock(start: LocalTime(date: Self.disbursedOn, minuteOfDay: 9 * 60))
        temporary = try TemporarySQLiteStore(clock: clock)
        ledger = try Ledger(store: temporary.store, access: .write, clock: clock)
        try run(.openLine(limit: .yuan(50_000), on: Self.disbursedOn), actor: "ops.wang")
        let terms = LoanTerms(dailyRate: try DailyRate(decimal: "0.0004"),
                              method: .equalInstallment, termMonths: 12)
        let request = try DisbursementRequest(loanId: loan, principal: .yuan(10_000),
                                              terms: terms, on: Self.disbursedOn)
        try run(.disburse(request), actor: "ops.wang")
    }

    /// Runs a command at `minute` of the clock's current day.
    func run(_ command: LendingCommand, actor: String, reason: String? = nil,
             minute: Int64 = 10 * 60) throws
    {
        let today = LocalTime(unixSeconds: clock.nowMicroseconds() / 1_000_000).date
        clock.advance(to: LocalTime(date: today, minuteOfDay: minute))
        try ledger.execute(command, for: customer,
                           metadata: CommandMetadata(actor: ActorID(validated: actor),
                                                     reason: reason))
    }

    /// Closes every day through `last`, each at 23:00 of its own date, then moves the clock to
    /// 09:00 of the next day.
    func closeDays(through last: BusinessDate) throws {
        var day = LocalTime(unixSeconds: clock.nowMicroseconds() / 1_000_000).date
        while day <= last {
            clock.advance(to: LocalTime(date: day, minuteOfDay: 23 * 60))
            try ledger.closeDays(through: day)
            day = day.adding(days: 1)
        }
        clock.advance(to: LocalTime(date: day, minuteOfDay: 9 * 60))
    }

    func repay(_ amount: Money, on date: BusinessDate, reference: String) throws {
        try run(.repay(loan: loan, amount: amount, on: date,
                       reference: PaymentReference(validated: reference), channel: "bank"),
                actor: "payments:gateway")
    }

    static func date(_ month: Int64, _ day: Int64) -> BusinessDate {
        BusinessDate(year: 2026, month: month, day: day)
    }
}
