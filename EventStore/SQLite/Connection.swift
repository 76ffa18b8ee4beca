import CSQLite

/// One SQLite database connection (`sqlite3 *`), used by one thread at a time.
///
/// Follows GRDB's `Database`: opening cleans up a half-opened handle and throws; `close()`
/// finalizes cached statements first, is idempotent and sets the handle to nil; `deinit`
/// asserts the connection was closed. Every C return code goes through a `switch` whose
/// default throws ``EventStoreError/sqlite(code:message:sql:)``.
final class Connection {
    /// The C handle; nil once closed.
    private(set) var handle: OpaquePointer?
    let path: String
    private var statementCache: [String: Statement] = [:]

    /// Opens `path` with `sqlite3_open_v2` flags.
    /// - Throws: ``EventStoreError/sqlite(code:message:sql:)`` when SQLite cannot open it.
    init(path: String, flags: Int32) throws {
        self.path = path
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        switch code {
        case SQLITE_OK:
            guard let opened else {
                throw EventStoreError.sqlite(code: SQLITE_NOMEM, message: "no handle", sql: nil)
            }
            handle = opened
        default:
            // "Whether or not an error occurs when it is opened, resources associated with the
            // database connection handle should be released by passing it to sqlite3_close()"
            // (sqlite.org/c3ref/open.html).
            let message = opened.flatMap { sqlite3_errmsg($0).map { String(cString: $0) } }
            sqlite3_close(opened)
            throw EventStoreError.sqlite(
                code: code & 0xff, message: message ?? "cannot open", sql: nil)
        }
    }

    deinit {
        assert(handle == nil, "Connection deinitialized without close()")
        if handle != nil { close() }
    }

    /// Finalizes every cached statement, then closes the handle. Idempotent.
    func close() {
        for statement in statementCache.values { statement.finalize() }
        statementCache.removeAll()
        guard let handle else { return }
        // sqlite3_close_v2 defers the close until the last statement is finalized instead of
        // failing with SQLITE_BUSY, so no handle leaks even if a statement escaped the cache.
        switch sqlite3_close_v2(handle) {
        case SQLITE_OK: break
        default: assertionFailure("sqlite3_close_v2 failed: \(lastErrorMessage)")
        }
        self.handle = nil
    }

    /// The open handle; using a closed connection is a programming error.
    var openHandle: OpaquePointer {
        guard let handle else { preconditionFailure("SQLite connection used after close()") }
        return handle
    }

    /// True outside an explicit transaction.
    var isAutocommit: Bool { sqlite3_get_autocommit(openHandle) != 0 }

    var lastErrorMessage: String {
        guard let handle, let message = sqlite3_errmsg(handle) else { return "unknown error" }
        return String(cString: message)
    }

    /// The store error for a failed call: the primary result code, SQLite's message, the SQL.
    func error(code: Int32, sql: String?) -> EventStoreError {
        .sqlite(code: code & 0xff, message: lastErrorMessage, sql: sql)
    }

    /// Sets how long a writer waits for another connection's lock before SQLITE_BUSY.
    func setBusyTimeout(milliseconds: Int) throws {
        let clamped = Int32(clamping: milliseconds)
        switch sqlite3_busy_timeout(openHandle, clamped) {
        case SQLITE_OK: break
        case let code: throw error(code: code, sql: nil)
        }
    }

    /// Runs SQL text that may hold several statements and returns no rows (DDL, pragmas).
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(openHandle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        switch code {
        case SQLITE_OK: return
        default:
            let text = message.map { String(cString: $0) } ?? lastErrorMessage
            throw EventStoreError.sqlite(code: code & 0xff, message: text, sql: sql)
        }
    }

    /// A prepared statement for `sql`, prepared once and reused (statements with the same SQL
    /// text are the same object). The cache is bounded by
    /// ``EventStoreLimits/statementCacheCountMax``: when full it is emptied and refilled.
    func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        if statementCache.count >= EventStoreLimits.statementCacheCountMax {
            for statement in statementCache.values { statement.finalize() }
            statementCache.removeAll()
        }
        let statement = try Statement(connection: self, sql: sql, persistent: true)
        statementCache[sql] = statement
        return statement
    }
}

// A connection is used by one thread at a time (SQLITE_OPEN_NOMUTEX) and keeps mutable caches.
@available(*, unavailable)
extension Connection: Sendable {}
