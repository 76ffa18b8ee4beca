import EventStore
import Foundation
import Lending
import LoanLedger

/// Benchmark 2: end-to-end `Ledger.execute` — resolve the stream (loan index), load and fold
/// it, decide, append with the loan index, reference keys and inline read models in one
/// transaction. Baseline: one-row transactions through the C API at the same `synchronous`
/// (a command is one durable commit, so commits/s bounds commands/s).
struct CommandBenchmark {
    let configuration: BenchConfiguration
    static let firstDay = BusinessDate(year: 2026, month: 3, day: 2)

    func run() throws -> [BenchResult] {
        var results: [BenchResult] = []
        for synchronous in [SQLiteStoreOptions.Synchronous.full, .normal] {
            results += try measure(synchronous)
        }
        return results
    }

    private func measure(_ synchronous: SQLiteStoreOptions.Synchronous) throws -> [BenchResult] {
        let sync = synchronous == .full ? "full" : "normal"
        BenchLog.say("commands.\(sync) …")
        let clock = SimulatedClock(start: LocalTime(date: CommandBenchmark.firstDay,
                                                    minuteOfDay: 600))
        let ledger = try Ledger.open(path: configuration.path("commands.\(sync).sqlite"),
                                     access: .write, clock: clock, synchronous: synchronous)
        defer { (ledger.store as? SQLiteEventStore)?.close() }
        let baseline = try commitBaseline(synchronous, name: "commands.\(sync).raw.sqlite")
        let count = configuration.commandsPerRepetition
        let actor = CommandMetadata(actor: ActorID(validated: "ops.bench"))
        var disbursements = Samples()
        var dues: [(LoanID, Money, BusinessDate)] = []
        var random = BenchRandom(seed: 11)
        for repetition in 0..<configuration.repetitions {
            var seconds = 0.0
            for index in 0..<count {
                let customer = CustomerID(validated: "B\(repetition)-\(index)")
                try ledger.execute(.openLine(limit: .yuan(60_000), on: CommandBenchmark.firstDay),
                                   for: customer, metadata: actor)
                let loan = LoanID(validated: "LB\(repetition)-\(index)")
                let request = try DisbursementRequest(
                    loanId: loan, principal: .yuan(random.int(1_000...20_000)),
                    terms: LoanTerms(dailyRate: DailyRate(millionths: 500),
                                     method: random.pick(RepaymentMethod.allCases),
                                     termMonths: 12),
                    on: CommandBenchmark.firstDay)
                let (outcome, elapsed) = try Stopwatch.time {
                    try ledger.execute(.disburse(request), for: customer, metadata: actor)
                }
                seconds += elapsed
                if let record = outcome.state.loans[loan] {
                    let due = CommandBenchmark.firstDay.adding(months: 1)
                    let amount = record.statement(asOf: due).installments[0].unpaidTotal
                    dues.append((loan, amount, due))
                }
            }
            disbursements.add(Double(count) / seconds)
        }
        clock.advance(to: LocalTime(date: CommandBenchmark.firstDay.adding(months: 1),
                                    minuteOfDay: 600))
        var repayments = Samples()
        for repetition in 0..<configuration.repetitions {
            let slice = dues[(repetition * count)..<((repetition + 1) * count)]
            let seconds = try Stopwatch.seconds {
                for (loan, amount, due) in slice {
                    try ledger.execute(
                        .repay(loan: loan, amount: amount, on: due,
                               reference: PaymentReference(validated: "RB-\(loan.rawValue)"),
                               channel: "bank"),
                        metadata: actor)
                }
            }
            repayments.add(Double(slice.count) / seconds)
        }
        return [
            BenchResult(key: "commands.disburse.\(sync)",
                        label: "Ledger.execute(.disburse) for a customer with an open line, "
                            + "synchronous \(sync.uppercased())",
                        samples: disbursements, unit: "commands/s", baseline: baseline,
                        baselineLabel: "raw one-row transactions/s"),
            BenchResult(key: "commands.repay.\(sync)",
                        label: "Ledger.execute(.repay) of the installment due, "
                            + "synchronous \(sync.uppercased())",
                        samples: repayments, unit: "commands/s", baseline: baseline,
                        baselineLabel: "raw one-row transactions/s"),
        ]
    }

    /// One-row transactions/s through the C API, WAL, the same `synchronous`.
    private func commitBaseline(_ synchronous: SQLiteStoreOptions.Synchronous, name: String)
        throws -> Samples
    {
        let raw = try RawSQLite(path: configuration.path(name), synchronous: synchronous)
        try raw.createEventsTable()
        let append = AppendBenchmark(configuration: configuration)
        var feed = AppendBenchmark.Feed(templates: append.templates, streamCount: 100)
        var samples = Samples()
        let count = configuration.commandsPerRepetition
        for _ in 0..<configuration.repetitions {
            let rows = (0..<count).map { _ in feed.rawRows(batch: 1) }
            let seconds = try Stopwatch.seconds {
                for row in rows { try raw.insertTransaction(row[...]) }
            }
            samples.add(Double(count) / seconds)
        }
        return samples
    }
}
