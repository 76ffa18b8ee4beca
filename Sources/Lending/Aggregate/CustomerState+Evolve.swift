extension CustomerState {
    /// Folds one recorded event into the state. Never validates: facts stand as recorded.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - date: Its effective business date.
    public mutating func evolve(_ event: LendingEvent, on date: BusinessDate) {
        version += 1
        if latestEffectiveDate.map({ date > $0 }) ?? true { latestEffectiveDate = date }
        switch event {
        case .creditLineOpened, .creditLimitAdjusted, .creditLineFrozen, .creditLineUnfrozen,
            .creditLineClosed, .creditLineReopened:
            evolveLine(event, on: date)
        case .loanDisbursed(let e):
            loans[e.contract.loanId] = LoanRecord(contract: e.contract)
            loanOrder.append(e.contract.loanId)
        case .repaymentReceived(let e):
            updateLoan(e.loan) { loan in
                loan.facts.append(.repayment(reference: e.reference, amount: e.amount, on: date))
                loan.recordedAllocations[e.reference] = e.allocation
            }
            references[e.reference] = PaymentReferenceUse(
                kind: .repayment, loan: e.loan, amount: e.amount, date: date, isReversed: false)
        case .repaymentReallocated(let e):
            updateLoan(e.loan) { $0.recordedAllocations[e.reference] = e.current }
        case .repaymentReversed(let e):
            updateLoan(e.loan) { loan in
                loan.facts.append(.reversal(reference: e.reference, learnedOn: date))
                loan.recordedAllocations[e.reference] = nil
            }
            references[e.reference]?.isReversed = true
        case .refundIssued(let e):
            updateLoan(e.loan) {
                $0.facts.append(.refund(reference: e.reference, amount: e.amount, on: date))
            }
            references[e.reference] = PaymentReferenceUse(
                kind: .refund, loan: e.loan, amount: e.amount, date: date, isReversed: false)
        case .penaltyWaived(let e):
            updateLoan(e.loan) { $0.facts.append(.penaltyWaiver(amount: e.amount, on: date)) }
        case .loanRestructured(let e):
            updateLoan(e.loan) { loan in
                loan.facts.append(.restructure(termMonths: e.termMonths, on: date))
                loan.isRestructured = true
            }
        case .loanWrittenOff(let e):
            updateLoan(e.loan) { loan in
                loan.facts.append(.writeOff(on: date))
                loan.isWrittenOff = true
            }
        default:
            evolveOperational(event, on: date)
        }
    }

    private mutating func evolveLine(_ event: LendingEvent, on date: BusinessDate) {
        switch event {
        case .creditLineOpened(let e):
            line = CreditLine(
                lifecycle: .open, limit: e.limit, freezeReasons: [], openedOn: date, closure: nil,
                limitHistory: [.init(effectiveDate: date, limit: e.limit)])
        case .creditLimitAdjusted(let e):
            line?.limit = e.limit
            line?.limitHistory.append(.init(effectiveDate: date, limit: e.limit))
        case .creditLineFrozen(let e):
            line?.freezeReasons.insert(e.reason)
        case .creditLineUnfrozen(let e):
            line?.freezeReasons.remove(e.reason)
        case .creditLineClosed(let e):
            line?.lifecycle = .closed
            line?.closure = e.cause
        case .creditLineReopened(let e):
            line?.lifecycle = .open
            line?.closure = nil
            line?.limit = e.limit
            line?.limitHistory.append(.init(effectiveDate: date, limit: e.limit))
        default:
            preconditionFailure("not a credit line event: \(event.type)")
        }
    }

    private mutating func evolveOperational(_ event: LendingEvent, on date: BusinessDate) {
        switch event {
        case .loanClosed(let e):
            updateLoan(e.loan) { $0.isRecordedClosed = true }
        case .loanReopened(let e):
            updateLoan(e.loan) { $0.isRecordedClosed = false }
        case .installmentOverdue(let e):
            updateLoan(e.loan) { loan in
                let key = LoanRecord.installmentKey(number: e.installment, dueDate: e.dueDate)
                loan.recordedOverdueInstallments.insert(key)
                if !loan.isRecordedOverdue { loan.recordedOverdueSince = date }
                loan.isRecordedOverdue = true
                loan.recordedCuredOn = nil
            }
        case .loanCured(let e):
            updateLoan(e.loan) { loan in
                loan.isRecordedOverdue = false
                loan.recordedOverdueSince = nil
                loan.recordedCuredOn = date
            }
        case .collectionStageChanged(let e):
            updateLoan(e.loan) { loan in
                loan.recordedStage = e.to
                loan.recordedStageSince = date
            }
        case .collectionActionRecorded(let e):
            updateLoan(e.loan) { loan in
                if e.channel == .call { loan.callsByDay[e.at.date, default: 0] += 1 }
                loan.lastAction = e
            }
        case .disputeOpened(let e):
            updateLoan(e.loan) { $0.isDisputeOpen = true }
        case .disputeResolved(let e):
            updateLoan(e.loan) { $0.isDisputeOpen = false }
        default:
            preconditionFailure("unhandled event in evolve: \(event.type)")
        }
    }

    private mutating func updateLoan(_ id: LoanID, _ change: (inout LoanRecord) -> Void) {
        // A loan event always follows its LoanDisbursed in the same stream: the store's version
        // order guarantees it, so a missing loan is a corrupted stream, not user input.
        guard var loan = loans[id] else {
            preconditionFailure("event for loan '\(id)' before its LoanDisbursed")
        }
        change(&loan)
        loans[id] = loan
    }
}
