/// The business-order replay of one loan's money facts (internal; see ``LoanReplay``).
///
/// One value walks the facts in effective-date order, mutating installment ledgers. Work per
/// fact is O(installments); no step loops over days, because penalty stretches are closed
/// form (round(principal × rate × days)).
struct ReplayEngine: Sendable {
    /// The contract with the schedule in force.
    var contract: LoanContract
    let rate: PenaltyRate
    let graceDays: Int64
    var ledgers: [InstallmentLedger]
    /// Start of the first period of the schedule in force (disbursement or restructure date).
    var periodStart: BusinessDate
    var totals = LoanTotals()
    var allocations: [PaymentReference: Allocation] = [:]
    var restructures: [RestructureOutcome] = []
    var writeOff: WriteOffOutcome?
    /// Day the written-off amounts were fully recovered.
    var recoveredOn: BusinessDate?
    /// Overdue spans of installments replaced by a restructure.
    var replacedSpans: [DateSpan] = []
    /// overpaid − refunded + refund shortfall repaid; negative means a refund shortfall.
    var credit: Money = .zero
    var closedOn: BusinessDate?

    init(contract: LoanContract) {
        self.contract = contract
        rate = PenaltyRate(terms: contract.terms)
        graceDays = contract.terms.graceDays
        ledgers = contract.schedule.map(InstallmentLedger.init)
        periodStart = contract.disbursedOn
        totals.disbursed = contract.principal
    }

    /// Replays `facts` (log order) through `asOf`.
    ///
    /// Reversed repayments are dropped wherever they are: the reversal acts at the payment's
    /// own date. A repeated repayment reference is applied once (its first occurrence).
    static func run(_ contract: LoanContract, facts: [MoneyFact], asOf: BusinessDate)
        -> ReplayEngine
    {
        precondition(facts.count <= LendingLimits.moneyFactsPerLoanMax, "too many money facts")
        var reversed = Set<PaymentReference>()
        for fact in facts {
            if case .reversal(let reference, _) = fact { reversed.insert(reference) }
        }
        var seen = Set<PaymentReference>()
        var kept: [(index: Int, fact: MoneyFact)] = []
        for (index, fact) in facts.enumerated() where fact.effectiveDate <= asOf {
            switch fact {
            case .reversal:
                continue
            case .repayment(let reference, _, _):
                guard !reversed.contains(reference), seen.insert(reference).inserted else {
                    continue
                }
            default:
                break
            }
            kept.append((index, fact))
        }
        kept.sort { a, b in
            a.fact.effectiveDate != b.fact.effectiveDate
                ? a.fact.effectiveDate < b.fact.effectiveDate : a.index < b.index
        }
        var engine = ReplayEngine(contract: contract)
        for (_, fact) in kept {
            let date = fact.effectiveDate
            engine.advance(to: date)
            engine.apply(fact, on: date)
            engine.updateClosure(on: date)
        }
        engine.advance(to: asOf)
        return engine
    }

    /// Settles the overdue question of every installment whose grace ended before `date`.
    ///
    /// An installment not fully paid at the end of due + grace becomes overdue from
    /// due + grace + 1, with penalty counted retroactively from due + 1.
    mutating func advance(to date: BusinessDate) {
        for index in ledgers.indices where !ledgers[index].graceDecided {
            let graceEnd = ledgers[index].dueDate.adding(days: graceDays)
            guard graceEnd < date else { break }
            ledgers[index].graceDecided = true
            if ledgers[index].paidOn == nil {
                ledgers[index].overdueFrom = graceEnd.adding(days: 1)
            } else {
                // Paid in full within grace: the contingent penalty is never owed.
                ledgers[index].penaltyClosed = .zero
            }
        }
    }

    mutating func apply(_ fact: MoneyFact, on date: BusinessDate) {
        switch fact {
        case .repayment(let reference, let amount, _):
            allocations[reference] = repay(amount, reference: reference, on: date)
        case .reversal:
            break
        case .penaltyWaiver(let amount, _):
            waive(amount, on: date)
        case .restructure(let termMonths, _):
            restructure(termMonths: termMonths, on: date)
        case .writeOff:
            writeOffAll(on: date)
        case .refund(_, let amount, _):
            credit -= amount
            totals.refunded += amount
        }
    }

    /// True when nothing is owed: every installment settled (or the write-off recovered)
    /// and no refund shortfall.
    var owesNothing: Bool {
        guard credit.fen >= 0 else { return false }
        if writeOff != nil { return recoveredOn != nil }
        return ledgers.allSatisfy { $0.paidOn != nil }
    }

    mutating func updateClosure(on date: BusinessDate) {
        if owesNothing {
            if closedOn == nil { closedOn = date }
        } else {
            closedOn = nil
        }
    }
}
