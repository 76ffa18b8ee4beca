import EventStore
import Foundation
import Lending
import Projections

extension Ledger {
    /// A loan as of `asOf` (default today) as known at `knownAt` (default now): the customer's
    /// events up to that position replayed in business order. Never writes.
    /// - Throws: ``LedgerError`` — `.lending(.notFound)` for an unknown loan (or one not yet
    ///   known at `knownAt`).
    /// - Complexity: O(events of the customer).
    public func loan(_ id: LoanID, asOf: BusinessDate? = nil, knownAt: KnownAt? = nil)
        throws(LedgerError) -> LoanView
    {
        do {
            let customer = try self.customer(ofLoan: id)
            let position = try resolve(knownAt)
            let state = try self.state(of: customer, knownAt: position)
            guard let loan = state.loans[id] else {
                throw LendingError.notFound(entity: "loan", id: id.rawValue)
            }
            let date = Swift.max(asOf ?? today, loan.contract.disbursedOn)
            let statement = loan.statement(asOf: date)
            let policy = try policies().policy(on: date)
            let stage = policy.stage(dpd: statement.dpd, overdueAmount: statement.overdue.total,
                                     graceDays: loan.contract.terms.graceDays)
            return LoanView(customer: customer, statement: statement, stage: stage,
                            disputeOpen: loan.isDisputeOpen, knownAtPosition: position)
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// The amount that settles a loan on `date`, with its parts.
    public func payoff(_ id: LoanID, on date: BusinessDate) throws(LedgerError) -> PayoffQuote {
        do {
            let customer = try self.customer(ofLoan: id)
            guard let loan = try state(of: customer).loans[id] else {
                throw LendingError.notFound(entity: "loan", id: id.rawValue)
            }
            guard date >= loan.contract.disbursedOn else {
                throw LendingError.invalid("on", date.description,
                                           "is before the disbursement date "
                                           + "\(loan.contract.disbursedOn)")
            }
            return LoanReplay.payoff(loan.contract, facts: loan.facts, on: date)
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// A credit line as of `asOf` (default today) as known at `knownAt` (default now).
    public func creditLine(_ customer: CustomerID, asOf: BusinessDate? = nil,
                           knownAt: KnownAt? = nil) throws(LedgerError) -> CreditLineView
    {
        do {
            let position = try resolve(knownAt)
            let history = try CustomerHistory.load(customer, from: store, knownAt: position)
            let state = history.state
            guard state.line != nil else {
                throw LendingError.notFound(entity: "customer", id: customer.rawValue)
            }
            let date = asOf ?? today
            // The line's status, freezes and limit are operational facts: as of a date they are
            // what the company had recorded effective on or before it.
            var asOfState = CustomerState(customerId: customer)
            for decoded in history.events where decoded.effectiveDate <= date {
                asOfState.evolve(decoded.event, on: decoded.effectiveDate)
            }
            guard let line = asOfState.line else {
                throw LendingError.notFound(entity: "credit line on \(date) of customer",
                                            id: customer.rawValue)
            }
            var loans: [CreditLineView.LoanSummary] = []
            for loan in state.orderedLoans where loan.contract.disbursedOn <= date {
                let s = loan.statement(asOf: date)
                loans.append(.init(loan: loan.contract.loanId, status: s.status,
                                   outstandingPrincipal: s.outstandingPrincipal, dpd: s.dpd))
            }
            let outstanding = loans.map(\.outstandingPrincipal).sum()
            return CreditLineView(
                customer: customer, asOf: date, status: line.status,
                freezeReasons: line.freezeReasons.sorted(), limit: line.limit,
                outstandingPrincipal: outstanding,
                available: Money.max(.zero, line.limit - outstanding), loans: loans,
                knownAtPosition: position)
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// The events of one loan (its customer's events that name it), in log order.
    public func history(ofLoan id: LoanID) throws(LedgerError) -> [HistoryEntry] {
        do {
            let customer = try self.customer(ofLoan: id)
            let history = try CustomerHistory.load(customer, from: store)
            return history.events.filter { $0.event.loanId == id }.map(Ledger.entry)
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// Every event of a customer's stream, in log order.
    public func history(ofCustomer customer: CustomerID) throws(LedgerError) -> [HistoryEntry] {
        do {
            let history = try CustomerHistory.load(customer, from: store)
            guard history.state.line != nil || !history.events.isEmpty else {
                throw LendingError.notFound(entity: "customer", id: customer.rawValue)
            }
            return history.events.map(Ledger.entry)
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    static func entry(_ decoded: EventCodec.Decoded) -> HistoryEntry {
        HistoryEntry(
            position: decoded.recorded.position, version: decoded.recorded.version,
            type: decoded.recorded.type, effectiveDate: decoded.recorded.effectiveDate,
            recordedAt: decoded.recorded.recordedAt, actor: decoded.metadata.actor,
            reason: decoded.metadata.reason, data: decoded.recorded.data)
    }

    /// The loans to work on `on` (default today): every loan end of day has moved out of the
    /// `current` stage, with its DPD, overdue amount and stage recomputed for that date,
    /// ordered by stage (latest first), then overdue amount (largest first), then loan id.
    ///
    /// Candidates come from the collection read model; each is replayed from its customer's
    /// stream, so the figures are exact for the date asked even when the rows are older.
    /// - Complexity: O(candidate customers × their events).
    public func collectionQueue(stage: CollectionStage? = nil, on: BusinessDate? = nil)
        throws(LedgerError) -> [QueueEntry]
    {
        do {
            let date = on ?? today
            let rows = try store.read {
                try $0.rows(in: ReadModelSchema.live.collection, where: [:],
                            orderBy: ["loan_id"], limit: nil)
            }
            var candidates: [String: [(loan: LoanID, lastActionAt: String?)]] = [:]
            for row in rows where row["stage"]?.text != CollectionStage.current.rawValue {
                guard let loan = row["loan_id"]?.text, let customer = row["customer_id"]?.text
                else { continue }
                candidates[customer, default: []].append(
                    (LoanID(validated: loan), row["last_action_at"]?.text))
            }
            let policy = try policies().policy(on: date)
            var entries: [QueueEntry] = []
            for customer in candidates.keys.sorted() {
                let id = CustomerID(validated: customer)
                let state = try self.state(of: id)
                for (loanId, lastActionAt) in candidates[customer] ?? [] {
                    guard let loan = state.loans[loanId], loan.contract.disbursedOn <= date
                    else { continue }
                    let s = loan.statement(asOf: date)
                    let computed = policy.stage(dpd: s.dpd, overdueAmount: s.overdue.total,
                                                graceDays: loan.contract.terms.graceDays)
                    guard computed != .current, stage.map({ $0 == computed }) ?? true else {
                        continue
                    }
                    entries.append(QueueEntry(
                        loan: loanId, customer: id, stage: computed, dpd: s.dpd,
                        overdueAmount: s.overdue.total, lastActionAt: lastActionAt,
                        disputeOpen: loan.isDisputeOpen))
                }
            }
            return entries.sorted {
                CollectionQueueOrder.precedes(
                    .init(stage: $0.stage, overdueAmount: $0.overdueAmount, loanId: $0.loan),
                    .init(stage: $1.stage, overdueAmount: $1.overdueAmount, loanId: $1.loan))
            }
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// The end-of-day status and the anchor (head position and hash) to keep.
    public func dayStatus() throws(LedgerError) -> DayStatus {
        do {
            let head = try store.head()
            return DayStatus(lastClosedDay: try lastClosedDay(),
                             head: ChainHeadView(position: head.position,
                                                 hash: head.hash.hexString),
                             today: today)
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// The global position a `knownAt` stands for (the head when nil).
    public func resolve(_ knownAt: KnownAt?) throws -> Int64 {
        let head = try store.head().position
        switch knownAt {
        case nil: return head
        case .position(let position): return Swift.min(position, head)
        case .recordedBy(let micros): return try lastPosition(recordedBy: micros, head: head)
        }
    }

    /// Binary search over positions: recordedAt never decreases with position.
    private func lastPosition(recordedBy micros: Int64, head: Int64) throws -> Int64 {
        var low: Int64 = 0
        var high = head
        while low < high {
            let middle = low + (high - low + 1) / 2
            let event = try store.readAll(afterPosition: middle - 1, limit: 1).first
            if let event, event.recordedAt <= micros { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
