import EventStore
import Foundation
import Lending
import LoanLedger
import Projections

/// Benchmark 5: `Ledger.closeDays` for one day over N active loans of which about 2 % can
/// change that day, and for 30 days in one call.
///
/// The portfolio: one 12-month loan per customer, disbursed over the 50 days before the first
/// closed day; loans whose first installment fell due before then have paid it. Each loan has
/// one review date a month, so about 60 % ÷ 30 ≈ 2 % of loans are due for review on any day.
/// Written with the pure domain and `store.append`, with the live read models and the loan
/// index written inline, as the Ledger would have written them.
/// Baseline: reading every column of the loans read model through the C API, which a day
/// close must at least do once (it picks the loans to visit from it).
struct EndOfDayBenchmark {
    let configuration: BenchConfiguration
    static let firstClose = BusinessDate(year: 2026, month: 6, day: 1)

    func run(into report: inout BenchReport) throws {
        let path = configuration.path("endofday.sqlite")
        let loans = configuration.endOfDayLoans
        BenchLog.say("endofday: writing \(loans) loans …")
        let setup = try Stopwatch.seconds { try writePortfolio(path: path, loans: loans) }
        report.fact("endofday.loans", loans)
        report.fact("endofday.setup_seconds", Int(setup.rounded()))
        let clock = SimulatedClock(start: LocalTime(date: EndOfDayBenchmark.firstClose,
                                                    minuteOfDay: 23 * 60))
        let ledger = try Ledger.open(path: path, access: .write, clock: clock)
        defer { (ledger.store as? SQLiteEventStore)?.close() }
        let raw = try RawSQLite(path: path, readOnly: true)
        var oneDay = Samples()
        var scan = Samples()
        var visited = Samples()
        var day = EndOfDayBenchmark.firstClose
        for _ in 0..<configuration.repetitions {
            clock.advance(to: LocalTime(date: day, minuteOfDay: 23 * 60))
            let (closed, seconds) = try Stopwatch.time { try ledger.closeDays(through: day) }
            oneDay.add(seconds)
            visited.add(Double(closed.days.map(\.loansVisited).reduce(0, +)))
            scan.add(try Stopwatch.seconds { try raw.scan("SELECT * FROM rm_loans") })
            day = day.adding(days: 1)
        }
        report.results.append(BenchResult(
            key: "endofday.day", label: "close one day over \(loans) active loans",
            samples: oneDay, unit: "s/day", baseline: scan,
            baselineLabel: "raw SELECT of every column of rm_loans", higherIsBetter: false,
            note: String(format: "median %.0f loans visited (%.1f %%)", visited.median,
                         100 * visited.median / Double(loans))))
        let days = configuration.endOfDayLongRunDays
        let through = day.adding(days: Int64(days - 1))
        clock.advance(to: LocalTime(date: through, minuteOfDay: 23 * 60))
        BenchLog.say("endofday: \(days) days in one call …")
        let (closed, seconds) = try Stopwatch.time { try ledger.closeDays(through: through) }
        var long = Samples()
        long.add(seconds)
        var longScan = Samples()
        longScan.add(scan.median * Double(days))
        report.results.append(BenchResult(
            key: "endofday.days\(days)", label: "close \(days) days in one call",
            samples: long, unit: "s", baseline: longScan,
            baselineLabel: "\(days) × the raw rm_loans scan", higherIsBetter: false,
            note: "\(closed.days.map(\.loansVisited).reduce(0, +)) loans visited, "
                + "\(closed.days.map(\.eventsAppended).reduce(0, +)) events appended"))
    }

    /// Writes the portfolio as of the day before `firstClose`, with that day closed.
    private func writePortfolio(path: String, loans: Int) throws {
        let store = try SQLiteEventStore(path: path,
                                         options: SQLiteStoreOptions(synchronous: .normal))
        defer { store.close() }
        let clock = SimulatedClock(start: LocalTime(date: EndOfDayBenchmark.firstClose,
                                                    minuteOfDay: 600))
        _ = try Ledger(store: store, access: .write, clock: clock)
        let projection = ReadModelProjection(schema: .live, policies: CollectionPolicyBook())
        let closedDay = EndOfDayBenchmark.firstClose.adding(days: -1)
        try appendDayClosed(closedDay, store: store, projection: projection)
        var random = BenchRandom(seed: 5)
        let metadata = EventMetadata(actor: "ops.bench")
        for index in 0..<loans {
            let state = try customer(index, closedDay: closedDay, random: &random)
            let events = state.events.map {
                EventCodec.newEvent($0, id: UUID(), metadata: metadata)
            }
            let owner = state.final.customerId.rawValue
            try store.append(to: CustomerState.streamId(for: state.final.customerId),
                             expectedVersion: .noStream, events: events) { context, recorded in
                for loan in state.final.loanOrder {
                    try context.claimUniqueKey(namespace: "loan", key: loan.rawValue, owner: owner)
                }
                try projection.writeCustomer(state.final, context)
                if let last = recorded.last {
                    try context.setCheckpoint(ReadModelSchema.live.checkpointName,
                                              position: last.position)
                }
            }
            if index % 10_000 == 9_999 { BenchLog.say("endofday: \(index + 1) loans written") }
        }
    }

    /// A customer with a line and one loan; its first installment paid when already due.
    private func customer(_ index: Int, closedDay: BusinessDate, random: inout BenchRandom)
        throws -> (final: CustomerState, events: [DecidedEvent])
    {
        let disbursedOn = closedDay.adding(days: -Int64(index % 50))
        let id = CustomerID(validated: "E\(index)")
        var state = CustomerState(customerId: id)
        var events: [DecidedEvent] = []
        let policies = CollectionPolicyBook()
        func apply(_ command: LendingCommand, on day: BusinessDate) throws {
            let context = DecisionContext(today: day, lastClosedDay: day.adding(days: -1),
                                          policies: policies)
            guard case .append(let decided) = try state.decide(command, context: context) else {
                return
            }
            for event in decided { state.evolve(event.event, on: event.effectiveDate) }
            events += decided
        }
        try apply(.openLine(limit: .yuan(60_000), on: disbursedOn), on: disbursedOn)
        let loan = LoanID(validated: "LE\(index)")
        try apply(.disburse(try DisbursementRequest(
            loanId: loan, principal: .yuan(random.int(1_000...20_000)),
            terms: LoanTerms(dailyRate: DailyRate(millionths: 500),
                             method: random.pick(RepaymentMethod.allCases), termMonths: 12),
            on: disbursedOn)), on: disbursedOn)
        let due = disbursedOn.adding(months: 1)
        if due <= closedDay, let record = state.loans[loan] {
            let amount = record.statement(asOf: due).installments[0].unpaidTotal
            try apply(.repay(loan: loan, amount: amount, on: due,
                             reference: PaymentReference(validated: "RE\(index)"),
                             channel: "bank"), on: due)
        }
        return (state, events)
    }

    private func appendDayClosed(
        _ day: BusinessDate, store: SQLiteEventStore, projection: ReadModelProjection
    ) throws {
        let head = try store.head()
        let closed = DayClosed(
            day: day, headPosition: head.position,
            headHash: head.hash.map { String(format: "%02x", $0) }.joined(),
            loansVisited: 0, eventsAppended: 0, visitedCustomers: [])
        let event = NewEvent(
            eventId: UUID(), type: DayClosed.type, schemaVersion: DayClosed.schemaVersion,
            effectiveDate: day.description, data: EventCodec.encode(closed),
            metadata: GeneratedLog.endOfDayMetadata)
        try store.append(to: DayClosed.streamId, expectedVersion: .noStream, events: [event]) {
            context, recorded in
            try projection.applyDayClosed(closed, states: [], later: .none, context)
            if let last = recorded.last {
                try context.setCheckpoint(ReadModelSchema.live.checkpointName,
                                          position: last.position)
            }
        }
    }
}
