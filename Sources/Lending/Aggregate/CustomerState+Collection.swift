extension CustomerState {
    func decideCollectionAction(_ request: CollectionActionRequest, context: DecisionContext)
        throws(LendingError) -> [DecidedEvent]
    {
        try request.validate()
        let loan = try requireLoan(request.loanId)
        let date = request.at.date
        let policy = context.policies.policy(on: date)
        let statement = loan.statement(asOf: Swift.max(date, loan.contract.disbursedOn))
        let stage = policy.stage(dpd: statement.dpd, overdueAmount: statement.overdue.total,
                                 graceDays: loan.contract.terms.graceDays)
        let facts = ComplianceFacts(
            stage: stage, overdueAmount: statement.overdue.total,
            loanIsClosed: statement.status == .closed || statement.status == .overpaid,
            disputeOpen: loan.isDisputeOpen,
            callsOnSameShanghaiDay: loan.callsByDay[date] ?? 0,
            endedOverdueEpisodes: endedOverdueEpisodes(before: date), dpd: statement.dpd)
        try Compliance.check(request, facts: facts, policy: policy)
        let recorded = CollectionActionRecorded(
            loan: request.loanId, channel: request.channel, at: request.at,
            actors: request.actors, stage: stage, outcome: request.outcome, note: request.note)
        return [DecidedEvent(.collectionActionRecorded(recorded), on: date)]
    }

    func decideOpenDispute(loan id: LoanID, on date: BusinessDate) throws(LendingError)
        -> [DecidedEvent]
    {
        let loan = try requireLoan(id)
        guard !loan.isDisputeOpen else {
            throw .refused(rule: "dispute-already-open",
                           message: "loan '\(id)' already has an open dispute")
        }
        return [DecidedEvent(.disputeOpened(.init(loan: id)), on: date)]
    }

    func decideResolveDispute(
        loan id: LoanID, on date: BusinessDate, outcome: DisputeOutcome, note: String
    ) throws(LendingError) -> [DecidedEvent] {
        let loan = try requireLoan(id)
        guard loan.isDisputeOpen else {
            throw .refused(rule: "no-open-dispute", message: "loan '\(id)' has no open dispute")
        }
        return [DecidedEvent(.disputeResolved(.init(loan: id, outcome: outcome, note: note)),
                             on: date)]
    }

    /// Overdue episodes of this customer that ended before `date`: periods during which at
    /// least one loan was overdue, as recomputed from the money facts known now.
    public func endedOverdueEpisodes(before date: BusinessDate) -> Int {
        var spans: [DateSpan] = []
        for loan in orderedLoans where loan.contract.disbursedOn <= date {
            spans += loan.statement(asOf: date).overdueSpans
        }
        spans.sort { $0.from < $1.from }
        var ended = 0
        var currentEnd: BusinessDate?? = .none
        for span in spans {
            switch currentEnd {
            case .none:
                currentEnd = .some(span.through)
            case .some(let end):
                guard let end else { continue }  // the open episode swallows the rest
                if span.from <= end.adding(days: 1) {
                    currentEnd = .some(span.through.map { Swift.max($0, end) })
                } else {
                    if end < date { ended += 1 }
                    currentEnd = .some(span.through)
                }
            }
        }
        if case .some(.some(let end)) = currentEnd, end < date { ended += 1 }
        return ended
    }
}
