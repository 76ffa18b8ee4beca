import CLibPQ
import EventStore
import Foundation

/// One query result (`PGresult *`) in binary format; `PQclear` runs when it is released.
///
/// Columns are read by index with typed accessors that check the wire length, so a column of
/// an unexpected type throws instead of being misread.
final class PGResult {
    private let handle: OpaquePointer
    /// The SQL it answers, for error messages.
    let sql: String

    /// Takes ownership of `handle`.
    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    // "Every command result should be freed via PQclear when it is no longer needed"
    // (postgresql.org/docs/current/libpq-exec.html).
    deinit { PQclear(handle) }

    var rowCount: Int { Int(PQntuples(handle)) }

    /// The command tag, e.g. `COMMIT` or `ROLLBACK`.
    var commandStatus: String {
        guard let status = PQcmdStatus(handle) else { return "" }
        return String(cString: status)
    }

    func isNull(_ row: Int, _ column: Int) -> Bool {
        PQgetisnull(handle, Int32(row), Int32(column)) == 1
    }

    /// The raw binary value; empty for NULL.
    private func withBytes<T>(
        _ row: Int, _ column: Int, _ body: (UnsafeRawBufferPointer) throws -> T
    ) rethrows -> T {
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        guard let value = PQgetvalue(handle, Int32(row), Int32(column)), length > 0 else {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeRawBufferPointer(start: value, count: length))
    }

    /// A `bigint` column.
    /// - Throws: ``EventStoreError/postgres(message:)`` for NULL or another type.
    func int64(_ row: Int, _ column: Int) throws -> Int64 {
        guard !isNull(row, column),
            let value = withBytes(row, column, { PGBinary.decodeInt64($0) })
        else { throw typeError(column, "an integer") }
        return value
    }

    /// A `text` column's UTF-8 bytes; NULL reads as no bytes.
    func bytes(_ row: Int, _ column: Int) -> [UInt8] {
        withBytes(row, column) { Array($0) }
    }

    /// A `text` column.
    func string(_ row: Int, _ column: Int) -> String {
        withBytes(row, column) { String(decoding: $0, as: UTF8.self) }
    }

    /// A `uuid` column.
    func uuid(_ row: Int, _ column: Int) throws -> UUID {
        guard let id = withBytes(row, column, { PGBinary.decodeUUID($0) }) else {
            throw typeError(column, "a uuid")
        }
        return id
    }

    /// A `boolean` column.
    func bool(_ row: Int, _ column: Int) throws -> Bool {
        guard let flag = withBytes(row, column, { $0.count == 1 ? $0[0] != 0 : nil }) else {
            throw typeError(column, "a boolean")
        }
        return flag
    }

    private func typeError(_ column: Int, _ expected: String) -> EventStoreError {
        .postgres(message: "column \(column + 1) of a result is not \(expected)")
    }
}

// A result is read on the thread that ran the query.
@available(*, unavailable)
extension PGResult: Sendable {}
