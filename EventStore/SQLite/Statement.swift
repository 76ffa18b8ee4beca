import CSQLite

/// A value bound to a statement parameter.
enum SQLValue {
    case null
    case integer(Int64)
    /// UTF-8 bytes stored as TEXT, verbatim.
    case text([UInt8])
    case blob([UInt8])

    static func string(_ value: String) -> SQLValue { .text(Array(value.utf8)) }
}

/// One prepared statement (`sqlite3_stmt *`) of a ``Connection``.
///
/// Every use binds, steps to the end and resets, so no statement is left active (an active
/// statement would keep a read transaction, and its snapshot, open).
final class Statement {
    unowned let connection: Connection
    let sql: String
    private(set) var handle: OpaquePointer?

    /// Prepares `sql`, which must hold exactly one statement.
    /// - Throws: ``EventStoreError/sqlite(code:message:sql:)``.
    init(connection: Connection, sql: String, persistent: Bool) throws {
        self.connection = connection
        self.sql = sql
        var prepared: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        // The tail points into the C string, which lives only inside withCString: check it
        // there (reading it after the call would read freed memory).
        let (code, hasMoreStatements) = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(connection.openHandle, text, -1, flags, &prepared,
                                          &tail)
            return (code, tail.map { $0.pointee != 0 } ?? false)
        }
        switch code {
        case SQLITE_OK:
            guard let prepared else {
                // An empty or comment-only string prepares to NULL.
                throw EventStoreError.sqlite(code: SQLITE_MISUSE, message: "no statement", sql: sql)
            }
            handle = prepared
        default:
            sqlite3_finalize(prepared)
            throw connection.error(code: code, sql: sql)
        }
        if hasMoreStatements {
            finalize()
            throw EventStoreError.sqlite(
                code: SQLITE_MISUSE, message: "more than one statement", sql: sql)
        }
    }

    deinit { finalize() }

    /// Releases the C statement. Idempotent.
    func finalize() {
        guard let handle else { return }
        // sqlite3_finalize returns the error of the last step, which was already thrown.
        sqlite3_finalize(handle)
        self.handle = nil
    }

    private var openHandle: OpaquePointer {
        guard let handle else { preconditionFailure("SQLite statement used after finalize()") }
        return handle
    }

    // MARK: - Running

    /// Binds `values`, steps through every row calling `row`, then resets.
    /// - Throws: ``EventStoreError/sqlite(code:message:sql:)`` and whatever `row` throws.
    func forEachRow(_ values: [SQLValue], _ row: (Statement) throws -> Void) throws {
        try bind(values)
        defer { reset() }
        while try step() { try row(self) }
    }

    /// Binds `values` and runs a statement that returns no rows.
    func run(_ values: [SQLValue]) throws {
        try forEachRow(values) { _ in }
    }

    private func step() throws -> Bool {
        let code = sqlite3_step(openHandle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error(code: code, sql: sql)
        }
    }

    private func reset() {
        // "If the most recent call to sqlite3_step(S) ... indicated an error, then
        // sqlite3_reset(S) returns an appropriate error code" (sqlite.org/c3ref/reset.html):
        // that error was already thrown by step(), and the statement is reset either way.
        switch sqlite3_reset(openHandle) {
        case SQLITE_OK: break
        default: break
        }
        switch sqlite3_clear_bindings(openHandle) {
        case SQLITE_OK: break
        default: assertionFailure("sqlite3_clear_bindings failed")
        }
    }

    private func bind(_ values: [SQLValue]) throws {
        let expected = Int(sqlite3_bind_parameter_count(openHandle))
        precondition(values.count == expected, "\(values.count) values for \(expected) parameters")
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(openHandle, index)
            case .integer(let integer): code = sqlite3_bind_int64(openHandle, index, integer)
            case .text(let bytes): code = bindText(bytes, at: index)
            case .blob(let bytes): code = bindBlob(bytes, at: index)
            }
            switch code {
            case SQLITE_OK: continue
            default: throw connection.error(code: code, sql: sql)
            }
        }
    }

    private func bindText(_ bytes: [UInt8], at index: Int32) -> Int32 {
        guard let length = Int32(exactly: bytes.count) else { return SQLITE_TOOBIG }
        // A NULL pointer would bind SQL NULL, so an empty text binds a pointer to "".
        if bytes.isEmpty {
            return "".withCString {
                sqlite3_bind_text(openHandle, index, $0, 0, loanledger_sqlite_transient())
            }
        }
        return bytes.withUnsafeBytes { buffer in
            sqlite3_bind_text(
                openHandle, index, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), length,
                loanledger_sqlite_transient())
        }
    }

    private func bindBlob(_ bytes: [UInt8], at index: Int32) -> Int32 {
        guard let length = Int32(exactly: bytes.count) else { return SQLITE_TOOBIG }
        if bytes.isEmpty { return sqlite3_bind_zeroblob(openHandle, index, 0) }
        return bytes.withUnsafeBytes { buffer in
            sqlite3_bind_blob(
                openHandle, index, buffer.baseAddress, length, loanledger_sqlite_transient())
        }
    }

    // MARK: - Columns of the current row

    /// The storage class of a column: SQLITE_INTEGER, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL…
    func columnType(_ index: Int32) -> Int32 { sqlite3_column_type(openHandle, index) }

    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(openHandle, index) }

    /// The column's bytes as TEXT, verbatim; an SQL NULL reads as no bytes.
    /// - Throws: ``EventStoreError/sqlite(code:message:sql:)`` when SQLite is out of memory.
    func textBytes(_ index: Int32) throws -> [UInt8] {
        // "call sqlite3_column_text() first ... then sqlite3_column_bytes()"
        // (sqlite.org/c3ref/column_blob.html).
        guard let text = sqlite3_column_text(openHandle, index) else {
            return try nullOrOutOfMemory(index)
        }
        let count = Int(sqlite3_column_bytes(openHandle, index))
        return Array(UnsafeBufferPointer(start: text, count: count))
    }

    /// The column's bytes as a BLOB; an SQL NULL or a zero-length blob reads as no bytes.
    func blobBytes(_ index: Int32) throws -> [UInt8] {
        guard let blob = sqlite3_column_blob(openHandle, index) else {
            return try nullOrOutOfMemory(index)
        }
        let count = Int(sqlite3_column_bytes(openHandle, index))
        return Array(UnsafeRawBufferPointer(start: blob, count: count))
    }

    private func nullOrOutOfMemory(_ index: Int32) throws -> [UInt8] {
        // A NULL pointer means an SQL NULL, a zero-length value, or an allocation failure;
        // only sqlite3_errcode tells them apart.
        switch sqlite3_errcode(connection.openHandle) {
        case SQLITE_NOMEM: throw connection.error(code: SQLITE_NOMEM, sql: sql)
        default: return []
        }
    }
}

// A statement belongs to one connection, which is used by one thread at a time.
@available(*, unavailable)
extension Statement: Sendable {}
