import CSQLite
import Foundation

/// The embedded event store: one SQLite file in WAL mode.
///
/// Opening checks, before changing anything, that the file is a LoanLedger store
/// (`PRAGMA application_id` and `loanledger_meta`) of a schema version this code supports; a
/// 0-byte or new file is initialised when ``SQLiteStoreOptions/OpenMode/createIfMissing``.
/// Appends run in `BEGIN IMMEDIATE` transactions; positions are the last position + 1 inside
/// the transaction, so they are gap-free in commit order. Prepared statements are cached.
///
/// One instance is one connection and must be used by one thread at a time; open a second
/// instance with ``SQLiteStoreOptions/OpenMode/readOnly`` to read in parallel with the writer.
///
/// ```swift
/// let store = try SQLiteEventStore(path: "loanledger.sqlite")
/// defer { store.close() }
/// let result = try store.append(to: "customer-C1", expectedVersion: .noStream, events: [event])
/// ```
public final class SQLiteEventStore: EventStore {
    /// The file the store lives in.
    public let path: String
    /// The options it was opened with.
    public let options: SQLiteStoreOptions
    let connection: Connection
    let clock: any SystemClock
    let hasher: ChainHasher
    /// Read-model tables declared through ``ensureTables(_:)`` on this connection.
    var schemas: [String: TableSchema] = [:]

    /// Opens (or, with ``SQLiteStoreOptions/OpenMode/createIfMissing``, creates) a store.
    ///
    /// - Parameters:
    ///   - path: The SQLite file.
    ///   - options: Open mode, `synchronous` and busy timeout.
    ///   - clock: The source of `recordedAt`.
    ///   - key: The HMAC chain key; a store created with a key must always be opened with it.
    /// - Throws: ``EventStoreError/storeMissing(path:)`` (modes `mustExist`, `readOnly`),
    ///   ``EventStoreError/notAStore(path:)``, ``EventStoreError/schemaTooNew(found:supported:)``
    ///   (the file is left untouched in these three cases),
    ///   ``EventStoreError/invalidInput(field:rule:)`` for a key that does not match the store,
    ///   ``EventStoreError/sqlite(code:message:sql:)``.
    public init(
        path: String, options: SQLiteStoreOptions = .init(),
        clock: any SystemClock = WallClock(), key: ChainKey? = nil
    ) throws {
        if options.mode != .createIfMissing, !FileManager.default.fileExists(atPath: path) {
            throw EventStoreError.storeMissing(path: path)
        }
        let connection: Connection
        do {
            connection = try Self.open(path: path, flags: Self.openFlags(options.mode),
                                       options: options, key: key)
        } catch let error as EventStoreError where Self.mayReadImmutable(path, options, error) {
            // A reader on a read-only file system, or on a full disk, cannot create the WAL
            // index (`-shm`) every WAL reader needs. With no WAL content beside the store the
            // file alone is the whole database, so reading it as immutable is exact.
            connection = try Self.open(
                path: Self.immutableURI(path),
                flags: Self.openFlags(options.mode) | SQLITE_OPEN_URI, options: options, key: key)
        }
        self.path = path
        self.options = options
        self.connection = connection
        self.clock = clock
        self.hasher = ChainHasher(key: key)
    }

    /// Opens an existing store read-write; never creates one.
    ///
    /// The same as `init` with mode ``SQLiteStoreOptions/OpenMode/mustExist``.
    /// - Throws: ``EventStoreError/storeMissing(path:)`` and the errors of `init`.
    public static func openExisting(
        path: String, options: SQLiteStoreOptions = .init(mode: .mustExist),
        clock: any SystemClock = WallClock(), key: ChainKey? = nil
    ) throws -> SQLiteEventStore {
        var options = options
        if options.mode == .createIfMissing { options.mode = .mustExist }
        return try SQLiteEventStore(path: path, options: options, clock: clock, key: key)
    }

    deinit { connection.close() }

    /// Finalizes the cached statements and closes the connection. Idempotent; the store must
    /// not be used afterwards.
    public func close() {
        connection.close()
    }

    /// Opens and prepares a connection; closes it again if preparing fails.
    private static func open(
        path: String, flags: Int32, options: SQLiteStoreOptions, key: ChainKey?
    ) throws -> Connection {
        let connection = try Connection(path: path, flags: flags)
        do {
            try prepare(connection, options: options, key: key)
        } catch {
            connection.close()
            throw error
        }
        return connection
    }

    /// True when a read-only open failed for want of a writable WAL index and no WAL content
    /// exists beside the store (SQLITE_READONLY 8, SQLITE_IOERR 10, SQLITE_CANTOPEN 14).
    private static func mayReadImmutable(
        _ path: String, _ options: SQLiteStoreOptions, _ error: EventStoreError
    ) -> Bool {
        guard options.mode == .readOnly, case .sqlite(let code, _, _) = error,
            [8, 10, 14].contains(code)
        else { return false }
        let wal = try? FileManager.default.attributesOfItem(atPath: path + "-wal")
        return ((wal?[.size] as? NSNumber)?.int64Value ?? 0) == 0
    }

    /// `file:` URI of `path` with `immutable=1` (sqlite.org/uri.html).
    private static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
            ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:" + encoded + "?immutable=1"
    }

    private static func openFlags(_ mode: SQLiteStoreOptions.OpenMode) -> Int32 {
        // NOMUTEX: an instance is used by one thread at a time, so SQLite's own mutex is waste.
        let common = SQLITE_OPEN_NOMUTEX
        switch mode {
        case .createIfMissing: return common | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .mustExist: return common | SQLITE_OPEN_READWRITE
        case .readOnly: return common | SQLITE_OPEN_READONLY
        }
    }

    /// Checks what the file is before changing it, then sets WAL, `synchronous` and migrates.
    private static func prepare(
        _ connection: Connection, options: SQLiteStoreOptions, key: ChainKey?
    ) throws {
        try connection.setBusyTimeout(milliseconds: options.busyTimeoutMilliseconds)
        let found = try SQLiteSchema.inspect(connection)
        if found.applicationId == SQLiteSchema.applicationId {
            guard found.userVersion <= SQLiteSchema.currentVersion else {
                throw EventStoreError.schemaTooNew(
                    found: found.userVersion, supported: SQLiteSchema.currentVersion)
            }
        } else if !(found.isEmptyDatabase && options.mode == .createIfMissing) {
            throw EventStoreError.notAStore(path: connection.path)
        }
        if options.mode != .readOnly {
            try setJournalAndSync(connection, options.synchronous)
            if found.userVersion < SQLiteSchema.currentVersion {
                let keyCheck = try key.map(ChainHasher.keyCheck)
                try SQLiteSchema.migrate(connection, keyCheck: keyCheck)
            }
        } else if found.userVersion < SQLiteSchema.currentVersion {
            throw EventStoreError.invalidInput(
                field: "store",
                rule: "schema version \(found.userVersion) must first be "
                    + "upgraded by opening the store for writing")
        }
        guard try SQLiteSchema.meta(connection, "application") == "LoanLedger" else {
            throw EventStoreError.notAStore(path: connection.path)
        }
        try checkKey(connection, key)
    }

    private static func setJournalAndSync(
        _ connection: Connection, _ synchronous: SQLiteStoreOptions.Synchronous
    ) throws {
        var mode = ""
        try connection.cachedStatement("PRAGMA journal_mode = WAL").forEachRow([]) {
            mode = String(decoding: try $0.textBytes(0), as: UTF8.self)
        }
        guard mode == "wal" else {
            throw EventStoreError.sqlite(
                code: SQLITE_ERROR, message: "WAL journal mode unavailable (got '\(mode)')",
                sql: "PRAGMA journal_mode = WAL")
        }
        switch synchronous {
        case .full: try connection.execute("PRAGMA synchronous = FULL")
        case .normal: try connection.execute("PRAGMA synchronous = NORMAL")
        }
    }

    private static func checkKey(_ connection: Connection, _ key: ChainKey?) throws {
        let stored = try SQLiteSchema.meta(connection, "chain_key_check")
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

// One instance is one SQLite connection with mutable statement and schema caches, used by one
// thread at a time; open one store per thread instead of sharing.
@available(*, unavailable)
extension SQLiteEventStore: Sendable {}
