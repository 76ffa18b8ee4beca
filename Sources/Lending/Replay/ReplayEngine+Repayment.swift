// Allocation of a repayment: refund shortfall, then (written off) recovery, or payoff
// settlement when the amount reaches the payoff, or the ordinary order: installments due on or
// before the day oldest first (penalty → interest → principal), then future installments in due
// order (interest → principal). Anything left is overpaid.

extension ReplayEngine {
    mutating func repay(_ amount: Money, reference: PaymentReference, on date: BusinessDate)
        -> Allocation
    {
        var allocation = Allocation()
        var budget = amount
        if credit.fen < 0 {
            let part = Money.min(budget, -credit)
            credit += part
            budget -= part
            allocation.refundShortfall = part
            totals.refundShortfallPaid += part
        }
        if writeOff != nil {
            recover(&budget, into: &allocation, on: date)
        } else {
            let quote = payoffQuote(on: date)
            let owed = quote.amount - quote.refundShortfall
            if owed.isPositive, budget >= owed {
                settle(quote, reference: reference, into: &allocation, on: date)
                budget -= owed
            } else {
                for index in ledgers.indices where ledgers[index].dueDate <= date {
                    pay(index, &budget, reference: reference, into: &allocation, on: date)
                }
                for index in ledgers.indices where ledgers[index].dueDate > date {
                    pay(index, &budget, reference: reference, into: &allocation, on: date)
                }
            }
        }
        if budget.isPositive {
            allocation.overpaid = budget
            totals.overpaid += budget
            credit += budget
        }
        return allocation
    }

    /// Pays one installment from `budget`: penalty owed through `date`, interest, principal.
    mutating func pay(
        _ index: Int, _ budget: inout Money, reference: PaymentReference,
        into allocation: inout Allocation, on date: BusinessDate
    ) {
        var ledger = ledgers[index]
        let penaltyOwed = ledger.unpaidPenalty(through: date, rate: rate)
        if penaltyOwed.isPositive, budget.isPositive {
            let part = Money.min(budget, penaltyOwed)
            ledger.paidPenalty += part
            budget -= part
            allocation.penalty += part
            totals.paidPenalty += part
            // Paying all penalty accrued through the day ends the stretch.
            if part == penaltyOwed { ledger.closeStretch(through: date, rate: rate) }
        }
        let interestPart = Money.min(budget, ledger.unpaidInterest)
        if interestPart.isPositive {
            ledger.paidInterest += interestPart
            budget -= interestPart
            allocation.interest += interestPart
            totals.paidInterest += interestPart
            if date < ledger.dueDate {
                ledger.advanceInterest.append((reference, interestPart))
            }
        }
        let principalPart = Money.min(budget, ledger.unpaidPrincipal)
        if principalPart.isPositive {
            // The day's penalty accrues on the principal unpaid at the start of the day.
            ledger.closeStretch(through: date, rate: rate)
            ledger.paidPrincipal += principalPart
            budget -= principalPart
            allocation.principal += principalPart
            totals.paidPrincipal += principalPart
        }
        if ledger.paidOn == nil, ledger.isSettled(through: date, rate: rate) {
            ledger.paidOn = date
        }
        ledgers[index] = ledger
    }

    /// Settles the loan with its payoff: due installments in full; not-due installments owe
    /// their principal and, on the first of them, the net current-period interest only.
    mutating func settle(
        _ quote: PayoffQuote, reference: PaymentReference, into allocation: inout Allocation,
        on date: BusinessDate
    ) {
        var budget = quote.amount - quote.refundShortfall
        let current = currentPeriodInterest(on: date)
        var first = true
        for index in ledgers.indices {
            if ledgers[index].dueDate > date {
                // Scheduled future interest is not owed; the current period's net interest is.
                let extra = first ? current.net : .zero
                first = false
                ledgers[index].interest = ledgers[index].paidInterest + extra
                if extra.isPositive { ledgers[index].paidOn = nil }
            }
            pay(index, &budget, reference: reference, into: &allocation, on: date)
        }
        assert(budget.isZero, "payoff settlement left money unallocated")
    }

    /// Recovery after a write-off: principal → interest → penalty of the written-off amounts.
    mutating func recover(
        _ budget: inout Money, into allocation: inout Allocation, on date: BusinessDate
    ) {
        guard var outcome = writeOff else { return }
        let left = outcome.unrecovered
        let principal = Money.min(budget, left.principal)
        budget -= principal
        let interest = Money.min(budget, left.interest)
        budget -= interest
        let penalty = Money.min(budget, left.penalty)
        budget -= penalty
        outcome.recoveredPrincipal += principal
        outcome.recoveredInterest += interest
        outcome.recoveredPenalty += penalty
        allocation.recoveredPrincipal += principal
        allocation.recoveredInterest += interest
        allocation.recoveredPenalty += penalty
        totals.recovered += principal + interest + penalty
        totals.recoveredPrincipal += principal
        writeOff = outcome
        if recoveredOn == nil, outcome.unrecovered.total.isZero {
            recoveredOn = date
            for index in ledgers.indices where ledgers[index].paidOn == nil {
                ledgers[index].paidOn = date
            }
        }
    }
}
