import CLibPQ
import EventStore
import Foundation

/// The PostgreSQL baseline: one parameterised INSERT per event through libpq, one transaction
/// per batch, into a table shaped like the store's events table (same uniques).
final class RawPostgres {
    private var connection: OpaquePointer?
    let schema: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(url: String, schema: String) throws {
        connection = PQconnectdb(url)
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { String(cString: PQerrorMessage($0)) } ?? "no memory"
            PQfinish(connection)
            self.connection = nil
            throw Failure(description: "raw PostgreSQL: \(message)")
        }
        self.schema = schema
        // libpq prints NOTICEs (e.g. "drop cascades to …") on stderr by default.
        try execute("SET client_min_messages = warning")
        try execute("CREATE SCHEMA \(schema)")
        try execute("""
            CREATE TABLE \(schema).events (position bigint PRIMARY KEY, stream_id text NOT NULL,
              version bigint NOT NULL, event_id uuid NOT NULL UNIQUE, type text NOT NULL,
              schema_version bigint NOT NULL, effective_date text NOT NULL,
              recorded_at bigint NOT NULL, data bytea NOT NULL, metadata bytea NOT NULL,
              hash bytea NOT NULL, UNIQUE (stream_id, version))
            """)
    }

    deinit {
        try? execute("DROP SCHEMA \(schema) CASCADE")
        PQfinish(connection)
    }

    func execute(_ sql: String) throws {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw Failure(description: "raw PostgreSQL: \(String(cString: PQerrorMessage(connection)))")
        }
    }

    /// Inserts `rows` in one transaction.
    func insertTransaction(_ rows: [RecordedEvent]) throws {
        try execute("BEGIN")
        let sql = "INSERT INTO \(schema).events VALUES "
            + "($1, $2, $3, $4::uuid, $5, $6, $7, $8, $9::bytea, $10::bytea, $11::bytea)"
        for row in rows {
            let values = [
                String(row.position), row.streamId, String(row.version),
                row.eventId.uuidString, row.type, String(row.schemaVersion), row.effectiveDate,
                String(row.recordedAt), "\\x" + row.data.hexString,
                "\\x" + row.metadata.hexString, "\\x" + row.hash.hexString,
            ]
            try insert(sql, values)
        }
        try execute("COMMIT")
    }

    private func insert(_ sql: String, _ values: [String]) throws {
        var pointers = values.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        let result = pointers.withUnsafeMutableBufferPointer { buffer -> OpaquePointer? in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { params in
                PQexecParams(connection, sql, Int32(values.count), nil, params.baseAddress,
                             nil, nil, 0)
            }
        }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else {
            throw Failure(description: "raw PostgreSQL: \(String(cString: PQerrorMessage(connection)))")
        }
    }
}

@available(*, unavailable, message: "one connection, one thread")
extension RawPostgres: Sendable {}
