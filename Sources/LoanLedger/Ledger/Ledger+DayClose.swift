import EventStore
import Foundation
import Lending
import Projections

extension Ledger {
    /// The actor of every event end of day appends.
    public static let endOfDayActor = ActorID(validated: "system:eod")

    /// Closes every business day not yet closed, up to `through` (never past today).
    ///
    /// Each day appends, effective on that day, what happened on it — overdue notices, cures,
    /// stage changes, the `overdue` freeze, the automatic close at DPD 91 — and a ``DayClosed``
    /// record with the log's head. Only loans whose state can change that day are visited
    /// (their `next_review` date). Derived events get ids from (customer, loan, day, type), so
    /// closing twice, or again after a crash in the middle of a day, appends nothing twice; a
    /// concurrent close fails with ``LedgerError/conflict(_:)``.
    /// - Parameters:
    ///   - through: The last day to close.
    ///   - progress: Called with (days done, days in all) after each day.
    /// - Throws: ``LedgerError`` — `.lending(.invalidInput)` for a date after today, `.conflict`.
    /// - Complexity: O(days + visited loans × their facts).
    @discardableResult
    public func closeDays(through: BusinessDate, progress: ((Int, Int) -> Void)? = nil)
        throws(LedgerError) -> DayCloseReport
    {
        let today = self.today
        guard through <= today else {
            throw .lending(.invalid("through", through.description,
                                    "end of day cannot run past today (\(today))"))
        }
        do {
            try catchUp()
            let last = try lastClosedDay()
            guard let first = try last.map({ $0.adding(days: 1) }) ?? earliestEffectiveDate(),
                first <= through
            else {
                return DayCloseReport(days: [], lastClosedDay: last)
            }
            let policies = try self.policies()
            var report = DayCloseReport(days: [], lastClosedDay: last)
            let total = Int(first.days(until: through)) + 1
            var day = first
            while day <= through {
                report.days.append(try closeOneDay(day, policies: policies))
                report.lastClosedDay = day
                progress?(report.days.count, total)
                day = day.adding(days: 1)
            }
            return report
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// The earliest effective date in the log (where the first close starts).
    func earliestEffectiveDate() throws -> BusinessDate? {
        var earliest: String?
        var after: Int64 = 0
        while true {
            let batch = try store.readAll(afterPosition: after, limit: EventStoreLimits.readBatchMax)
            for event in batch where earliest.map({ event.effectiveDate < $0 }) ?? true {
                earliest = event.effectiveDate
            }
            guard let last = batch.last else { break }
            after = last.position
        }
        return try earliest.map { try BusinessDate(parsing: $0, field: "effectiveDate") }
    }

    private func closeOneDay(_ day: BusinessDate, policies: CollectionPolicyBook) throws
        -> DayCloseReport.Day
    {
        let eodVersion = try store.streamVersion(DayClosed.streamId)
        let policy = policies.policy(on: day)
        // A policy version taking effect today can move any open loan's stage: visit them all.
        let policyStarts = policies.versions.contains { $0.effectiveFrom == day }
        let dueRows = try store.read { context in
            try policyStarts
                ? context.rows(in: ReadModelSchema.live.loans,
                               where: ["status": .text(LoanStatus.active.rawValue)],
                               orderBy: ["loan_id"], limit: nil)
                : context.rows(in: ReadModelSchema.live.loans,
                               where: ["next_review": .text(day.description)],
                               orderBy: ["loan_id"], limit: nil)
        }
        var loansByCustomer: [String: Set<LoanID>] = [:]
        for row in dueRows {
            guard let customer = row["customer_id"]?.text, let loan = row["loan_id"]?.text else {
                continue
            }
            loansByCustomer[customer, default: []].insert(LoanID(validated: loan))
        }
        var appended = 0
        var states: [CustomerState] = []
        for customer in loansByCustomer.keys.sorted() {
            let id = CustomerID(validated: customer)
            let (state, count) = try closeDay(day, for: id, loans: loansByCustomer[customer] ?? [],
                                              policy: policy, policies: policies)
            appended += count
            states.append(state)
        }
        let later = try laterValuations(day, policies: policies)
        let head = try store.head()
        let closed = DayClosed(
            day: day, headPosition: head.position, headHash: head.hash.hexString,
            loansVisited: Int64(dueRows.count), eventsAppended: Int64(appended),
            visitedCustomers: loansByCustomer.keys.sorted())
        let metadata = EventCodec.encode(EventMetadata(
            actor: Ledger.endOfDayActor.rawValue, reason: "end of day \(day)"))
        let event = NewEvent(
            eventId: EventIds.derived(name: "eod|\(day)|\(DayClosed.type)"), type: DayClosed.type,
            schemaVersion: DayClosed.schemaVersion, effectiveDate: day.description,
            data: EventCodec.encode(closed), metadata: metadata)
        let projection = ReadModelProjection.live(policies)
        let expected: ExpectedVersion = eodVersion == 0 ? .noStream : .exact(eodVersion)
        let result: AppendResult
        do {
            result = try store.append(to: DayClosed.streamId, expectedVersion: expected,
                                      events: [event]) { context, recorded in
                try projection.applyDayClosed(closed, states: states,
                                              later: later, context)
                try Ledger.advanceCheckpoint(context, recorded)
            }
        } catch let error as EventStoreError {
            // Another close of the same day got there first: either its DayClosed moved the
            // stream on (version conflict) or it stored this day's record with other counters
            // (same derived id, different content). Either way the caller may retry.
            switch error {
            case .versionConflict, .idempotencyViolation:
                throw LedgerError.conflict(
                    "day close of \(day): another day close ran at the same time")
            default:
                throw error
            }
        }
        guard let recorded = result.events.first else {
            throw LedgerError.internalFailure("DayClosed append returned no event")
        }
        return DayCloseReport.Day(day: day, loansVisited: dueRows.count, eventsAppended: appended,
                                  anchor: head, position: recorded.position)
    }

    /// Appends one customer's end-of-day events for `day`; retries when a command interleaves.
    private func closeDay(
        _ day: BusinessDate, for customer: CustomerID, loans: Set<LoanID>,
        policy: CollectionPolicy, policies: CollectionPolicyBook
    ) throws -> (CustomerState, Int) {
        var attempt = 0
        while true {
            attempt += 1
            // Checked before deciding (a state already past the day would decide wrongly, and
            // its derived ids collide with the other closer's) and again inside the append.
            guard try lastClosedDay().map({ $0 < day }) ?? true else {
                throw LedgerError.conflict("day close of \(day): another day close closed it first")
            }
            let state = try self.state(of: customer)
            let decided = state.closeDay(day, policy: policy, only: loans)
            guard !decided.isEmpty else { return (state, 0) }
            let context = DecisionContext(today: today, lastClosedDay: day.adding(days: -1),
                                          policies: policies)
            var seen: [String: Int] = [:]
            do {
                let outcome = try append(
                    decided, to: state, command: nil,
                    metadata: CommandMetadata(actor: Ledger.endOfDayActor,
                                              reason: "end of day \(day)"),
                    context: context,
                    idFor: { _, event in
                        let base = "\(customer)|\(event.event.loanId?.rawValue ?? "-")|\(day)|"
                            + event.event.type
                        let index = seen[base, default: 0]
                        seen[base] = index + 1
                        return EventIds.derived(name: "\(base)|\(index)")
                    },
                    checkFirst: { context in
                        // A faster closer may have closed this day meanwhile: its facts are in
                        // the log and this state may already be past the day, so stop.
                        let closed = try ReadModelProjection.live(policies).lastClosedDay(context)
                        guard closed.map({ $0 < day }) ?? true else {
                            throw LedgerError.conflict(
                                "day close of \(day): another day close closed it first")
                        }
                    }
                )
                return (outcome.state, outcome.wasDuplicate ? 0 : decided.count)
            } catch let error as EventStoreError {
                // A concurrent close or command changed the stream: reload and decide again.
                guard error.isRetryable || Ledger.isIdempotencyViolation(error),
                    attempt < Ledger.conflictAttemptsMax
                else { throw error }
            }
        }
    }

    /// The rows valued after `day` and their statements on it (usually none, read cheaply).
    private func laterValuations(_ day: BusinessDate, policies: CollectionPolicyBook)
        throws -> LaterValuations
    {
        try store.read { context in
            try ReadModelProjection.live(policies).laterValuations(day, context) { customer in
                try self.state(of: customer)
            }
        }
    }

    /// Moves the live checkpoint over `recorded` when it was caught up to just before them.
    static func advanceCheckpoint(_ context: any WriteContext, _ recorded: [RecordedEvent]) throws {
        guard let first = recorded.first, let last = recorded.last else { return }
        let name = ReadModelSchema.live.checkpointName
        guard try context.checkpoint(name) ?? 0 == first.position - 1 else { return }
        try context.setCheckpoint(name, position: last.position)
    }

    static func isIdempotencyViolation(_ error: EventStoreError) -> Bool {
        if case .idempotencyViolation = error { return true }
        return false
    }
}
