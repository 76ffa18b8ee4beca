// Restructure on day t: unpaid principal + unpaid interest of installments due on or before t
// become the principal of a new equal-installment schedule starting at t. The current period's
// accrued interest is dropped, penalty accrued through t is waived, DPD returns to 0.

extension ReplayEngine {
    /// Replaces the schedule in force with a new equal-installment schedule from `date`.
    ///
    /// Interest paid in advance on installments due after `date` paid for periods that no
    /// longer exist: it is credited back as principal paid (the payments' allocations move it
    /// from interest to principal), and any part above what is owed becomes overpaid.
    /// Replay ignores a restructure of a loan written off or with nothing owed, and terms
    /// outside 1…``LendingLimits/installmentCountMax`` (commands refuse these first).
    mutating func restructure(termMonths: Int64, on date: BusinessDate) {
        guard writeOff == nil, termMonths >= 1, termMonths <= LendingLimits.installmentCountMax,
            !ledgers.allSatisfy({ $0.paidOn != nil })
        else { return }
        let replaced = ledgers.map { installmentState($0, asOf: date) }
        let dropped = currentPeriodInterest(on: date).accrued
        var unpaidPrincipal = Money.zero
        var capitalised = Money.zero
        var waived = Money.zero
        for index in ledgers.indices {
            let ledger = ledgers[index]
            unpaidPrincipal += ledger.unpaidPrincipal
            if ledger.dueDate <= date {
                capitalised += ledger.unpaidInterest
                waived += ledger.unpaidPenalty(through: date, rate: rate)
            }
            if let from = ledger.overdueFrom, from <= date {
                replacedSpans.append(DateSpan(from: from, through: ledger.paidOn ?? date))
            }
        }
        let credited = creditAdvanceInterest(on: date, owed: unpaidPrincipal + capitalised)
        let newPrincipal = unpaidPrincipal + capitalised - credited
        totals.capitalisedInterest += capitalised
        totals.waivedPenalty += waived
        let schedule = newPrincipal.isPositive
            ? ScheduleBuilder.build(
                principal: newPrincipal, dailyRate: contract.terms.dailyRate,
                method: .equalInstallment, termMonths: termMonths, start: date)
            : []
        restructures.append(RestructureOutcome(
            date: date, capitalisedInterest: capitalised, waivedPenalty: waived,
            droppedInterest: dropped, advanceInterestCredited: credited,
            newPrincipal: newPrincipal, termMonths: termMonths, newSchedule: schedule,
            replacedInstallments: replaced))
        contract.schedule = schedule
        contract.terms.method = .equalInstallment
        contract.terms.termMonths = termMonths
        ledgers = schedule.map(InstallmentLedger.init)
        periodStart = date
    }

    /// Moves interest paid in advance on installments due after `date` to principal, up to
    /// `owed`; the rest becomes overpaid. Returns the amount credited as principal.
    mutating func creditAdvanceInterest(on date: BusinessDate, owed: Money) -> Money {
        var room = owed
        var credited = Money.zero
        for ledger in ledgers where ledger.dueDate > date {
            for (reference, amount) in ledger.advanceInterest {
                let asPrincipal = Money.min(room, amount)
                let asOverpaid = amount - asPrincipal
                room -= asPrincipal
                credited += asPrincipal
                var allocation = allocations[reference] ?? Allocation()
                allocation.interest -= amount
                allocation.principal += asPrincipal
                allocation.overpaid += asOverpaid
                allocations[reference] = allocation
                totals.paidInterest -= amount
                totals.paidPrincipal += asPrincipal
                totals.overpaid += asOverpaid
                credit += asOverpaid
            }
        }
        return credited
    }
}
