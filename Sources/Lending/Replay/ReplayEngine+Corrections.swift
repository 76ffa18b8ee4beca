// Penalty waiver and write-off.

extension ReplayEngine {
    /// Waives up to `amount` of penalty unpaid on `date`, oldest installment first.
    ///
    /// The excess above the unpaid penalty is not waived (nothing to waive). A waiver that
    /// clears an installment's penalty through the day ends its stretch, like a payment.
    /// After a write-off there is no installment penalty left, so nothing is waived.
    mutating func waive(_ amount: Money, on date: BusinessDate) {
        guard writeOff == nil else { return }
        var budget = amount
        for index in ledgers.indices where budget.isPositive {
            let owed = ledgers[index].unpaidPenalty(through: date, rate: rate)
            guard owed.isPositive else { continue }
            let part = Money.min(budget, owed)
            ledgers[index].waivedPenalty += part
            totals.waivedPenalty += part
            budget -= part
            if part == owed { ledgers[index].closeStretch(through: date, rate: rate) }
            if ledgers[index].paidOn == nil, ledgers[index].isSettled(through: date, rate: rate) {
                ledgers[index].paidOn = date
            }
        }
    }

    /// Writes off every unpaid amount on `date` and stops accrual.
    ///
    /// Written off: all unpaid principal (due or not), unpaid interest of installments due on
    /// or before the date, and penalty accrued through the date and unpaid. Interest of
    /// installments not yet due is not earned and is cancelled. A loan with nothing owed, or
    /// already written off, is left alone. Installments keep the status they had that day.
    mutating func writeOffAll(on date: BusinessDate) {
        guard writeOff == nil, !ledgers.allSatisfy({ $0.paidOn != nil }) else { return }
        var principal = Money.zero
        var interest = Money.zero
        var penalty = Money.zero
        for index in ledgers.indices {
            var ledger = ledgers[index]
            principal += ledger.unpaidPrincipal
            if ledger.dueDate <= date {
                interest += ledger.unpaidInterest
                penalty += ledger.unpaidPenalty(through: date, rate: rate)
                ledger.closeStretch(through: date, rate: rate)
                if !ledger.isOverdue(on: date) { ledger.penaltyClosed = .zero }
            } else {
                ledger.interest = ledger.paidInterest
            }
            ledger.accrualStopped = true
            ledger.graceDecided = true
            ledgers[index] = ledger
        }
        writeOff = WriteOffOutcome(
            date: date, principal: principal, interest: interest, penalty: penalty)
        totals.writtenOff = principal + interest + penalty
        if writeOff?.total.isZero == true {
            recoveredOn = date
            for index in ledgers.indices where ledgers[index].paidOn == nil {
                ledgers[index].paidOn = date
            }
        }
    }
}
