// Payoff on day t = duePart + notDuePrincipal
//                 + max(0, round(notDuePrincipal × daily × days) − advanceInterestPaid)
// with days = t − start of the current period (the latest due date on or before t, or the
// disbursement / restructure date).

extension ReplayEngine {
    /// Current-period interest on `date`: accrued, interest already paid on installments due
    /// after the date, and the net still owed.
    struct CurrentPeriodInterest {
        var accrued: Money
        var advancePaid: Money
        var net: Money { Money.max(.zero, accrued - advancePaid) }
    }

    /// The start of the period containing `date`.
    func periodStart(containing date: BusinessDate) -> BusinessDate {
        var start = periodStart
        for ledger in ledgers where ledger.dueDate <= date {
            start = Swift.max(start, ledger.dueDate)
        }
        return start
    }

    func currentPeriodInterest(on date: BusinessDate) -> CurrentPeriodInterest {
        var notDuePrincipal = Money.zero
        var advancePaid = Money.zero
        for ledger in ledgers where ledger.dueDate > date {
            notDuePrincipal += ledger.unpaidPrincipal
            advancePaid += ledger.paidInterest
        }
        let days = Swift.max(0, periodStart(containing: date).days(until: date))
        let accrued = Rounding.fen(
            notDuePrincipal, times: Int128(contract.terms.dailyRate.millionths) * Int128(days),
            over: Int128(DailyRate.scale))
        return CurrentPeriodInterest(accrued: accrued, advancePaid: advancePaid)
    }

    /// What settles the loan on `date` given the facts replayed so far.
    func payoffQuote(on date: BusinessDate) -> PayoffQuote {
        let shortfall = Money.max(.zero, -credit)
        if let outcome = writeOff {
            let left = outcome.unrecovered
            return PayoffQuote(
                date: date, principal: left.principal, interest: left.interest,
                penalty: left.penalty, refundShortfall: shortfall)
        }
        var principal = Money.zero
        var interest = Money.zero
        var penalty = Money.zero
        for ledger in ledgers {
            principal += ledger.unpaidPrincipal
            if ledger.dueDate <= date {
                interest += ledger.unpaidInterest
                penalty += ledger.unpaidPenalty(through: date, rate: rate)
            }
        }
        interest += currentPeriodInterest(on: date).net
        return PayoffQuote(
            date: date, principal: principal, interest: interest, penalty: penalty,
            refundShortfall: shortfall)
    }
}
