extension CustomerState {
    func decideOpenLine(limit: Money, on date: BusinessDate) throws(LendingError)
        -> [DecidedEvent]
    {
        guard line == nil else {
            throw .refused(rule: "line-exists",
                           message: "customer '\(customerId)' already has a credit line")
        }
        try checkLimit(limit)
        return [DecidedEvent(.creditLineOpened(.init(customerId: customerId, limit: limit)),
                             on: date)]
    }

    func decideAdjustLimit(limit: Money, on date: BusinessDate) throws(LendingError)
        -> [DecidedEvent]
    {
        let line = try requireLine()
        try checkLimit(limit)
        guard limit != line.limit else {
            throw .refused(rule: "limit-unchanged",
                           message: "limit of customer '\(customerId)' is already \(limit)")
        }
        let event = CreditLimitAdjusted(customerId: customerId, previousLimit: line.limit,
                                        limit: limit)
        return [DecidedEvent(.creditLimitAdjusted(event), on: date)]
    }

    func decideManualFreeze(freeze: Bool, on date: BusinessDate) throws(LendingError)
        -> [DecidedEvent]
    {
        let line = try requireLine()
        let isFrozen = line.freezeReasons.contains(.manual)
        if freeze {
            guard !isFrozen else {
                throw .refused(rule: "already-frozen",
                               message: "credit line of '\(customerId)' is already frozen by hand")
            }
            return [DecidedEvent(.creditLineFrozen(.init(customerId: customerId, reason: .manual)),
                                 on: date)]
        }
        guard isFrozen else {
            throw .refused(rule: "not-frozen",
                           message: "credit line of '\(customerId)' has no manual freeze to lift")
        }
        return [DecidedEvent(.creditLineUnfrozen(.init(customerId: customerId, reason: .manual)),
                             on: date)]
    }

    func decideCloseLine(on date: BusinessDate) throws(LendingError) -> [DecidedEvent] {
        let line = try requireLine()
        guard line.lifecycle == .open else {
            throw .refused(rule: "line-closed",
                           message: "credit line of '\(customerId)' is already closed")
        }
        return [DecidedEvent(.creditLineClosed(.init(customerId: customerId, cause: .manual)),
                             on: date)]
    }

    func decideReopenLine(limit: Money, on date: BusinessDate, today: BusinessDate)
        throws(LendingError) -> [DecidedEvent]
    {
        let line = try requireLine()
        try checkLimit(limit)
        guard line.lifecycle == .closed else {
            throw .refused(rule: "line-open",
                           message: "credit line of '\(customerId)' is not closed")
        }
        // Validated against the whole replayed future: on its own date and as of today.
        for loan in orderedLoans {
            for day in Set([date, today]).sorted() {
                try checkReopenable(loan, on: day)
            }
        }
        return [DecidedEvent(.creditLineReopened(.init(customerId: customerId, limit: limit)),
                             on: date)]
    }

    /// Refuses a reopen while `loan` has a written-off balance not fully recovered or is
    /// overdue on `day`. The written-off rule is checked first: a written-off loan also keeps
    /// its overdue installments, and the unrecovered balance is the reason that names it.
    private func checkReopenable(_ loan: LoanRecord, on day: BusinessDate) throws(LendingError) {
        let statement = loan.statement(asOf: Swift.max(day, loan.contract.disbursedOn))
        if statement.status == .writtenOff {
            throw .refused(
                rule: "reopen-written-off",
                message: "loan '\(loan.contract.loanId)' has a written-off balance "
                    + "not fully recovered")
        }
        if statement.isOverdue {
            throw .refused(
                rule: "reopen-while-overdue",
                message: "loan '\(loan.contract.loanId)' is overdue (DPD \(statement.dpd))")
        }
    }

    func checkLimit(_ limit: Money) throws(LendingError) {
        guard limit >= .zero, limit <= LendingLimits.creditLimitMax else {
            throw .invalid("limit", limit.description, "must be between 0.00 and 1000000.00")
        }
    }
}
