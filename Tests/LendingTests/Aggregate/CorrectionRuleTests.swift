import Testing
import Lending

/// Backdated facts and the corrections they append; reversal, restructure, write-off, waiver
/// and refund through the aggregate.
@Suite struct CorrectionRuleTests {
    typealias F = AggregateFixture

    /// The worked-example loan left unpaid, days closed through 2026-02-19 (overdue and frozen
    /// on 2026-02-19), today `today`.
    func sentToCollections(today: String = "2026-02-20") throws -> CustomerHarness {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        h.closeDays(through: "2026-02-19")
        h.advance(to: today)
        #expect(h.loan().isRecordedOverdue)
        return h
    }

    @Test("A backdated repayment proving the loan never overdue appends corrections today")
    func backdatedRepaymentCorrects() throws {
        var h = try sentToCollections()
        let events = try h.run(F.repay("P1", "899.75", on: "2026-02-17"))
        let paidOn = F.date("2026-02-17")
        let today = F.date("2026-02-20")
        #expect(events.first?.effectiveDate == paidOn)
        #expect(Array(events.dropFirst()) == [
            DecidedEvent(.loanCured(.init(loan: F.loan, reason: .backdatedRepayment,
                                          correctsFrom: paidOn)), on: today),
            DecidedEvent(.collectionStageChanged(.init(
                loan: F.loan, from: .early, to: .current, dpd: 0, overdueAmount: .zero,
                correctsFrom: paidOn)), on: today),
            DecidedEvent(.creditLineUnfrozen(.init(customerId: F.customer, reason: .overdue,
                                                   correctsFrom: paidOn)), on: today),
        ])
        #expect(h.state.line?.status == .active)
        #expect(h.close("2026-02-20") == [])
    }

    @Test("A backdated repayment that changes a later payment's split appends RepaymentReallocated")
    func backdatedReallocates() throws {
        var h = try sentToCollections()
        let late = try h.run(F.repay("P2", "100", on: "2026-02-20"))
        let before = try #require(allocation(of: late))
        #expect(before.penalty.isPositive)  // overdue: penalty is paid first
        h.close("2026-02-20")
        h.closeDays(through: "2026-02-22")
        let events = try h.run(F.repay("P1", "899.75", on: "2026-02-14"))
        let now = h.statement(asOf: "2026-02-22").allocations[F.ref("P2")]
        #expect(now == Allocation(interest: .yuan(100)))
        let reallocated = RepaymentReallocated(
            loan: F.loan, reference: F.ref("P2"), previous: before,
            current: Allocation(interest: .yuan(100)), cause: "repayment P1")
        #expect(events.contains(DecidedEvent(.repaymentReallocated(reallocated),
                                             on: F.date("2026-02-22"))))
        #expect(h.loan().recordedAllocations[F.ref("P2")] == reallocated.current)
        #expect(F.types(events) == ["RepaymentReceived", "RepaymentReallocated", "LoanCured",
                                    "CollectionStageChanged", "CreditLineUnfrozen"])
    }

    @Test("A line closed at DPD 91 stays closed when a backdated payment shows 91 never came")
    func closedLineStaysClosed() throws {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        h.closeDays(through: "2026-05-17")
        #expect(h.state.line?.closure == .dpd91)
        h.advance(to: "2026-05-18")
        let owed = h.statement(asOf: "2026-05-10").overdue.total
        let events = try h.run(.repay(loan: F.loan, amount: owed, on: F.date("2026-05-10"),
                                      reference: F.ref("P1"), channel: nil))
        #expect(F.types(events) == ["RepaymentReceived", "LoanCured", "CollectionStageChanged",
                                    "CreditLineUnfrozen"])
        #expect(h.statement(asOf: "2026-05-17").dpd < LendingLimits.dpdLineClose)
        #expect(h.state.line?.status == .closed)
        #expect(h.state.line?.closure == .dpd91)
        #expect(h.close("2026-05-18") == [])
    }

    @Test("A fact the day after the last closed day is not backdated: no correction")
    func dayAfterClosedIsNotBackdated() throws {
        var h = try sentToCollections(today: "2026-02-20")
        let owed = h.statement(asOf: "2026-02-20").overdue.total
        let events = try h.run(.repay(loan: F.loan, amount: owed, on: h.today,
                                      reference: F.ref("P1"), channel: nil))
        #expect(Array(events.dropFirst()) == [
            DecidedEvent(.loanCured(.init(loan: F.loan, reason: .payment)), on: h.today),
            DecidedEvent(.creditLineUnfrozen(.init(customerId: F.customer, reason: .overdue)),
                         on: h.today),
        ])
    }

    @Test("A bounced payoff reopens the closed loan")
    func bouncedPayoffReopens() throws {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        h.advance(to: "2026-02-01")
        let quote = h.statement(asOf: "2026-02-01").payoff.amount
        try h.run(.repay(loan: F.loan, amount: quote, on: h.today, reference: F.ref("P1"),
                         channel: nil))
        #expect(h.loan().isRecordedClosed)
        h.advance(to: "2026-02-03")
        let events = try h.run(.reverse(loan: F.loan, reference: F.ref("P1"), on: h.today))
        #expect(events == [
            DecidedEvent(.repaymentReversed(.init(loan: F.loan, reference: F.ref("P1"),
                                                  amount: quote,
                                                  paymentDate: F.date("2026-02-01"))),
                         on: h.today),
            DecidedEvent(.loanReopened(.init(loan: F.loan, cause: "reversal P1")), on: h.today),
        ])
        #expect(!h.loan().isRecordedClosed)
        #expect(h.statement(asOf: "2026-02-03").outstandingPrincipal == .yuan(10_000))
    }

    @Test("A backdated reversal puts the loan back into collections, effective today")
    func backdatedReversal() throws {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        h.advance(to: "2026-02-15")
        try h.run(F.repay("P1", "899.75", on: "2026-02-15"))
        h.closeDays(through: "2026-02-25")
        h.advance(to: "2026-02-26")
        let events = try h.run(.reverse(loan: F.loan, reference: F.ref("P1"), on: h.today))
        #expect(F.types(events) == ["RepaymentReversed", "InstallmentOverdue",
                                    "CollectionStageChanged", "CreditLineFrozen"])
        #expect(events.allSatisfy { $0.effectiveDate == F.date("2026-02-26") })
        #expect(h.loan().isRecordedOverdue)
        #expect(h.state.line?.freezeReasons == [.overdue])
    }

    @Test("A cured loan whose cure bounces is overdue and frozen again")
    func reversedCure() throws {
        var h = try sentToCollections(today: "2026-02-21")
        h.close("2026-02-20")
        let owed = h.statement(asOf: "2026-02-21").overdue.total
        try h.run(.repay(loan: F.loan, amount: owed, on: h.today, reference: F.ref("P1"),
                         channel: nil))
        h.close("2026-02-21")
        #expect(!h.loan().isRecordedOverdue)
        #expect(h.state.line?.status == .active)
        h.advance(to: "2026-02-23")
        let reversal = try h.run(.reverse(loan: F.loan, reference: F.ref("P1"), on: h.today))
        #expect(F.types(reversal) == ["RepaymentReversed", "InstallmentOverdue",
                                      "CollectionStageChanged", "CreditLineFrozen"])
        #expect(h.close("2026-02-22") == [])
        #expect(h.close("2026-02-23") == [])
        #expect(h.statement(asOf: "2026-02-23").isOverdue)
        #expect(h.loan().isRecordedOverdue)
        #expect(h.state.line?.freezeReasons == [.overdue])
        #expect(F.refusal { _ = try h.decide(F.disbursement(F.loan2, "10", on: "2026-02-23")) }
                == "line-frozen")
    }

    @Test("A restructure capitalises interest, freezes the line until the loan closes, DPD 0")
    func restructure() throws {
        var h = try sentToCollections(today: "2026-03-01")
        h.closeDays(through: "2026-02-28")
        let events = try h.run(.restructure(loan: F.loan, termMonths: 24, on: h.today))
        #expect(F.types(events) == ["LoanRestructured", "CreditLineFrozen", "LoanCured",
                                    "CreditLineUnfrozen"])
        guard case .loanRestructured(let restructured) = events[0].event else { return }
        #expect(restructured.outcome.capitalisedInterest == .yuan(120))
        #expect(restructured.outcome.newPrincipal == F.yuan("10120"))
        #expect(restructured.outcome.newSchedule.count == 24)
        #expect(events[2] == DecidedEvent(.loanCured(.init(loan: F.loan, reason: .restructure)),
                                          on: h.today))
        #expect(h.state.line?.freezeReasons == [.restructured])
        let statement = h.statement(asOf: "2026-03-01")
        #expect(statement.dpd == 0)
        #expect(statement.outstandingPrincipal == F.yuan("10120"))
        #expect(statement.totals.capitalisedInterest == .yuan(120))
        #expect(h.state.availableCredit(asOf: h.today) == F.yuan("39880"))
        #expect(F.types(h.close("2026-03-01")) == ["CollectionStageChanged"])
        h.advance(to: "2026-03-10")
        let payoff = h.statement(asOf: "2026-03-10").payoff.amount
        let closing = try h.run(.repay(loan: F.loan, amount: payoff, on: h.today,
                                       reference: F.ref("P9"), channel: nil))
        #expect(F.types(closing) == ["RepaymentReceived", "LoanClosed", "CreditLineUnfrozen"])
        #expect(h.state.line?.freezeReasons == [])
    }

    @Test("A bounced payoff of a restructured loan brings the restructured freeze back")
    func bouncedRestructuredPayoff() throws {
        var h = try sentToCollections(today: "2026-03-01")
        try h.run(.restructure(loan: F.loan, termMonths: 12, on: h.today))
        h.advance(to: "2026-03-10")
        let payoff = h.statement(asOf: "2026-03-10").payoff.amount
        try h.run(.repay(loan: F.loan, amount: payoff, on: h.today, reference: F.ref("P9"),
                         channel: nil))
        #expect(h.state.line?.freezeReasons == [])
        let events = try h.run(.reverse(loan: F.loan, reference: F.ref("P9"), on: h.today))
        #expect(F.types(events) == ["RepaymentReversed", "LoanReopened", "CreditLineFrozen"])
        #expect(events.last?.event == .creditLineFrozen(.init(
            customerId: F.customer, reason: .restructured, causedByLoan: F.loan)))
        #expect(h.state.line?.freezeReasons == [.restructured])
    }

    @Test("A restructure term is 3 to 36 months", arguments: [2, 3, 36, 37])
    func restructureTerm(_ months: Int64) throws {
        let h = try sentToCollections()
        let refusal = F.refusal {
            _ = try h.decide(.restructure(loan: F.loan, termMonths: months, on: h.today))
        }
        #expect(refusal == ((3...36).contains(months) ? nil : "invalid:term"))
    }

    @Test("A backdated restructure cures with reason restructure")
    func backdatedRestructure() throws {
        var h = try sentToCollections(today: "2026-03-01")
        h.closeDays(through: "2026-02-28")
        let events = try h.run(.restructure(loan: F.loan, termMonths: 6,
                                            on: F.date("2026-02-25")))
        let cures = events.compactMap { decided -> LoanCured? in
            guard case .loanCured(let cure) = decided.event else { return nil }
            return cure
        }
        #expect(cures == [LoanCured(loan: F.loan, reason: .restructure,
                                    correctsFrom: F.date("2026-02-25"))])
    }

    @Test("Write-off is allowed only from DPD 91", arguments: [
        ("2026-05-16", "write-off-dpd"), ("2026-05-17", nil), ("2026-06-30", nil),
    ] as [(String, String?)])
    func writeOffThreshold(_ day: String, _ refusal: String?) throws {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        h.advance(to: day)
        let outcome = F.refusal {
            let events = try h.run(.writeOff(loan: F.loan, on: h.today))
            #expect(F.types(events) == ["LoanWrittenOff"])
        }
        #expect(outcome == refusal)
        guard refusal == nil else { return }
        let statement = h.statement(asOf: day)
        #expect(statement.status == .writtenOff)
        #expect(statement.writeOff?.principal == .yuan(10_000))
        #expect(h.loan().isWrittenOff)
        #expect(h.state.availableCredit(asOf: h.today) == .yuan(40_000))
    }

    @Test("A written-off loan is quiet at end of day; a bounced recovery reopens it")
    func writtenOffRecoveryBounces() throws {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        h.closeDays(through: "2026-05-17")
        try h.run(.writeOff(loan: F.loan, on: h.today))
        let quiet = h.closeDays(through: "2026-06-30")
        #expect(quiet.values.allSatisfy { $0.isEmpty })
        h.advance(to: "2026-07-01")
        let left = h.statement(asOf: "2026-07-01").payoff.amount
        #expect(left == h.statement(asOf: "2026-05-17").writeOff?.total)
        let recovered = try h.run(.repay(loan: F.loan, amount: left, on: h.today,
                                         reference: F.ref("R1"), channel: nil))
        #expect(F.types(recovered) == ["RepaymentReceived", "LoanClosed", "LoanCured",
                                       "CreditLineUnfrozen"])
        let bounced = try h.run(.reverse(loan: F.loan, reference: F.ref("R1"), on: h.today))
        #expect(F.types(bounced) == ["RepaymentReversed", "LoanReopened"])
        #expect(h.statement(asOf: "2026-07-01").status == .writtenOff)
        let closing = h.close("2026-07-01")
        #expect(Set(F.types(closing)).isSuperset(of: ["InstallmentOverdue",
                                                       "CreditLineFrozen"]))
        #expect(h.loan().isRecordedOverdue)
        #expect(F.refusal {
            _ = try h.decide(.reopenLine(limit: .yuan(1), on: h.today))
        } == "reopen-written-off")
    }

    @Test("A penalty waiver is capped at the unpaid penalty")
    func waiverCap() throws {
        var h = try sentToCollections(today: "2026-02-25")
        let unpaid = h.statement(asOf: "2026-02-25").installments.map(\.unpaidPenalty).sum()
        #expect(unpaid.isPositive)
        let over = LendingCommand.waivePenalty(loan: F.loan, amount: unpaid + Money(fen: 1),
                                               on: h.today)
        #expect(F.refusal { _ = try h.decide(over) } == "waiver-above-penalty")
        let events = try h.run(.waivePenalty(loan: F.loan, amount: unpaid, on: h.today))
        #expect(events == [DecidedEvent(.penaltyWaived(.init(loan: F.loan, amount: unpaid)),
                                        on: h.today)])
        #expect(h.statement(asOf: "2026-02-25").installments.map(\.unpaidPenalty).sum() == .zero)
    }

    @Test("A refund is at most the overpaid balance, refunds included")
    func refundCap() throws {
        var h = try CustomerHarness.withLine(loan: F.disbursement())
        h.advance(to: "2026-02-15")
        try h.run(F.repay("P1", "899.75", on: "2026-02-15"))
        h.advance(to: "2026-03-01")
        let payoff = h.statement(asOf: "2026-03-01").payoff.amount
        try h.run(.repay(loan: F.loan, amount: payoff, on: h.today, reference: F.ref("P2"),
                         channel: nil))
        h.advance(to: "2026-03-05")
        let late = try h.run(F.repay("P3", "100", on: "2026-02-20"))
        // Judged against the payoff already recorded on 2026-03-01: the loan stays paid off.
        #expect(F.types(late) == ["RepaymentReceived", "RepaymentReallocated"])
        let overpaid = h.statement(asOf: "2026-03-05").overpaidBalance
        #expect(overpaid.isPositive)
        #expect(h.statement(asOf: "2026-03-05").status == .overpaid)
        let over = LendingCommand.refund(loan: F.loan, amount: overpaid + Money(fen: 1),
                                         on: h.today, reference: F.ref("RF1"))
        #expect(F.refusal { _ = try h.decide(over) } == "refund-above-overpaid")
        let events = try h.run(.refund(loan: F.loan, amount: overpaid, on: h.today,
                                       reference: F.ref("RF1")))
        #expect(F.types(events) == ["RefundIssued"])
        #expect(h.statement(asOf: "2026-03-05").status == .closed)
        let again = LendingCommand.refund(loan: F.loan, amount: overpaid, on: h.today,
                                          reference: F.ref("RF2"))
        #expect(F.refusal { _ = try h.decide(again) } == "refund-above-overpaid")
        let repeated = LendingCommand.refund(loan: F.loan, amount: overpaid, on: h.today,
                                             reference: F.ref("RF1"))
        #expect(try h.decide(repeated) == .alreadyApplied(reference: F.ref("RF1")))
    }

    func allocation(of events: [DecidedEvent]) -> Allocation? {
        for decided in events {
            if case .repaymentReceived(let received) = decided.event { return received.allocation }
        }
        return nil
    }
}
