import Testing
import Lending

/// The credit line: limits, freezes as a set of reasons, close and reopen, and what they mean
/// for a disbursement.
@Suite struct CreditLineRuleTests {
    typealias F = AggregateFixture

    struct LimitCase: Sendable, CustomTestStringConvertible {
        var limit: String
        var refusal: String?
        var testDescription: String { "\(limit) → \(refusal ?? "accepted")" }
    }

    static let limitCases: [LimitCase] = [
        LimitCase(limit: "0", refusal: nil),
        LimitCase(limit: "0.01", refusal: nil),
        LimitCase(limit: "1000000", refusal: nil),
        LimitCase(limit: "1000000.01", refusal: "invalid:limit"),
        LimitCase(limit: "2000000", refusal: "invalid:limit"),
    ]

    @Test("A credit limit is 0.00 to 1,000,000.00 when a line opens", arguments: limitCases)
    func openLimitBounds(_ c: LimitCase) {
        let harness = CustomerHarness()
        let day = harness.today
        let refusal = F.refusal {
            let decision = try harness.decide(.openLine(limit: F.yuan(c.limit), on: day))
            let opened = CreditLineOpened(customerId: F.customer, limit: F.yuan(c.limit))
            #expect(decision == .append([DecidedEvent(.creditLineOpened(opened), on: day)]))
        }
        #expect(refusal == c.refusal)
    }

    @Test("A credit limit is 0.00 to 1,000,000.00 when it is adjusted or reopened",
          arguments: limitCases)
    func adjustAndReopenLimitBounds(_ c: LimitCase) throws {
        var harness = try CustomerHarness.withLine(limit: "500")
        let day = harness.today
        let limit = F.yuan(c.limit)
        #expect(F.refusal { _ = try harness.decide(.adjustLimit(limit: limit, on: day)) }
                == c.refusal)
        try harness.run(.closeLine(on: day))
        #expect(F.refusal { _ = try harness.decide(.reopenLine(limit: limit, on: day)) }
                == c.refusal)
    }

    @Test("A negative credit limit is refused")
    func negativeLimit() {
        let harness = CustomerHarness()
        let refusal = F.refusal {
            _ = try harness.decide(.openLine(limit: Money(fen: -1), on: harness.today))
        }
        #expect(refusal == "invalid:limit")
    }

    @Test("A customer has one line: opening a second is refused")
    func secondLine() throws {
        let harness = try CustomerHarness.withLine()
        #expect(F.refusal { _ = try harness.decide(.openLine(limit: .yuan(1), on: harness.today)) }
                == "line-exists")
    }

    @Test("Commands on a customer without a line are not found")
    func noLine() {
        let harness = CustomerHarness()
        let day = harness.today
        #expect(F.refusal { _ = try harness.decide(.freezeLine(on: day)) } == "not-found:customer")
        #expect(F.refusal { _ = try harness.decide(F.disbursement()) } == "not-found:customer")
    }

    @Test("Raising the limit raises available credit")
    func raise() throws {
        var harness = try CustomerHarness.withLine(limit: "20000", loan: F.disbursement())
        let events = try harness.run(.adjustLimit(limit: .yuan(30_000), on: harness.today))
        let adjusted = CreditLimitAdjusted(customerId: F.customer, previousLimit: .yuan(20_000),
                                           limit: .yuan(30_000))
        #expect(events == [DecidedEvent(.creditLimitAdjusted(adjusted), on: harness.today)])
        #expect(harness.state.availableCredit(asOf: harness.today) == .yuan(20_000))
        #expect(harness.state.line?.limitHistory.map(\.limit) == [.yuan(20_000), .yuan(30_000)])
    }

    @Test("Lowering the limit below the outstanding principal leaves available credit 0")
    func lowerBelowOutstanding() throws {
        var harness = try CustomerHarness.withLine(limit: "20000", loan: F.disbursement())
        try harness.run(.adjustLimit(limit: .yuan(5_000), on: harness.today))
        #expect(harness.state.line?.limit == .yuan(5_000))
        #expect(harness.state.availableCredit(asOf: harness.today) == .zero)
        let refusal = F.refusal {
            _ = try harness.decide(F.disbursement(F.loan2, "10", on: "2026-01-15"))
        }
        #expect(refusal == "credit-available")
    }

    @Test("Adjusting the limit to its current value is refused")
    func unchangedLimit() throws {
        let harness = try CustomerHarness.withLine(limit: "20000")
        let refusal = F.refusal {
            _ = try harness.decide(.adjustLimit(limit: .yuan(20_000), on: harness.today))
        }
        #expect(refusal == "limit-unchanged")
    }

    @Test("Freeze reasons are a set: a manual unfreeze removes only the manual reason")
    func manualUnfreezeKeepsOverdue() throws {
        var harness = try CustomerHarness.withLine(loan: F.disbursement())
        harness.closeDays(through: "2026-02-19")
        #expect(harness.state.line?.freezeReasons == [.overdue])
        let frozen = try harness.run(.freezeLine(on: harness.today))
        #expect(frozen == [DecidedEvent(
            .creditLineFrozen(.init(customerId: F.customer, reason: .manual)), on: harness.today)])
        #expect(harness.state.line?.freezeReasons == [.overdue, .manual])
        let unfrozen = try harness.run(.unfreezeLine(on: harness.today))
        #expect(unfrozen == [DecidedEvent(
            .creditLineUnfrozen(.init(customerId: F.customer, reason: .manual)),
            on: harness.today)])
        #expect(harness.state.line?.freezeReasons == [.overdue])
        #expect(harness.state.line?.status == .frozen)
    }

    @Test("A manual freeze and unfreeze round-trips the line to active")
    func manualFreezeRoundTrip() throws {
        var harness = try CustomerHarness.withLine()
        let day = harness.today
        try harness.run(.freezeLine(on: day))
        #expect(harness.state.line?.status == .frozen)
        #expect(F.refusal { _ = try harness.decide(.freezeLine(on: day)) } == "already-frozen")
        try harness.run(.unfreezeLine(on: day))
        #expect(harness.state.line?.status == .active)
        #expect(F.refusal { _ = try harness.decide(.unfreezeLine(on: day)) } == "not-frozen")
    }

    @Test("A closed line takes no new loans and cannot be closed again")
    func close() throws {
        var harness = try CustomerHarness.withLine()
        let day = harness.today
        let events = try harness.run(.closeLine(on: day))
        #expect(events == [DecidedEvent(
            .creditLineClosed(.init(customerId: F.customer, cause: .manual)), on: day)])
        #expect(harness.state.line?.status == .closed)
        #expect(F.refusal { _ = try harness.decide(.closeLine(on: day)) } == "line-closed")
        #expect(F.refusal { _ = try harness.decide(F.disbursement()) } == "line-closed")
    }

    @Test("Reopening a line that is not closed is refused")
    func reopenOpenLine() throws {
        let harness = try CustomerHarness.withLine()
        let refusal = F.refusal {
            _ = try harness.decide(.reopenLine(limit: .yuan(100), on: harness.today))
        }
        #expect(refusal == "line-open")
    }

    @Test("Reopen is refused while a loan is overdue and allowed once it is cured")
    func reopenWhileOverdue() throws {
        var harness = try CustomerHarness.withLine(loan: F.disbursement())
        harness.closeDays(through: "2026-02-19")
        try harness.run(.closeLine(on: harness.today))
        let reopen = LendingCommand.reopenLine(limit: .yuan(8_000), on: harness.today)
        #expect(F.refusal { _ = try harness.decide(reopen) } == "reopen-while-overdue")
        let owed = harness.statement(asOf: "2026-02-19").overdue.total
        try harness.run(.repay(loan: F.loan, amount: owed, on: harness.today,
                               reference: F.ref("P1"), channel: nil))
        let events = try harness.run(reopen)
        #expect(events == [DecidedEvent(
            .creditLineReopened(.init(customerId: F.customer, limit: .yuan(8_000))),
            on: harness.today)])
        #expect(harness.state.line?.status == .active)
        #expect(harness.state.line?.limit == .yuan(8_000))
    }

    @Test("Reopen is refused while a written-off balance is not recovered, allowed after")
    func reopenAfterWriteOff() throws {
        var harness = try CustomerHarness.withLine(loan: F.disbursement())
        harness.closeDays(through: "2026-05-17")
        #expect(harness.state.line?.closure == .dpd91)
        try harness.run(.writeOff(loan: F.loan, on: harness.today))
        let reopen = LendingCommand.reopenLine(limit: .yuan(8_000), on: harness.today)
        #expect(F.refusal { _ = try harness.decide(reopen) } == "reopen-written-off")
        let left = harness.statement(asOf: "2026-05-17").payoff.amount
        try harness.run(.repay(loan: F.loan, amount: left - .yuan(1), on: harness.today,
                               reference: F.ref("R1"), channel: nil))
        #expect(F.refusal { _ = try harness.decide(reopen) } == "reopen-written-off")
        try harness.run(.repay(loan: F.loan, amount: .yuan(1), on: harness.today,
                               reference: F.ref("R2"), channel: nil))
        #expect(harness.loan().isRecordedClosed)
        try harness.run(reopen)
        #expect(harness.state.line?.lifecycle == .open)
    }

    @Test("Reopen is refused when a loan is overdue today though it was not on the date given")
    func reopenCheckedAgainstToday() throws {
        var harness = try CustomerHarness.withLine(loan: F.disbursement())
        try harness.run(.closeLine(on: harness.today))
        harness.advance(to: "2026-03-01")
        let reopen = LendingCommand.reopenLine(limit: .yuan(100), on: F.date("2026-02-01"))
        #expect(F.refusal { _ = try harness.decide(reopen) } == "reopen-while-overdue")
    }
}

/// Disbursement against the line: its state, available credit, and loan ids.
@Suite struct DisbursementAgainstLineTests {
    typealias F = AggregateFixture

    @Test("A disbursement is refused on a frozen line")
    func frozen() throws {
        var harness = try CustomerHarness.withLine()
        try harness.run(.freezeLine(on: harness.today))
        #expect(F.refusal { _ = try harness.decide(F.disbursement()) } == "line-frozen")
    }

    @Test("A disbursement may take exactly the available credit, not a fen more")
    func exactlyAvailable() throws {
        var harness = try CustomerHarness.withLine(
            limit: "20000", loan: F.disbursement(F.loan, "10000"))
        #expect(harness.state.availableCredit(asOf: harness.today) == .yuan(10_000))
        #expect(F.refusal { _ = try harness.decide(F.disbursement(F.loan2, "10000.01")) }
                == "credit-available")
        try harness.run(F.disbursement(F.loan2, "10000"))
        #expect(harness.state.availableCredit(asOf: harness.today) == .zero)
        #expect(harness.state.loanOrder == [F.loan, F.loan2])
    }

    @Test("A loan id is used once")
    func duplicateLoanId() throws {
        let harness = try CustomerHarness.withLine(loan: F.disbursement())
        #expect(F.refusal { _ = try harness.decide(F.disbursement(F.loan, "10")) }
                == "duplicate-loan-id")
    }

    @Test("Repaid principal frees available credit; interest does not consume it")
    func repaidPrincipalFreesCredit() throws {
        var harness = try CustomerHarness.withLine(limit: "20000", loan: F.disbursement())
        harness.advance(to: "2026-02-15")
        try harness.run(F.repay("P1", "899.75", on: "2026-02-15"))
        #expect(harness.state.availableCredit(asOf: harness.today) == F.yuan("10779.75"))
    }
}

/// Business dates: facts cannot be dated after today.
@Suite struct FutureDatedFactTests {
    typealias F = AggregateFixture

    static let commands: [LendingCommand] = [
        .openLine(limit: .yuan(1), on: F.date("2026-01-16")),
        .adjustLimit(limit: .yuan(1), on: F.date("2026-01-16")),
        .freezeLine(on: F.date("2026-01-16")),
        .closeLine(on: F.date("2026-01-16")),
        F.disbursement(F.loan2, "10", on: "2026-01-16"),
        F.repay("P9", "10", on: "2026-01-16"),
        .waivePenalty(loan: F.loan, amount: .yuan(1), on: F.date("2026-01-16")),
        .writeOff(loan: F.loan, on: F.date("2026-01-16")),
        .openDispute(loan: F.loan, on: F.date("2026-01-16")),
    ]

    @Test("A fact dated after today is refused as a usage error", arguments: commands)
    func afterToday(_ command: LendingCommand) throws {
        let harness = try CustomerHarness.withLine(loan: F.disbursement())
        do {
            _ = try harness.decide(command)
            Issue.record("accepted a fact dated after today")
        } catch {
            #expect(error.category == .usage)
            #expect(error == .invalidInput(
                field: "on", value: "2026-01-16",
                rule: "a fact cannot be dated after today (2026-01-15)"))
        }
    }
}
