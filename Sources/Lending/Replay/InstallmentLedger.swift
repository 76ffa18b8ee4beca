/// The mutable state of one installment during replay (internal to ``LoanReplay``).
///
/// Penalty convention: day x accrues on the principal unpaid at the start of day x, so a
/// payment on day x covers day x. The open stretch runs from ``stretchStart`` on the current
/// unpaid principal; ``penaltyClosed`` holds the rounded sum of closed stretches.
struct InstallmentLedger: Sendable {
    var number: Int64
    var dueDate: BusinessDate
    var principal: Money
    var interest: Money
    var paidPrincipal: Money = .zero
    var paidInterest: Money = .zero
    var paidPenalty: Money = .zero
    var waivedPenalty: Money = .zero
    /// Rounded penalty of closed stretches (contingent until the installment is overdue).
    var penaltyClosed: Money = .zero
    /// First day of the open penalty stretch.
    var stretchStart: BusinessDate
    /// No accrual after a write-off or restructure.
    var accrualStopped = false
    /// True once the end of grace has passed and the overdue question is settled.
    var graceDecided = false
    /// due + grace + 1, when the installment was unpaid at the end of grace.
    var overdueFrom: BusinessDate?
    var paidOn: BusinessDate?
    /// Interest paid while not yet due, by payment (restructures credit it back).
    var advanceInterest: [(reference: PaymentReference, amount: Money)] = []

    init(_ row: ScheduledInstallment) {
        number = row.number
        dueDate = row.dueDate
        principal = row.principal
        interest = row.interest
        stretchStart = row.dueDate.adding(days: 1)
    }

    var unpaidPrincipal: Money { principal - paidPrincipal }
    var unpaidInterest: Money { interest - paidInterest }

    /// True when penalty is really owed on `date`: the installment is overdue by then.
    func isOverdue(on date: BusinessDate) -> Bool {
        guard let from = overdueFrom else { return false }
        return from <= date
    }

    /// Penalty of the open stretch through `date` (inclusive) at the current principal.
    func openStretchPenalty(through date: BusinessDate, rate: PenaltyRate) -> Money {
        guard !accrualStopped, date >= stretchStart else { return .zero }
        return rate.penalty(on: unpaidPrincipal, days: stretchStart.days(until: date) + 1)
    }

    /// Penalty accrued through `date` (zero while not overdue on that date).
    func accruedPenalty(through date: BusinessDate, rate: PenaltyRate) -> Money {
        guard isOverdue(on: date) else { return .zero }
        return penaltyClosed + openStretchPenalty(through: date, rate: rate)
    }

    /// Accrued penalty through `date` neither paid nor waived.
    func unpaidPenalty(through date: BusinessDate, rate: PenaltyRate) -> Money {
        guard isOverdue(on: date) else { return .zero }
        return accruedPenalty(through: date, rate: rate) - paidPenalty - waivedPenalty
    }

    /// Ends the open stretch after `date`; the next one starts the day after.
    mutating func closeStretch(through date: BusinessDate, rate: PenaltyRate) {
        guard !accrualStopped, date >= stretchStart else { return }
        penaltyClosed += openStretchPenalty(through: date, rate: rate)
        stretchStart = date.adding(days: 1)
    }

    /// True when principal, interest and penalty through `date` are all settled.
    func isSettled(through date: BusinessDate, rate: PenaltyRate) -> Bool {
        unpaidPrincipal.isZero && unpaidInterest.isZero
            && unpaidPenalty(through: date, rate: rate).isZero
    }
}
