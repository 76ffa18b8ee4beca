import EventStore
import Foundation
import Lending
import PostgresEventStore

/// Builds a realistic sample portfolio in a new store: `loanctl demo`.
public enum DemoPortfolio {
    /// Business days simulated (a little over thirteen months, each closed by end of day).
    public static let simulatedDays: Int64 = 400

    /// Builds the demo portfolio at `path`, through the same ``Ledger`` commands a user runs.
    ///
    /// About 220 customers open credit lines and draw 400-odd loans (all three repayment
    /// methods) over ``simulatedDays`` business days ending on `endingOn`. The clock is a
    /// ``SimulatedClock`` set to each simulated moment (business hours in Asia/Shanghai, end of
    /// day at 23:00), so `recordedAt` follows simulated time and `--known-at TIME` is
    /// meaningful. The cast: punctual payers, late payers curing within and after grace,
    /// defaulters through every collection stage (compliance-checked actions at each), a line
    /// closed at DPD 91 and reopened, a bounced payoff reversed, a restructure, a write-off with
    /// recoveries, an overpayment refunded, and one disputed debt — a repayment made on time
    /// whose record arrived after end of day had sent the customer to collection.
    ///
    /// The same `seed` and `endingOn` give the same log, byte for byte (event ids come from
    /// the seed, recordedAt from the simulated clock).
    ///
    /// ```swift
    /// let summary = try DemoPortfolio.run(path: "demo.sqlite", force: false,
    ///                                     endingOn: today, progress: nil)
    /// print(summary.investigateCommand)  // loanctl investigate L-0001-1
    /// ```
    /// - Parameters:
    ///   - path: The SQLite store to create.
    ///   - force: Replace an existing file at `path` (with its `-wal` and `-shm` files).
    ///   - endingOn: The last simulated business day; later commands should not predate it.
    ///   - seed: The seed of every random choice.
    ///   - progress: Called with (days done, days in all) after each simulated day.
    /// - Returns: Counts, the simulated period and the disputed loan.
    /// - Throws: ``DemoError`` — `.storeExists` without `force`, `.cannotRemove`, `.storage`,
    ///   `.commandFailed` when the ledger refuses a step the scenario expected to succeed.
    /// - Complexity: O(days + commands × events of their customer).
    public static func run(
        path: String, force: Bool, endingOn: BusinessDate, seed: UInt64 = 20261127,
        progress: ((Int, Int) -> Void)?
    ) throws -> DemoSummary {
        try run(path: path, force: force, endingOn: endingOn, seed: seed, days: simulatedDays,
                progress: progress)
    }

    /// The same over `days` business days (tests use a short period to stay fast; stories
    /// that would end after `endingOn` are cut there).
    package static func run(
        path: String, force: Bool, endingOn: BusinessDate, seed: UInt64, days: Int64,
        progress: ((Int, Int) -> Void)?
    ) throws -> DemoSummary {
        precondition(days >= 1, "a demo simulates at least one day")
        let firstDay = endingOn.adding(days: -(days - 1))
        let clock = SimulatedClock(start: LocalTime(date: firstDay, minuteOfDay: 8 * 60))
        let store = try openStore(path: path, force: force, clock: clock)
        defer { close(store) }
        let ledger: Ledger
        do {
            ledger = try Ledger(store: store, access: .write, clock: clock,
                                ids: SeededEventIDs(seed: seed ^ 0x5EED_1D5))
        } catch {
            throw DemoError.storage(path: path, detail: String(describing: error))
        }
        let simulation = DemoSimulation(ledger: ledger, clock: clock, seed: seed,
                                        firstDay: firstDay, lastDay: endingOn)
        try simulation.run(progress: progress)
        return try summary(of: simulation, path: path)
    }

    /// A new SQLite file, or an empty PostgreSQL store for a `postgres://` URL (a server's
    /// schema is never emptied: `force` applies to files only).
    private static func openStore(path: String, force: Bool, clock: SimulatedClock)
        throws(DemoError) -> any EventStore
    {
        if Ledger.isPostgresURL(path) {
            let store: PostgresEventStore
            do {
                store = try PostgresEventStore(url: path, clock: clock)
            } catch {
                throw .storage(path: "PostgreSQL store", detail: String(describing: error))
            }
            let head = (try? store.head().position) ?? 0
            guard head == 0 else { throw .serverStoreNotEmpty(location: store.location) }
            return store
        }
        try prepare(path: path, force: force)
        do {
            // synchronous=NORMAL: a demo rebuilt from its seed needs no fsync per append.
            return try SQLiteEventStore(
                path: path, options: SQLiteStoreOptions(synchronous: .normal), clock: clock)
        } catch {
            throw .storage(path: path, detail: String(describing: error))
        }
    }

    private static func close(_ store: any EventStore) {
        (store as? SQLiteEventStore)?.close()
        (store as? PostgresEventStore)?.close()
    }

    private static func prepare(path: String, force: Bool) throws(DemoError) {
        let files = FileManager.default
        guard files.fileExists(atPath: path) else { return }
        guard force else { throw .storeExists(path: path) }
        for file in [path, path + "-wal", path + "-shm"] where files.fileExists(atPath: file) {
            do {
                try files.removeItem(atPath: file)
            } catch {
                throw .cannotRemove(path: file, detail: error.localizedDescription)
            }
        }
    }

    private static func summary(of simulation: DemoSimulation, path: String)
        throws(DemoError) -> DemoSummary
    {
        let disbursed = simulation.loans.filter { $0.record != nil }
        var methods: [String: Int] = [:]
        for loan in disbursed { methods[loan.terms.method.rawValue, default: 0] += 1 }
        let head: Int64
        do {
            head = try simulation.ledger.dayStatus().head.position
        } catch {
            throw .commandFailed(step: "day status", error: error)
        }
        guard let disputed = simulation.disputedLoan else {
            preconditionFailure("the population always plans the disputed loan")
        }
        let customerOf = { (loan: Int) in
            simulation.customers[simulation.loans[loan].customer].id
        }
        return DemoSummary(
            path: path, customers: simulation.customers.count, loans: disbursed.count,
            loansByMethod: methods.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            events: head, firstDay: simulation.firstDay, lastDay: simulation.lastDay,
            elapsedDays: Int(simulation.firstDay.days(until: simulation.lastDay)) + 1,
            disputedLoan: simulation.loans[disputed].id, disputedCustomer: customerOf(disputed),
            highlights: simulation.highlights.map {
                DemoSummary.Highlight(label: $0.label, loan: simulation.loans[$0.loan].id,
                                      customer: customerOf($0.loan))
            },
            anomalies: simulation.anomalies)
    }
}
