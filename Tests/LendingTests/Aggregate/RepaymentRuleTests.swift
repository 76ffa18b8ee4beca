import Testing
import Lending

/// Repayments through the aggregate: allocation, payoff, references, frozen and closed lines.
@Suite struct RepaymentRuleTests {
    typealias F = AggregateFixture

    func harness(today: String = "2026-02-15") throws -> CustomerHarness {
        var harness = try CustomerHarness.withLine(loan: F.disbursement())
        harness.advance(to: today)
        return harness
    }

    @Test("RepaymentReceived records the allocation computed when it was received")
    func allocationRecorded() throws {
        var h = try harness()
        let events = try h.run(F.repay("P1", "899.75", on: "2026-02-15"))
        let received = RepaymentReceived(
            loan: F.loan, reference: F.ref("P1"), amount: F.yuan("899.75"),
            receivedOn: F.date("2026-02-15"), channel: nil,
            allocation: Allocation(interest: F.yuan("120"), principal: F.yuan("779.75")))
        #expect(events == [DecidedEvent(.repaymentReceived(received), on: F.date("2026-02-15"))])
        #expect(h.loan().recordedAllocations[F.ref("P1")] == received.allocation)
        #expect(h.loan().facts == [.repayment(reference: F.ref("P1"), amount: F.yuan("899.75"),
                                              on: F.date("2026-02-15"))])
    }

    @Test("A partial repayment pays interest before principal; the rest pays ahead")
    func partialThenAdvance() throws {
        var h = try harness()
        let small = try h.run(F.repay("P1", "100", on: "2026-02-15"))
        let large = try h.run(F.repay("P2", "1000", on: "2026-02-15"))
        #expect(allocation(of: small) == Allocation(interest: .yuan(100)))
        // 20.00 interest + 779.75 principal of installment 1, then installment 2 ahead.
        let second = try #require(allocation(of: large))
        #expect(second.total == .yuan(1_000))
        #expect(second.principal + second.interest == .yuan(1_000))
        #expect(h.statement(asOf: "2026-02-15").installments[0].status == .paid)
    }

    @Test("A repayment equal to the payoff settles the loan and closes it in the same decision",
          arguments: ["2026-01-15", "2026-02-01", "2026-02-15", "2026-02-20"])
    func payoffCloses(_ day: String) throws {
        var h = try harness(today: day)
        let quote = h.statement(asOf: day).payoff
        let events = try h.run(.repay(loan: F.loan, amount: quote.amount, on: F.date(day),
                                      reference: F.ref("P1"), channel: "bank"))
        #expect(F.types(events) == ["RepaymentReceived", "LoanClosed"])
        #expect(events.last == DecidedEvent(.loanClosed(.init(loan: F.loan, reason: .paidOff)),
                                            on: F.date(day)))
        #expect(allocation(of: events)?.total == quote.amount)
        #expect(h.loan().isRecordedClosed)
        #expect(h.statement(asOf: day).status == .closed)
        #expect(h.state.availableCredit(asOf: h.today) == .yuan(50_000))
        if day == "2026-01-15" { #expect(quote.amount == .yuan(10_000)) }
    }

    @Test("A repayment above the payoff is refused with the payoff in the message")
    func abovePayoff() throws {
        let h = try harness(today: "2026-02-01")
        let quote = h.statement(asOf: "2026-02-01").payoff.amount
        do {
            _ = try h.decide(.repay(loan: F.loan, amount: quote + Money(fen: 1),
                                    on: F.date("2026-02-01"), reference: F.ref("P1"),
                                    channel: nil))
            Issue.record("accepted a repayment above the payoff")
        } catch {
            #expect(error == .refused(
                rule: "above-payoff",
                message: "repayment amount '\(quote + Money(fen: 1))' exceeds payoff "
                    + "'\(quote)' on 2026-02-01 of loan 'L-1'"))
        }
    }

    struct ReferenceCase: Sendable, CustomTestStringConvertible {
        var name: String
        var command: LendingCommand
        var alreadyApplied: Bool
        var testDescription: String { name }
    }

    static let referenceCases: [ReferenceCase] = [
        ReferenceCase(name: "same ref, loan, amount and date", command:
            F.repay("P1", "899.75", on: "2026-02-15"), alreadyApplied: true),
        ReferenceCase(name: "other amount", command:
            F.repay("P1", "899.74", on: "2026-02-15"), alreadyApplied: false),
        ReferenceCase(name: "other date", command:
            F.repay("P1", "899.75", on: "2026-02-14"), alreadyApplied: false),
        ReferenceCase(name: "other loan", command:
            F.repay("P1", "899.75", on: "2026-02-15", loan: F.loan2), alreadyApplied: false),
    ]

    @Test("A repayment reference is applied once; reused with other values it is refused",
          arguments: referenceCases)
    func referenceIdempotency(_ c: ReferenceCase) throws {
        var h = try harness()
        try h.run(F.disbursement(F.loan2, "1000", on: "2026-02-15"))
        try h.run(F.repay("P1", "899.75", on: "2026-02-15"))
        let version = h.state.version
        if c.alreadyApplied {
            #expect(try h.decide(c.command) == .alreadyApplied(reference: F.ref("P1")))
        } else {
            #expect(F.refusal { _ = try h.decide(c.command) } == "reference-reused")
        }
        #expect(h.state.version == version)
    }

    @Test("A reversed reference cannot be used again, even with the same values")
    func reversedReference() throws {
        var h = try harness()
        try h.run(F.repay("P1", "899.75", on: "2026-02-15"))
        try h.run(.reverse(loan: F.loan, reference: F.ref("P1"), on: F.date("2026-02-15")))
        #expect(F.refusal { _ = try h.decide(F.repay("P1", "899.75", on: "2026-02-15")) }
                == "reference-reused")
        #expect(F.refusal {
            _ = try h.decide(.reverse(loan: F.loan, reference: F.ref("P1"), on: h.today))
        } == "already-reversed")
    }

    @Test("Repayments are accepted on a frozen line and on a closed line")
    func frozenOrClosedLine() throws {
        var h = try harness()
        try h.run(.freezeLine(on: h.today))
        #expect(F.types(try h.run(F.repay("P1", "100", on: "2026-02-15")))
                == ["RepaymentReceived"])
        try h.run(.closeLine(on: h.today))
        #expect(F.types(try h.run(F.repay("P2", "100", on: "2026-02-15")))
                == ["RepaymentReceived"])
    }

    @Test("A repayment is refused on a paid-off loan, before the disbursement, for nothing")
    func refusedRepayments() throws {
        var h = try harness(today: "2026-02-01")
        #expect(F.refusal { _ = try h.decide(F.repay("P0", "0", on: "2026-02-01")) }
                == "invalid:amount")
        #expect(F.refusal { _ = try h.decide(F.repay("P0", "1", on: "2026-01-14")) }
                == "before-disbursement")
        #expect(F.refusal { _ = try h.decide(F.repay("P0", "1", on: "2026-02-01", loan: F.loan2)) }
                == "not-found:loan")
        let quote = h.statement(asOf: "2026-02-01").payoff.amount
        try h.run(.repay(loan: F.loan, amount: quote, on: F.date("2026-02-01"),
                         reference: F.ref("P1"), channel: nil))
        #expect(F.refusal { _ = try h.decide(F.repay("P2", "0.01", on: "2026-02-01")) }
                == "above-payoff")
    }

    func allocation(of events: [DecidedEvent]) -> Allocation? {
        for decided in events {
            if case .repaymentReceived(let received) = decided.event { return received.allocation }
        }
        return nil
    }
}
