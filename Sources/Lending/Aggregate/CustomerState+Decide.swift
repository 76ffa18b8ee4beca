extension CustomerState {
    /// Decides which events a command appends, given the state and the context. Pure.
    ///
    /// Checks every rule that needs the state; values wrong on their face were rejected earlier
    /// (a fact dated after `context.today` is refused here too, as a usage error).
    /// - Returns: ``Decision/append(_:)`` with at least one event, or
    ///   ``Decision/alreadyApplied(reference:)`` for an idempotent repetition.
    /// - Throws: ``LendingError`` — `.refused` for rules on the state (exit 65), `.notFound` for an
    ///   unknown customer or loan (exit 66), `.invalidInput` for a date after today, or an
    ///   action time after `context.now` (exit 64).
    public func decide(_ command: LendingCommand, context: DecisionContext)
        throws(LendingError) -> Decision
    {
        guard command.date <= context.today else {
            throw .invalid("on", command.date.description,
                           "a fact cannot be dated after today (\(context.today))")
        }
        if case .recordCollectionAction(let request) = command, let now = context.now,
            request.at > now
        {
            throw .invalid("at", request.at.description,
                           "an action cannot be recorded after now (\(now))")
        }
        switch command {
        case .openLine(let limit, let date):
            return .append(try decideOpenLine(limit: limit, on: date))
        case .adjustLimit(let limit, let date):
            return .append(try decideAdjustLimit(limit: limit, on: date))
        case .freezeLine(let date):
            return .append(try decideManualFreeze(freeze: true, on: date))
        case .unfreezeLine(let date):
            return .append(try decideManualFreeze(freeze: false, on: date))
        case .closeLine(let date):
            return .append(try decideCloseLine(on: date))
        case .reopenLine(let limit, let date):
            return .append(try decideReopenLine(limit: limit, on: date, today: context.today))
        case .disburse(let request):
            return .append(try decideDisburse(request, context: context))
        case .repay(let loan, let amount, let date, let reference, let channel):
            return try decideRepay(
                loan: loan, amount: amount, on: date, reference: reference, channel: channel,
                context: context)
        case .reverse(let loan, let reference, let date):
            return .append(try decideReverse(loan: loan, reference: reference, on: date,
                                             context: context))
        case .refund(let loan, let amount, let date, let reference):
            return try decideRefund(loan: loan, amount: amount, on: date, reference: reference,
                                    context: context)
        case .waivePenalty(let loan, let amount, let date):
            return .append(try decideWaiver(loan: loan, amount: amount, on: date, context: context))
        case .restructure(let loan, let term, let date):
            return .append(try decideRestructure(loan: loan, termMonths: term, on: date,
                                                 context: context))
        case .writeOff(let loan, let date):
            return .append(try decideWriteOff(loan: loan, on: date, context: context))
        case .recordCollectionAction(let request):
            return .append(try decideCollectionAction(request, context: context))
        case .openDispute(let loan, let date):
            return .append(try decideOpenDispute(loan: loan, on: date))
        case .resolveDispute(let loan, let date, let outcome, let note):
            return .append(try decideResolveDispute(loan: loan, on: date, outcome: outcome,
                                                    note: note))
        }
    }

    // MARK: - Shared lookups

    /// The open-or-closed line, or a refusal when none was opened.
    func requireLine() throws(LendingError) -> CreditLine {
        guard let line else { throw .notFound(entity: "customer", id: customerId.rawValue) }
        return line
    }

    /// The loan, or not found.
    func requireLoan(_ id: LoanID) throws(LendingError) -> LoanRecord {
        guard let loan = loans[id] else { throw .notFound(entity: "loan", id: id.rawValue) }
        return loan
    }

    /// Outstanding principal of every loan on `date` (capitalised and unrecovered written-off
    /// principal included): what consumes the limit.
    public func outstandingPrincipal(asOf date: BusinessDate) -> Money {
        orderedLoans.map { $0.statement(asOf: Swift.max(date, $0.contract.disbursedOn))
            .outstandingPrincipal }.sum()
    }

    /// max(0, limit − outstanding principal) on `date`.
    public func availableCredit(asOf date: BusinessDate) -> Money {
        guard let line else { return .zero }
        return Money.max(.zero, line.limit - outstandingPrincipal(asOf: date))
    }
}
