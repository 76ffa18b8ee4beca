import Foundation
import Testing

/// `loan …` end to end: each command's happy path, its output, and what it wrote.
@Suite("Loan commands")
struct LoanCommandTests {
    /// A fresh store with C-1 (limit 50,000) and L-1: 10,000 over 12 months at 0.0004.
    static func storeWithLoan(_ prefix: String) throws -> (AnyObject, Loanctl) {
        let (directory, loanctl) = try Loanctl.fresh(prefix)
        try loanctl.succeed(["credit", "open", "C-1", "--limit", "50000", "--on", "2026-01-01"])
        try loanctl.succeed(["loan", "disburse", "L-1", "--customer", "C-1", "--amount", "10000",
                             "--term", "12", "--method", "equal-installment", "--daily-rate",
                             "0.0004", "--on", "2026-01-05"])
        return (directory, loanctl)
    }

    @Test("disburse prints the schedule: the worked example's 899.75, 120.00 and 779.75")
    func disburse() throws {
        let (directory, loanctl) = try Loanctl.fresh("disburse")
        try loanctl.succeed(["credit", "open", "C-1", "--limit", "50000", "--on", "2026-01-01"])
        let output = try loanctl.succeed([
            "loan", "disburse", "L-1", "--customer", "C-1", "--amount", "10000", "--term", "12",
            "--method", "equal-installment", "--daily-rate", "0.0004", "--on", "2026-01-05"])
        #expect(output.hasPrefix("""
            wrote 1 event for customer 'C-1'
            POSITION  TYPE           EFFECTIVE
                   2  LoanDisbursed  2026-01-05

            loan:      L-1
            principal: 10000.00
            term:      12
            method:    equal-installment
            dailyRate: 0.0004
            graceDays: 3

            schedule:
             #  DUE         PRINCIPAL  INTEREST   TOTAL
             1  2026-02-05     779.75    120.00  899.75

            """))
        #expect(output.hasSuffix("12  2027-01-05     889.13     10.67  899.80\n"))
        withExtendedLifetime(directory) {}
    }

    @Test("repay prints the allocation; the same reference again exits 0 and writes nothing")
    func repayIsIdempotentByReference() throws {
        let (directory, loanctl) = try LoanCommandTests.storeWithLoan("repay")
        let arguments = ["loan", "repay", "L-1", "--amount", "899.75", "--on", "2026-02-05",
                         "--ref", "P-1", "--channel", "bank-transfer"]
        let first = try loanctl.json(arguments)
        #expect(first["duplicate"] as? Bool == false)
        let allocation = try #require(first["allocation"] as? [String: String])
        #expect(allocation["interest"] == "120.00")
        #expect(allocation["principal"] == "779.75")
        #expect(allocation["penalty"] == "0.00")
        #expect(try loanctl.headPosition() == 3)
        let again = try loanctl.run(arguments)
        #expect(again.status == 0)
        #expect(again.standardOutput.hasPrefix(
            "already applied — nothing new written; the first run wrote 1 event"))
        #expect(try loanctl.headPosition() == 3)
        withExtendedLifetime(directory) {}
    }

    @Test("a retried request id writes nothing new and prints the first result")
    func requestIdRetry() throws {
        let (directory, loanctl) = try Loanctl.fresh("request-id")
        let arguments = ["--request-id", "req-7", "credit", "open", "C-7", "--limit", "100",
                         "--on", "2026-03-01"]
        let first = try loanctl.json(arguments)
        let second = try loanctl.json(arguments)
        #expect(first["duplicate"] as? Bool == false)
        #expect(second["duplicate"] as? Bool == true)
        #expect(try loanctl.headPosition() == 1)
        withExtendedLifetime(directory) {}
    }

    @Test("payoff quotes principal, interest and penalty as text with amounts aligned")
    func payoff() throws {
        let book = try BookFixture.get()
        let output = try book.loanctl.succeed(["loan", "payoff", "L-1", "--on", "2026-03-20"])
        #expect(output == """
            loan: L-1
            date: 2026-03-20

            PART        AMOUNT
            principal  9220.25
            interest    161.23
            penalty       7.10
            payoff     9388.58

            """)
    }

    @Test("a repayment of the payoff closes the loan")
    func repayPayoffCloses() throws {
        let (directory, loanctl) = try LoanCommandTests.storeWithLoan("payoff-closes")
        let quote = try loanctl.json(["loan", "payoff", "L-1", "--on", "2026-01-20"])
        let amount = try #require(quote["amount"] as? String)
        let result = try loanctl.json(["loan", "repay", "L-1", "--amount", amount,
                                       "--on", "2026-01-20", "--ref", "P-1"])
        #expect(result["loanClosed"] as? Bool == true)
        let loan = try loanctl.json(["loan", "show", "L-1"])
        #expect(loan["status"] as? String == "closed")
        withExtendedLifetime(directory) {}
    }

    @Test("a backdated repayment overpays; refund pays it back; reverse undoes a repayment")
    func overpaymentRefundAndReversal() throws {
        let (directory, loanctl) = try LoanCommandTests.storeWithLoan("refund")
        try loanctl.succeed(["loan", "repay", "L-1", "--amount", "899.75", "--on", "2026-02-05",
                             "--ref", "P-1"])
        let quote = try loanctl.json(["loan", "payoff", "L-1", "--on", "2026-02-20"])
        try loanctl.succeed(["loan", "repay", "L-1", "--amount",
                             try #require(quote["amount"] as? String), "--on", "2026-02-20",
                             "--ref", "P-2"])
        try loanctl.succeed(["loan", "repay", "L-1", "--amount", "100", "--on", "2026-02-10",
                             "--ref", "P-3"])
        let overpaid = try loanctl.json(["loan", "show", "L-1"])
        #expect(overpaid["status"] as? String == "overpaid")
        let totals = try #require(overpaid["totals"] as? [String: String])
        let excess = try #require(totals["overpaid"])
        let refund = try loanctl.json(["loan", "refund", "L-1", "--amount", excess,
                                       "--on", "2026-03-20", "--ref", "RF-1",
                                       "--reason", "overpaid by a backdated payment"])
        let events = try #require(refund["events"] as? [[String: Any]])
        #expect(events.first?["type"] as? String == "RefundIssued")
        let reversal = try loanctl.json(["loan", "reverse", "L-1", "--ref", "P-2",
                                         "--on", "2026-03-20", "--reason", "bounced"])
        #expect(reversal["paymentDate"] as? String == "2026-02-20")
        let after = try loanctl.json(["loan", "show", "L-1"])
        #expect(after["status"] as? String == "active")
        withExtendedLifetime(directory) {}
    }

    @Test("waive-penalty, write-off and a recovery after it")
    func waiveAndWriteOff() throws {
        let (directory, loanctl) = try Loanctl.fresh("write-off")
        try loanctl.succeed(["credit", "open", "C-2", "--limit", "50000", "--on", "2025-10-01"])
        try loanctl.succeed(["loan", "disburse", "L-2", "--customer", "C-2", "--amount", "3000",
                             "--term", "3", "--method", "equal-principal", "--daily-rate",
                             "0.0005", "--on", "2025-10-10"])
        let waiver = try loanctl.json(["loan", "waive-penalty", "L-2", "--amount", "10",
                                       "--on", "2026-03-20", "--reason", "goodwill"])
        #expect(waiver["amount"] as? String == "10.00")
        let writeOff = try loanctl.json(["loan", "write-off", "L-2", "--on", "2026-03-20",
                                         "--reason", "uncollectable"])
        #expect(writeOff["principal"] as? String == "3000.00")
        #expect(writeOff["interest"] as? String == "90.00")
        let recovery = try loanctl.json(["loan", "repay", "L-2", "--amount", "500",
                                         "--on", "2026-03-20", "--ref", "R-1"])
        let allocation = try #require(recovery["allocation"] as? [String: String])
        #expect(allocation["recoveredPrincipal"] == "500.00")
        let loan = try loanctl.json(["loan", "show", "L-2"])
        #expect(loan["status"] as? String == "written-off")
        withExtendedLifetime(directory) {}
    }

    @Test("restructure prints the new principal and schedule and marks the loan")
    func restructure() throws {
        let (directory, loanctl) = try Loanctl.fresh("restructure")
        try loanctl.succeed(["credit", "open", "C-3", "--limit", "50000", "--on", "2025-12-01"])
        try loanctl.succeed(["loan", "disburse", "L-3", "--customer", "C-3", "--amount", "6000",
                             "--term", "6", "--method", "equal-installment", "--daily-rate",
                             "0.0004", "--on", "2025-12-15"])
        let result = try loanctl.json(["loan", "restructure", "L-3", "--term", "12",
                                       "--on", "2026-03-20", "--reason", "hardship"])
        #expect(result["term"] as? Int == 12)
        #expect((result["schedule"] as? [Any])?.count == 12)
        let loan = try loanctl.json(["loan", "show", "L-3"])
        #expect(loan["restructured"] as? Bool == true)
        #expect(loan["dpd"] as? Int == 0)
        let line = try loanctl.json(["credit", "show", "C-3"])
        #expect(line["freezeReasons"] as? [String] == ["restructured"])
        withExtendedLifetime(directory) {}
    }

    @Test("loan show as of a past date, and as known at an earlier position")
    func timeTravel() throws {
        let book = try BookFixture.get()
        let before = try book.loanctl.json(["loan", "show", "L-1", "--as-of", "2026-02-01"])
        #expect(before["dpd"] as? Int == 0)
        #expect(before["outstandingPrincipal"] as? String == "10000.00")
        let knownThen = try book.loanctl.json(["loan", "show", "L-1", "--known-at", "position:2"])
        let totals = try #require(knownThen["totals"] as? [String: String])
        #expect(totals["paidPrincipal"] == "0.00")
    }

    @Test("loan history lists the loan's events with their data")
    func history() throws {
        let book = try BookFixture.get()
        let history = try book.loanctl.json(["loan", "history", "L-1"])
        let events = try #require(history["events"] as? [[String: Any]])
        let types = events.map { $0["type"] as? String ?? "" }
        #expect(types.prefix(2) == ["LoanDisbursed", "RepaymentReceived"])
        #expect(types.contains("InstallmentOverdue"))
        let text = try book.loanctl.succeed(["loan", "history", "L-1"])
        #expect(text.hasPrefix("POSITION  TYPE "))
    }
}
