import EventStore
import Foundation
import Lending
import PostgresEventStore
import LoanLedger
import Projections
import TestSupport

/// A ledger on a temporary SQLite file with a clock the test moves (Shanghai business hours).
final class LedgerFixture {
    let directory: TemporaryDirectory
    let clock: ManualClock
    let ledger: Ledger
    let ops = CommandMetadata(actor: ActorID(validated: "ops.test"), reason: "test")

    /// The stores a ledger test can run on: SQLite always; PostgreSQL when
    /// `LOANLEDGER_TEST_PG_URL` names a server (each fixture gets a schema of its own).
    enum Backend: String, CaseIterable, Sendable {
        case sqlite, postgres

        static var testURL: String? { ProcessInfo.processInfo.environment["LOANLEDGER_TEST_PG_URL"] }

        /// The backends this run can use.
        static var available: [Backend] { testURL == nil ? [.sqlite] : [.sqlite, .postgres] }
    }

    let backend: Backend
    private var postgresSchema: String?

    init(today: String, snapshotInterval: Int64? = CustomerSnapshots.intervalDefault,
         backend: Backend = .sqlite) throws
    {
        directory = try TemporaryDirectory(prefix: "ledger")
        clock = ManualClock(microseconds: 0)
        self.backend = backend
        let store: any EventStore
        switch backend {
        case .sqlite:
            store = try SQLiteEventStore(path: directory.file("ledger.sqlite"), clock: clock)
        case .postgres:
            let schema = "ledger_" + UUID().uuidString.prefix(8).lowercased()
            postgresSchema = schema
            store = try PostgresEventStore(url: Backend.testURL ?? "", clock: clock,
                                           schema: schema)
        }
        ledger = try Ledger(store: store, clock: clock, snapshotInterval: snapshotInterval)
        setToday(today)
    }

    deinit {
        guard let schema = postgresSchema, let store = ledger.store as? PostgresEventStore else {
            return
        }
        try? store.executeForTesting("DROP SCHEMA \(schema) CASCADE")
    }

    /// Moves the clock to 10:00 Shanghai on `day`.
    func setToday(_ day: String) {
        let date = LedgerFixture.date(day)
        let local = LocalTime(date: date, minuteOfDay: 600)
        clock.set(local.unixSeconds * 1_000_000)
    }

    static func date(_ text: String) -> BusinessDate {
        do { return try BusinessDate(parsing: text, field: "date") } catch {
            preconditionFailure("bad test date \(text)")
        }
    }

    @discardableResult
    func run(_ command: LendingCommand, customer: String? = nil, requestId: String? = nil)
        throws -> CommandOutcome
    {
        var metadata = ops
        metadata.requestId = requestId
        return try ledger.execute(command, for: customer.map { CustomerID(validated: $0) },
                                  metadata: metadata)
    }

    func disburse(_ loan: String, customer: String, yuan: Int64, term: Int64 = 12,
                  method: RepaymentMethod = .equalInstallment, on day: String) throws
    {
        let terms = LoanTerms(dailyRate: DailyRate(millionths: 400), method: method,
                              termMonths: term)
        let request = try DisbursementRequest(loanId: LoanID(validated: loan),
                                              principal: .yuan(yuan), terms: terms,
                                              on: LedgerFixture.date(day))
        try run(.disburse(request), customer: customer)
    }

    func repay(_ loan: String, fen: Int64, on day: String, ref: String) throws -> CommandOutcome {
        try run(.repay(loan: LoanID(validated: loan), amount: Money(fen: fen),
                       on: LedgerFixture.date(day), reference: PaymentReference(validated: ref),
                       channel: nil))
    }
}
