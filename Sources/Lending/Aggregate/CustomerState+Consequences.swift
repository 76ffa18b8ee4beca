extension CustomerState {
    /// The events a money fact entails, appended in the same transaction as the fact:
    /// reallocations of earlier payments, closing or reopening the loan, a cure, the
    /// `restructured` and `overdue` freeze reasons, and — when the fact is backdated — the
    /// corrections of the operational record as of the last closed day.
    ///
    /// - Parameters:
    ///   - event: The money fact just decided (not yet folded into `self`).
    ///   - date: Its effective date.
    ///   - cause: Words naming it, carried by reallocations and reopenings.
    ///   - effectFrom: The business date its effect starts (a reversal's payment date).
    func consequences(
        of event: LendingEvent, on date: BusinessDate, cause: String, context: DecisionContext,
        effectFrom: BusinessDate? = nil
    ) -> [DecidedEvent] {
        guard let id = event.loanId else { return [] }
        var state = self
        state.evolve(event, on: date)
        let effect = effectFrom ?? date
        let backdated = context.isBackdated(effect)
        let derivedOn = backdated ? Swift.max(date, context.today) : date
        var events: [DecidedEvent] = []
        guard let loan = state.loans[id] else { return [] }
        // The whole known future decides: a fact dated before today is judged with every later
        // fact already recorded (a payoff made after it, a payment it now makes overpay).
        let now = loan.statement(asOf: Swift.max(derivedOn, context.today))

        for (reference, recorded) in loan.recordedAllocations.sorted(by: { $0.key < $1.key }) {
            guard let current = now.allocations[reference], current != recorded else { continue }
            let change = RepaymentReallocated(loan: id, reference: reference, previous: recorded,
                                              current: current, cause: cause)
            append(.repaymentReallocated(change), on: derivedOn, to: &state, &events)
        }
        let paidOff = now.status == .closed || now.status == .overpaid
        if paidOff, !loan.isRecordedClosed {
            append(.loanClosed(.init(loan: id, reason: .paidOff)), on: derivedOn, to: &state,
                   &events)
        } else if !paidOff, loan.isRecordedClosed {
            append(.loanReopened(.init(loan: id, cause: cause)), on: derivedOn, to: &state,
                   &events)
        }
        let cureReason = cureReason(for: event, backdated: backdated)
        if backdated, let closedDay = context.lastClosedDay {
            let reconciliation = OperationalReconciliation(
                comparedOn: closedDay, effectiveOn: derivedOn, correctsFrom: effect,
                cureReason: cureReason, policy: context.policies.policy(on: closedDay))
            reconciliation.reconcileLoan(id, state: &state, events: &events)
        }
        if let current = state.loans[id], current.isRecordedOverdue, !now.isOverdue {
            append(.loanCured(.init(loan: id, reason: cureReason,
                                    correctsFrom: backdated ? effect : nil)),
                   on: derivedOn, to: &state, &events)
        }
        reconcileRestructuredFreeze(state: &state, events: &events, on: derivedOn)
        OperationalReconciliation.reconcileOverdueFreeze(
            state: &state, events: &events, effectiveOn: derivedOn,
            correctsFrom: backdated ? effect : nil)
        return events
    }

    /// The `restructured` reason stays while any restructured loan is still open: removed when
    /// the last one closes, added back when a closed one reopens (its payoff bounced).
    private func reconcileRestructuredFreeze(
        state: inout CustomerState, events: inout [DecidedEvent], on date: BusinessDate
    ) {
        guard let line = state.line else { return }
        let open = state.orderedLoans.first { $0.isRestructured && !$0.isRecordedClosed }
        let frozen = line.freezeReasons.contains(.restructured)
        let event: LendingEvent
        if let open, !frozen {
            event = .creditLineFrozen(.init(customerId: state.customerId, reason: .restructured,
                                            causedByLoan: open.contract.loanId))
        } else if open == nil, frozen {
            event = .creditLineUnfrozen(.init(customerId: state.customerId, reason: .restructured))
        } else {
            return
        }
        append(event, on: date, to: &state, &events)
    }

    /// A restructure cures as a restructure even when backdated; only a repayment dated on or
    /// before the last closed day is a `backdated-repayment` correction.
    private func cureReason(for event: LendingEvent, backdated: Bool) -> CureReason {
        switch event {
        case .loanRestructured: return .restructure
        case .repaymentReceived: return backdated ? .backdatedRepayment : .payment
        default: return .correction
        }
    }

    private func append(
        _ event: LendingEvent, on date: BusinessDate, to state: inout CustomerState,
        _ events: inout [DecidedEvent]
    ) {
        state.evolve(event, on: date)
        events.append(DecidedEvent(event, on: date))
    }
}
