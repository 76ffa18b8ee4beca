import Testing
import Lending

/// Properties of the aggregate over random valid command sequences: days advance, commands are
/// decided and folded, days are closed (sometimes several at once, so facts also land on days
/// not yet closed), and after every step the invariants below hold.
@Suite struct AggregatePropertyTests {
    typealias F = AggregateFixture

    static let seeds = AggregateRandom.seeds(
        base: 0xA66_2E6A_7E00, count: 200 * AggregateRandom.heavyFactor)

    @Test("Random command sequences keep the aggregate's invariants", arguments: seeds)
    func invariants(seed: UInt64) {
        print("AggregatePropertyTests seed \(seed)")
        var h = CustomerHarness(customer: CustomerID(validated: "C\(seed % 97)"),
                                today: "2026-01-10")
        var activity = RandomActivity(seed: seed)
        var rng = AggregateRandom(seed: ~seed)
        var problems: [String] = []
        for _ in 0..<90 {
            if rng.chance(perMille: 100) { problems += Self.payoffSettles(h) }
            for command in activity.commands(for: h) {
                let outcome = h.attempt(command)
                if case .failure(let error) = outcome, error.category == .bug {
                    problems.append("\(command) on \(h.today): \(error)")
                }
                guard case .success(.append) = outcome else { continue }
                problems += Self.violations(h, after: "\(command)")
            }
            if rng.chance(perMille: 700) {
                h.closeDays(through: h.today.description)
                problems += Self.violations(h, after: "close \(h.today)")
                problems += Self.recordMismatches(h).map { "close \(h.today): \($0)" }
                let again = h.state.closeDay(h.today, policy: h.policies.policy(on: h.today))
                if !again.isEmpty { problems.append("closing \(h.today) twice: \(again)") }
            }
            guard problems.isEmpty else { break }
            h.today = h.today.adding(days: 1)
        }
        #expect(problems.isEmpty, "seed \(seed): \(problems.prefix(5))")
    }

    /// Every invariant broken by `h`'s state, described.
    static func violations(_ h: CustomerHarness, after step: String) -> [String] {
        var found: [String] = []
        if h.replayed != h.state { found.append("fold of the log != incremental state") }
        found += logAllocations(h)
        found += repeatedNotices(h)
        var outstanding = Money.zero
        for loan in h.state.orderedLoans {
            let day = Swift.max(h.today, loan.contract.disbursedOn)
            let statement = loan.statement(asOf: day)
            let totals = statement.totals
            outstanding += totals.disbursed + totals.capitalisedInterest - totals.paidPrincipal
                - totals.recoveredPrincipal
            found += conservation(statement).map { "\(loan.contract.loanId): \($0)" }
            found += negatives(statement).map { "\(loan.contract.loanId): negative \($0)" }
            found += allocations(statement, h).map { "\(loan.contract.loanId): \($0)" }
            let paidOff = statement.status == .closed || statement.status == .overpaid
            if loan.isRecordedClosed != paidOff {
                found.append("\(loan.contract.loanId): recorded closed \(loan.isRecordedClosed) "
                             + "but status \(statement.status)")
            }
            for (reference, recorded) in loan.recordedAllocations
            where statement.allocations[reference] != recorded {
                found.append("\(reference): recorded split \(recorded) but replay says "
                             + "\(String(describing: statement.allocations[reference]))")
            }
        }
        if let line = h.state.line {
            let expected = Money.max(.zero, line.limit - outstanding)
            let available = h.state.availableCredit(asOf: h.today)
            if available != expected { found.append("available \(available) != \(expected)") }
        }
        return found.map { "after \(step) on \(h.today): \($0)" }
    }

    /// Paying exactly today's payoff quote of an active loan settles it in the same decision.
    static func payoffSettles(_ h: CustomerHarness) -> [String] {
        var found: [String] = []
        for loan in h.state.orderedLoans where loan.contract.disbursedOn <= h.today {
            let quote = loan.statement(asOf: h.today).payoff
            guard loan.statement(asOf: h.today).status != .closed, quote.amount.isPositive
            else { continue }
            var trial = h
            let id = loan.contract.loanId
            let command = LendingCommand.repay(
                loan: id, amount: quote.amount, on: h.today,
                reference: PaymentReference(validated: "PAYOFF-PROBE"), channel: nil)
            guard case .success(.append(let events)) = trial.attempt(command) else {
                found.append("\(id): payoff \(quote.amount) on \(h.today) refused")
                continue
            }
            let status = trial.loan(id).statement(asOf: h.today).status
            if status != .closed || !events.contains(where: { $0.event.type == "LoanClosed" }) {
                found.append("\(id): payoff \(quote.amount) on \(h.today) left it \(status), "
                             + "appended \(F.types(events))")
            }
        }
        return found
    }

    /// Right after end of day through today, the operational record (overdue, stage, freeze
    /// reasons) says what the replay says on that day.
    static func recordMismatches(_ h: CustomerHarness) -> [String] {
        var found: [String] = []
        let policy = h.policies.policy(on: h.today)
        for loan in h.state.orderedLoans {
            let s = loan.statement(asOf: h.today)
            let id = loan.contract.loanId
            if loan.isRecordedOverdue != s.isOverdue {
                found.append("\(id): recorded overdue \(loan.isRecordedOverdue), "
                             + "replay \(s.isOverdue)")
            }
            let stage = policy.stage(dpd: s.dpd, overdueAmount: s.overdue.total,
                                     graceDays: loan.contract.terms.graceDays)
            if loan.recordedStage != stage {
                found.append("\(id): recorded stage \(loan.recordedStage), replay \(stage)")
            }
        }
        let reasons = h.state.line?.freezeReasons ?? []
        let anyOverdue = h.state.orderedLoans.contains { $0.isRecordedOverdue }
        if reasons.contains(.overdue) != anyOverdue {
            found.append("overdue freeze \(reasons.contains(.overdue)), overdue loan \(anyOverdue)")
        }
        let restructuredOpen = h.state.orderedLoans.contains {
            $0.isRestructured && !$0.isRecordedClosed
        }
        if reasons.contains(.restructured) != restructuredOpen {
            found.append("restructured freeze \(reasons.contains(.restructured)), open "
                         + "restructured loan \(restructuredOpen)")
        }
        return found
    }

    /// disbursed + capitalised = outstanding + paid + recovered principal, and the same with the
    /// principal on the books (installments, or written off).
    static func conservation(_ s: LoanStatement) -> [String] {
        let t = s.totals
        let lent = t.disbursed + t.capitalisedInterest
        var found: [String] = []
        if lent != s.outstandingPrincipal + t.paidPrincipal + t.recoveredPrincipal {
            found.append("conservation: \(lent) lent, \(s.outstandingPrincipal) outstanding, "
                         + "\(t.paidPrincipal) paid, \(t.recoveredPrincipal) recovered")
        }
        let booked = s.writeOff?.principal ?? s.installments.map(\.unpaidPrincipal).sum()
        if lent != booked + t.paidPrincipal {
            found.append("conservation on the books: \(lent) lent, \(booked) booked or written "
                         + "off, \(t.paidPrincipal) paid")
        }
        return found
    }

    /// Every replayed allocation sums to its payment's amount, with no negative part.
    static func allocations(_ s: LoanStatement, _ h: CustomerHarness) -> [String] {
        var found: [String] = []
        for (reference, allocation) in s.allocations {
            guard let use = h.state.references[reference] else {
                found.append("\(reference) allocated but never received")
                continue
            }
            if allocation.total != use.amount {
                found.append("\(reference) allocates \(allocation.total) of \(use.amount)")
            }
            if parts(of: allocation).contains(where: { $0 < .zero }) {
                found.append("\(reference) has a negative part: \(allocation)")
            }
        }
        return found
    }

    /// An installment is noticed overdue once per overdue period of its loan (a cure ends it),
    /// and never for a day before a cure already recorded (end of day closing days it left
    /// open must not reopen the period that cure ended).
    static func repeatedNotices(_ h: CustomerHarness) -> [String] {
        var noticed: [LoanID: Set<String>] = [:]
        var curedOn: [LoanID: BusinessDate] = [:]
        var found: [String] = []
        for decided in h.log {
            switch decided.event {
            case .installmentOverdue(let e):
                let key = LoanRecord.installmentKey(number: e.installment, dueDate: e.dueDate)
                if noticed[e.loan, default: []].insert(key).inserted == false {
                    found.append("\(e.loan) installment \(key) noticed twice, again on "
                                 + "\(decided.effectiveDate)")
                }
                if let cure = curedOn[e.loan], decided.effectiveDate < cure {
                    found.append("\(e.loan) installment \(key) noticed on "
                                 + "\(decided.effectiveDate), before the cure of \(cure)")
                }
            case .loanCured(let e):
                noticed[e.loan] = []
                curedOn[e.loan] = decided.effectiveDate
            default:
                break
            }
        }
        return found
    }

    /// Every split recorded in the log sums to the amount it splits.
    static func logAllocations(_ h: CustomerHarness) -> [String] {
        var found: [String] = []
        for decided in h.log {
            switch decided.event {
            case .repaymentReceived(let e) where e.allocation.total != e.amount:
                found.append("RepaymentReceived \(e.reference) splits \(e.allocation.total)")
            case .repaymentReallocated(let e) where e.current.total != e.previous.total:
                found.append("RepaymentReallocated \(e.reference) changes the amount")
            default:
                break
            }
        }
        return found
    }

    static func parts(of a: Allocation) -> [Money] {
        [a.penalty, a.interest, a.principal, a.overpaid, a.recoveredPrincipal,
         a.recoveredInterest, a.recoveredPenalty, a.refundShortfall]
    }

    /// The names of the money fields of a statement that are below zero.
    static func negatives(_ s: LoanStatement) -> [String] {
        var fields: [(String, Money)] = [
            ("outstanding", s.outstandingPrincipal), ("overpaid", s.overpaidBalance),
            ("shortfall", s.refundShortfall), ("overdue.principal", s.overdue.principal),
            ("overdue.interest", s.overdue.interest), ("overdue.penalty", s.overdue.penalty),
            ("payoff.principal", s.payoff.principal), ("payoff.interest", s.payoff.interest),
            ("payoff.penalty", s.payoff.penalty),
        ]
        let t = s.totals
        fields += [
            ("paidPrincipal", t.paidPrincipal), ("paidInterest", t.paidInterest),
            ("paidPenalty", t.paidPenalty), ("waivedPenalty", t.waivedPenalty),
            ("writtenOff", t.writtenOff), ("recovered", t.recovered), ("refunded", t.refunded),
            ("overpaidTotal", t.overpaid), ("capitalised", t.capitalisedInterest),
        ]
        for i in s.installments {
            fields += [
                ("#\(i.number).principal", i.principal), ("#\(i.number).interest", i.interest),
                ("#\(i.number).unpaidPrincipal", i.unpaidPrincipal),
                ("#\(i.number).unpaidInterest", i.unpaidInterest),
                ("#\(i.number).unpaidPenalty", i.unpaidPenalty),
                ("#\(i.number).paidPrincipal", i.paidPrincipal),
                ("#\(i.number).paidInterest", i.paidInterest),
                ("#\(i.number).paidPenalty", i.paidPenalty),
            ]
        }
        return fields.filter { $0.1 < .zero }.map { "\($0.0) \($0.1)" }
    }
}
