import CSQLite
import EventStore

/// The baselines: the same work done straight through the SQLite C API, with no store logic.
///
/// loanbench is the one place outside `EventStore` that imports CSQLite, because a baseline
/// must not go through the code it is compared with.
final class RawSQLite {
    private var handle: OpaquePointer?
    private var insert: OpaquePointer?

    /// Failures of the baseline itself (never expected; they abort the run).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Opens (creating) `path` with WAL and the given `synchronous`, as the store does.
    init(path: String, readOnly: Bool = false, synchronous: SQLiteStoreOptions.Synchronous = .full)
        throws
    {
        let flags = readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            handle = nil
            throw Failure(description: "open \(path): \(message)")
        }
        guard !readOnly else { return }
        try execute("PRAGMA journal_mode = WAL")
        try execute(synchronous == .full ? "PRAGMA synchronous = FULL"
                                         : "PRAGMA synchronous = NORMAL")
    }

    deinit {
        sqlite3_finalize(insert)
        sqlite3_close(handle)
    }

    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "unknown"
            sqlite3_free(error)
            throw Failure(description: "\(sql): \(message)")
        }
    }

    /// Creates a table equivalent to the store's `events` (same columns, keys and uniques).
    func createEventsTable() throws {
        try execute("""
            CREATE TABLE IF NOT EXISTS events (
                position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, version INTEGER NOT NULL,
                event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
                schema_version INTEGER NOT NULL, effective_date TEXT NOT NULL,
                recorded_at INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
                hash BLOB NOT NULL, UNIQUE (stream_id, version))
            """)
        try prepare(&insert, """
            INSERT INTO events (position, stream_id, version, event_id, type, schema_version, \
            effective_date, recorded_at, data, metadata, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)
            """)
    }

    /// One events row with every text already UTF-8, so the baseline times SQLite only.
    struct Row {
        var position: Int64
        var streamId: [UInt8]
        var version: Int64
        var eventId: [UInt8]
        var type: [UInt8]
        var schemaVersion: Int64
        var effectiveDate: [UInt8]
        var recordedAt: Int64
        var data: [UInt8]
        var metadata: [UInt8]
        var hash: [UInt8]

        init(_ event: RecordedEvent) {
            position = event.position
            streamId = Array(event.streamId.utf8)
            version = event.version
            eventId = Array(event.eventId.uuidString.lowercased().utf8)
            type = Array(event.type.utf8)
            schemaVersion = Int64(event.schemaVersion)
            effectiveDate = Array(event.effectiveDate.utf8)
            recordedAt = event.recordedAt
            data = event.data
            metadata = event.metadata
            hash = event.hash
        }
    }

    /// Inserts `rows` in one `BEGIN IMMEDIATE` transaction with the one prepared INSERT.
    func insertTransaction(_ rows: ArraySlice<Row>) throws {
        try execute("BEGIN IMMEDIATE")
        for row in rows {
            sqlite3_bind_int64(insert, 1, row.position)
            bindText(2, row.streamId)
            sqlite3_bind_int64(insert, 3, row.version)
            bindText(4, row.eventId)
            bindText(5, row.type)
            sqlite3_bind_int64(insert, 6, row.schemaVersion)
            bindText(7, row.effectiveDate)
            sqlite3_bind_int64(insert, 8, row.recordedAt)
            bindText(9, row.data)
            bindText(10, row.metadata)
            _ = row.hash.withUnsafeBytes {
                sqlite3_bind_blob(insert, 11, $0.baseAddress, Int32($0.count),
                                  loanledger_sqlite_transient())
            }
            guard sqlite3_step(insert) == SQLITE_DONE else { throw lastFailure("INSERT") }
            sqlite3_reset(insert)
        }
        try execute("COMMIT")
    }

    /// Reads every column of every row `sql` returns, touching every byte's length.
    /// - Returns: The rows read.
    @discardableResult
    func scan(_ sql: String, bind: [String] = []) throws -> Int {
        var statement: OpaquePointer?
        try prepare(&statement, sql)
        defer { sqlite3_finalize(statement) }
        for (index, text) in bind.enumerated() {
            bindText(Int32(index + 1), Array(text.utf8), to: statement)
        }
        var rows = 0
        var bytes = 0
        let columns = sqlite3_column_count(statement)
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw lastFailure(sql) }
            rows += 1
            for column in 0..<columns {
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: bytes &+= Int(truncatingIfNeeded:
                    sqlite3_column_int64(statement, column))
                case SQLITE_BLOB:
                    _ = sqlite3_column_blob(statement, column)
                    bytes &+= Int(sqlite3_column_bytes(statement, column))
                case SQLITE_NULL: continue
                default:
                    _ = sqlite3_column_text(statement, column)
                    bytes &+= Int(sqlite3_column_bytes(statement, column))
                }
            }
        }
        blackHole &+= bytes
        return rows
    }

    /// Keeps the optimiser from dropping column reads whose values are otherwise unused.
    private(set) var blackHole = 0

    private func prepare(_ statement: inout OpaquePointer?, _ sql: String) throws {
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw lastFailure(sql)
        }
    }

    private func bindText(_ index: Int32, _ bytes: [UInt8], to statement: OpaquePointer? = nil) {
        _ = bytes.withUnsafeBufferPointer {
            sqlite3_bind_text(statement ?? insert, index, $0.baseAddress.map {
                UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)
            }, Int32($0.count), loanledger_sqlite_transient())
        }
    }

    private func lastFailure(_ sql: String) -> Failure {
        Failure(description: "\(sql): \(String(cString: sqlite3_errmsg(handle)))")
    }
}
