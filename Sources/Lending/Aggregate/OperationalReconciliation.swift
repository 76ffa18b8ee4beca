/// How the operational record (overdue notices, stage, freezes, line closure) is brought in line
/// with the money replay on one business date.
///
/// End of day uses it for each day it closes; a backdated fact uses it for the last closed day,
/// so that corrections are appended in the same transaction as the fact that caused them.
struct OperationalReconciliation {
    /// The business date whose state is compared (the day being closed, or the last closed day).
    var comparedOn: BusinessDate
    /// The effective date of the events appended.
    var effectiveOn: BusinessDate
    /// For corrections: the business date from which the record turned out wrong.
    var correctsFrom: BusinessDate?
    /// The reason a cure carries.
    var cureReason: CureReason
    var policy: CollectionPolicy

    /// Appends to `events` (and folds into `state`) what one loan needs on ``comparedOn``.
    func reconcileLoan(
        _ id: LoanID, state: inout CustomerState, events: inout [DecidedEvent]
    ) {
        guard let loan = state.loans[id], loan.contract.disbursedOn <= comparedOn else { return }
        let statement = loan.statement(asOf: comparedOn)
        // A cure recorded for a later day (end of day lagging behind the payment that cured
        // it): this day still belongs to the overdue period that cure ended, already noticed.
        let curedLater = !loan.isRecordedOverdue
            && loan.recordedCuredOn.map { $0 > comparedOn } ?? false
        for installment in statement.installments
        where installment.status == .overdue && !curedLater {
            let key = LoanRecord.installmentKey(number: installment.number,
                                                dueDate: installment.dueDate)
            // One notice per installment per overdue period: after a cure (or a correction
            // that cured it) an installment that is overdue again is noticed again.
            guard !loan.isRecordedOverdue || !loan.recordedOverdueInstallments.contains(key)
            else { continue }
            emit(.installmentOverdue(.init(loan: id, installment: installment.number,
                                           dueDate: installment.dueDate)),
                 state: &state, events: &events)
        }
        if let current = state.loans[id], current.isRecordedOverdue, !statement.isOverdue {
            emit(.loanCured(.init(loan: id, reason: cureReason, correctsFrom: correctsFrom)),
                 state: &state, events: &events)
        }
        let stage = policy.stage(dpd: statement.dpd, overdueAmount: statement.overdue.total,
                                 graceDays: loan.contract.terms.graceDays)
        if let current = state.loans[id], current.recordedStage != stage {
            let change = CollectionStageChanged(
                loan: id, from: current.recordedStage, to: stage, dpd: statement.dpd,
                overdueAmount: statement.overdue.total, correctsFrom: correctsFrom)
            emit(.collectionStageChanged(change), state: &state, events: &events)
        }
        if statement.dpd >= LendingLimits.dpdLineClose, let line = state.line,
            line.lifecycle == .open
        {
            let closed = CreditLineClosed(customerId: state.customerId, cause: .dpd91,
                                          causedByLoan: id)
            emit(.creditLineClosed(closed), state: &state, events: &events)
        }
    }

    /// Adds or removes the `overdue` freeze reason to match the loans' recorded overdue state.
    func reconcileOverdueFreeze(state: inout CustomerState, events: inout [DecidedEvent]) {
        OperationalReconciliation.reconcileOverdueFreeze(
            state: &state, events: &events, effectiveOn: effectiveOn, correctsFrom: correctsFrom)
    }

    static func reconcileOverdueFreeze(
        state: inout CustomerState, events: inout [DecidedEvent], effectiveOn: BusinessDate,
        correctsFrom: BusinessDate?
    ) {
        guard let line = state.line else { return }
        let overdueLoan = state.orderedLoans.first { $0.isRecordedOverdue }?.contract.loanId
        let frozen = line.freezeReasons.contains(.overdue)
        if let overdueLoan, !frozen {
            let event = LendingEvent.creditLineFrozen(
                .init(customerId: state.customerId, reason: .overdue, causedByLoan: overdueLoan))
            state.evolve(event, on: effectiveOn)
            events.append(DecidedEvent(event, on: effectiveOn))
        } else if overdueLoan == nil, frozen {
            let event = LendingEvent.creditLineUnfrozen(
                .init(customerId: state.customerId, reason: .overdue, correctsFrom: correctsFrom))
            state.evolve(event, on: effectiveOn)
            events.append(DecidedEvent(event, on: effectiveOn))
        }
    }

    private func emit(_ event: LendingEvent, state: inout CustomerState,
                      events: inout [DecidedEvent])
    {
        state.evolve(event, on: effectiveOn)
        events.append(DecidedEvent(event, on: effectiveOn))
    }
}
