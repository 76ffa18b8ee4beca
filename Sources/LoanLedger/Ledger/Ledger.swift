import EventStore
import Foundation
import Lending
import PostgresEventStore
import Projections

/// The library a lending backend embeds: opens a store, runs commands and answers queries.
///
/// Each command: resolve the customer's stream (through the loan index when only a loan is
/// named), read and fold it, `decide` with today's date from the injected clock, and append
/// with the expected version — the events, the loan index and reference keys, and the read
/// models in one transaction. A version conflict is retried a bounded number of times.
///
/// ```swift
/// let ledger = try Ledger.open(path: "loanledger.sqlite")
/// try ledger.execute(.openLine(limit: .yuan(50_000), on: today), for: customer,
///                    metadata: CommandMetadata(actor: ActorID(validated: "ops.wang")))
/// ```
public final class Ledger {
    /// The log.
    public let store: any EventStore
    /// The source of `today` and of recordedAt.
    public let clock: any SystemClock
    let ids: any EventIDGenerator
    /// Events between two snapshots of a customer stream; nil turns snapshots off (reads then
    /// fold every event — the answers are identical either way).
    public let snapshotInterval: Int64?
    /// The policy book as of a version of the policy stream (policies change rarely; reading
    /// the stream's version is one index seek, decoding it all is not).
    private var policyCache: (version: Int64, book: CollectionPolicyBook)?
    /// Attempts for one command when someone else appends first.
    public static let conflictAttemptsMax = 5

    /// What a ledger is opened for.
    public enum Access: Sendable, Equatable {
        /// Queries only: the store must exist and is never written (not even its tables).
        case read
        /// Commands: a missing SQLite store is created and the read-model tables declared.
        case write
    }

    /// Creates a ledger over an open store and declares the read-model tables (creating them
    /// when missing, with `.write` access).
    public init(store: any EventStore, access: Access = .write,
                clock: any SystemClock = WallClock(),
                ids: any EventIDGenerator = RandomEventIDs(),
                snapshotInterval: Int64? = CustomerSnapshots.intervalDefault) throws(LedgerError)
    {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.snapshotInterval = snapshotInterval
        let tables = ReadModelSchema.live.tables + ReadModelSchema.shadow.tables
            + [CustomerSnapshots.table]
        do {
            try store.ensureTables(tables)
        } catch {
            // Declaring tables that exist writes nothing; a read-only ledger on a store whose
            // tables were never created cannot create them, and its queries fall back to
            // replay where they can.
            guard access == .read else { throw LedgerError.wrap(error) }
        }
    }

    /// Opens a store: a `postgres://` (or `postgresql://`) URL opens the PostgreSQL store;
    /// anything else is a SQLite file — for `.write` created when missing, for `.read` opened
    /// read-only.
    /// - Throws: ``LedgerError/store(_:)`` with `.storeMissing`, `.notAStore`, `.schemaTooNew`,
    ///   `.postgres` (server unreachable, login refused)…
    public static func open(
        path: String, access: Access, clock: any SystemClock = WallClock(),
        synchronous: SQLiteStoreOptions.Synchronous = .full
    ) throws(LedgerError) -> Ledger {
        do {
            if Ledger.isPostgresURL(path) {
                let store = access == .write
                    ? try PostgresEventStore(url: path, clock: clock)
                    : try PostgresEventStore.openExisting(url: path, clock: clock)
                return try Ledger(store: store, access: access, clock: clock)
            }
            var options = SQLiteStoreOptions()
            options.mode = access == .write ? .createIfMissing : .readOnly
            options.synchronous = synchronous
            let store = try SQLiteEventStore(path: path, options: options, clock: clock)
            return try Ledger(store: store, access: access, clock: clock)
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// True for `postgres://…` and `postgresql://…` store locations.
    public static func isPostgresURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Today's business date in Asia/Shanghai, from the clock.
    public var today: BusinessDate {
        LocalTime(unixSeconds: clock.nowMicroseconds() / 1_000_000).date
    }

    /// The last closed business day, from the read models.
    public func lastClosedDay() throws(LedgerError) -> BusinessDate? {
        do {
            return try store.read { try ReadModelProjection.live(.init()).lastClosedDay($0) }
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// Collection policies in force: the standard one plus every adopted version.
    public func policies() throws(LedgerError) -> CollectionPolicyBook {
        do {
            let version = try store.streamVersion(PolicyStream.id)
            if let cached = policyCache, cached.version == version { return cached.book }
            var book = CollectionPolicyBook()
            for recorded in try store.readWholeStream(PolicyStream.id) {
                let adopted = try EventCodec.decode(CollectionPolicyAdopted.self,
                                                    from: recorded.data)
                book.adopt(adopted.policy)
            }
            policyCache = (version, book)
            return book
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// A customer's folded state as known at `position` (now when nil), from the latest
    /// snapshot when snapshots are on.
    func state(of customer: CustomerID, knownAt position: Int64? = nil) throws -> CustomerState {
        try CustomerHistory.loadState(customer, from: store, knownAt: position,
                                      useSnapshots: snapshotInterval != nil)
    }

    /// The decision context for a command run now.
    func decisionContext() throws(LedgerError) -> DecisionContext {
        let now = LocalTime(unixSeconds: clock.nowMicroseconds() / 1_000_000)
        return DecisionContext(today: now.date, lastClosedDay: try lastClosedDay(),
                               policies: try policies(), now: now)
    }
}

/// The stream of collection policy versions.
public enum PolicyStream {
    public static let id = "policy-collection"
}

extension ReadModelProjection {
    /// The projection over the live tables.
    static func live(_ policies: CollectionPolicyBook) -> ReadModelProjection {
        ReadModelProjection(schema: .live, policies: policies)
    }
}
