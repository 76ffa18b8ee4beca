// Turning the replayed state into the public statement.

extension ReplayEngine {
    /// The public view of one ledger on `date`.
    func installmentState(_ ledger: InstallmentLedger, asOf date: BusinessDate)
        -> InstallmentState
    {
        // After a write-off installments keep the status they had on the write-off day.
        let statusDate = writeOff.map { Swift.min($0.date, date) } ?? date
        let status: InstallmentStatus
        if let paid = ledger.paidOn, paid <= date {
            status = .paid
        } else if statusDate < ledger.dueDate {
            status = .pending
        } else if ledger.isOverdue(on: statusDate) {
            status = .overdue
        } else {
            status = .due
        }
        let overdueFrom = ledger.overdueFrom.flatMap { $0 <= date ? $0 : nil }
        return InstallmentState(
            number: ledger.number, dueDate: ledger.dueDate, principal: ledger.principal,
            interest: ledger.interest, paidPrincipal: ledger.paidPrincipal,
            paidInterest: ledger.paidInterest,
            penalty: ledger.accruedPenalty(through: date, rate: rate),
            paidPenalty: ledger.paidPenalty, waivedPenalty: ledger.waivedPenalty,
            status: status, overdueFrom: overdueFrom, paidOn: ledger.paidOn)
    }

    func statement(asOf date: BusinessDate) -> LoanStatement {
        let installments = ledgers.map { installmentState($0, asOf: date) }
        let oldestUnpaid = installments.first { $0.status != .paid && $0.dueDate < date }
        let dpd = oldestUnpaid.map { $0.dueDate.days(until: date) } ?? 0
        var overdue = OverdueAmounts()
        var outstanding = Money.zero
        if let outcome = writeOff {
            overdue = outcome.unrecovered
            outstanding = overdue.principal
        } else {
            for state in installments {
                outstanding += state.unpaidPrincipal
                guard state.dueDate < date else { continue }
                overdue.principal += state.unpaidPrincipal
                overdue.interest += state.unpaidInterest
                overdue.penalty += state.unpaidPenalty
            }
        }
        let nextDue = installments.first { $0.status != .paid && $0.dueDate >= date }?.dueDate
        return LoanStatement(
            asOf: date, contract: contract, status: status, closedOn: closedOn,
            restructured: !restructures.isEmpty, installments: installments, dpd: dpd,
            overdue: overdue, outstandingPrincipal: outstanding, totals: totals,
            allocations: allocations, restructures: restructures, writeOff: writeOff,
            isOverdue: installments.contains { $0.status == .overdue },
            overdueSpans: overdueSpans(installments, asOf: date), nextDueDate: nextDue,
            overpaidBalance: Money.max(.zero, credit), refundShortfall: Money.max(.zero, -credit),
            payoff: payoffQuote(on: date))
    }

    var status: LoanStatus {
        if writeOff != nil, recoveredOn == nil { return .writtenOff }
        guard owesNothing else { return .active }
        return credit.isPositive ? .overpaid : .closed
    }

    /// Merges the overdue runs of every installment (replaced ones included) into loan spans.
    func overdueSpans(_ installments: [InstallmentState], asOf date: BusinessDate)
        -> [DateSpan]
    {
        var runs = replacedSpans
        for state in installments {
            guard let from = state.overdueFrom else { continue }
            runs.append(DateSpan(from: from, through: state.paidOn))
        }
        runs.sort { $0.from < $1.from }
        var merged: [DateSpan] = []
        for run in runs {
            guard let last = merged.last, let lastThrough = last.through,
                run.from <= lastThrough.adding(days: 1)
            else {
                if let last = merged.last, last.through == nil { continue }
                merged.append(run)
                continue
            }
            let through = run.through.map { Swift.max($0, lastThrough) }
            merged[merged.count - 1].through = through
        }
        return merged
    }
}
