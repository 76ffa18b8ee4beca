import EventStore
import Foundation

/// The server event store: the same contract as ``SQLiteEventStore``, in one PostgreSQL schema.
///
/// Opening connects (failing within `connect_timeout`, 5 seconds unless the URL says
/// otherwise), checks that the schema holds a LoanLedger store of a version this code supports
/// or nothing of ours yet, and creates the tables when missing. Appends take
/// `LOCK TABLE events IN EXCLUSIVE MODE`, so positions are the last position + 1 and gap-free
/// in commit order (docs/event-store.md, "PostgreSQL"); `data` and `metadata` are `bytea`,
/// stored and hashed verbatim. Every append sends a notification that
/// ``PostgresEventSubscription`` waits for.
///
/// One instance is one connection and must be used by one thread at a time; open one store
/// per thread.
///
/// ```swift
/// let store = try PostgresEventStore(url: "postgres://app@db.internal:5432/ledger")
/// let result = try store.append(to: "customer-C1", expectedVersion: .noStream, events: [event])
/// ```
public final class PostgresEventStore: EventStore {
    /// `host:port/database/schema`, without user or password (for messages and logs).
    public let location: String
    /// The PostgreSQL schema holding the store's tables.
    public let schema: String
    let connection: PGConnection
    let clock: any SystemClock
    let hasher: ChainHasher
    /// Read-model tables declared through ``ensureTables(_:)`` on this connection.
    var schemas: [String: TableSchema] = [:]

    /// Connects to a server and opens (creating when missing) the store in `schema`.
    ///
    /// - Parameters:
    ///   - url: `postgres://user:password@host:port/database?sslmode=…&connect_timeout=…`
    ///     (or `postgresql://`, or a libpq `key=value` string). Every libpq parameter is
    ///     honoured; `connect_timeout` defaults to 5 seconds.
    ///   - clock: The source of `recordedAt`; with ``WallClock`` it is read after the append
    ///     lock is taken.
    ///   - key: The HMAC chain key; a store created with a key must always be opened with it.
    ///   - schema: The PostgreSQL schema, `[a-z_][a-z0-9_]*` of at most ``schemaBytesMax``
    ///     bytes; created if missing.
    /// - Throws: ``EventStoreError/postgres(message:)`` (unreachable server, refused login,
    ///   a server that is not UTF-8, …), ``EventStoreError/notAStore(path:)`` (the schema
    ///   holds tables of ours without `loanledger_meta`),
    ///   ``EventStoreError/schemaTooNew(found:supported:)`` (the schema is left untouched in
    ///   these two cases), ``EventStoreError/invalidInput(field:rule:)`` for a bad schema name
    ///   or a key that does not match the store.
    public convenience init(
        url: String, clock: any SystemClock = WallClock(), key: ChainKey? = nil,
        schema: String = "public"
    ) throws {
        try self.init(url: url, clock: clock, key: key, schema: schema, createIfMissing: true)
    }

    /// Opens an existing store; never creates one (read commands: reads never create a store).
    ///
    /// The same as `init` except that a schema without LoanLedger tables is refused.
    /// - Throws: ``EventStoreError/storeMissing(path:)`` (the path is ``location``) and the
    ///   errors of `init`.
    public static func openExisting(
        url: String, clock: any SystemClock = WallClock(), key: ChainKey? = nil,
        schema: String = "public"
    ) throws -> PostgresEventStore {
        try PostgresEventStore(
            url: url, clock: clock, key: key, schema: schema, createIfMissing: false)
    }

    private init(
        url: String, clock: any SystemClock, key: ChainKey?, schema: String,
        createIfMissing: Bool
    ) throws {
        try TableSchema.checkIdentifier(schema, field: "schema")
        // The NOTIFY channel name (`loanledger_<schema>`) must stay a PostgreSQL identifier,
        // at most 63 bytes.
        guard schema.utf8.count <= Self.schemaBytesMax else {
            throw EventStoreError.invalidInput(
                field: "schema", rule: "at most \(Self.schemaBytesMax) bytes, got '\(schema)'")
        }
        let connection = try PGConnection(url: url)
        let location = connection.location + "/" + schema
        connection.onConnect = { try Self.configureSession($0, schema: schema) }
        try connection.onConnect?(connection)
        let found = try PostgresSchema.inspect(connection, schema: schema)
        try PostgresSchema.check(found, location: location)
        guard createIfMissing || !found.isEmpty else {
            throw EventStoreError.storeMissing(path: location)
        }
        if found.version < PostgresSchema.currentVersion {
            let keyCheck = try key.map(ChainHasher.keyCheck)
            try PostgresSchema.migrate(
                connection, schema: schema, location: location, keyCheck: keyCheck)
        }
        try Self.checkKey(connection, key)
        self.location = location
        self.schema = schema
        self.connection = connection
        self.clock = clock
        self.hasher = ChainHasher(key: key)
    }

    /// Closes the connection. Idempotent; the store must not be used afterwards. Deinit
    /// closes it too.
    public func close() {
        connection.close()
    }

    /// The longest schema name accepted.
    public static let schemaBytesMax = 48

    /// The NOTIFY channel of this store's schema.
    var channel: String { "loanledger_" + schema }

    /// Sets the session's `search_path` to the store's schema (then the catalogue, and
    /// temporary objects last so they cannot shadow ours) and `lock_timeout` to SQLite's busy
    /// timeout, so a writer stuck behind a hung transaction fails (SQLSTATE 55P03) instead of
    /// waiting forever; then checks the server encoding.
    private static func configureSession(_ connection: PGConnection, schema: String) throws {
        try connection.query(
            "SELECT set_config('search_path', $1, false), set_config('lock_timeout', $2, false)",
            [
                .text("\"\(schema)\", pg_catalog, pg_temp"),
                .text("\(EventStoreLimits.busyTimeoutMillisecondsDefault)ms"),
            ])
        let encoding = try connection.query(
            "SELECT current_setting('server_encoding')"
        ).string(0, 0)
        guard encoding == "UTF8" else {
            throw EventStoreError.postgres(
                message: "the database encoding is '\(encoding)'; LoanLedger needs UTF8")
        }
    }

    private static func checkKey(_ connection: PGConnection, _ key: ChainKey?) throws {
        let stored = try PostgresSchema.meta(connection, "chain_key_check")
        switch (stored, key) {
        case (nil, nil): return
        case (nil, .some):
            throw EventStoreError.invalidInput(
                field: "key", rule: "the store was created without a chain key")
        case (.some, nil):
            throw EventStoreError.invalidInput(
                field: "key", rule: "the store's hash chain is keyed; open it with its key")
        case (.some(let check), .some(let key)):
            guard try ChainHasher.keyCheck(key) == check else {
                throw EventStoreError.invalidInput(
                    field: "key", rule: "does not match the key the store was created with")
            }
        }
    }
}

// One instance is one PostgreSQL connection with a mutable schema cache, used by one thread at
// a time; open one store per thread instead of sharing.
@available(*, unavailable)
extension PostgresEventStore: Sendable {}
