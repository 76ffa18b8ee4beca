import EventStore

/// The ``WriteContext`` (and ``ReadContext``) a ``PostgresEventStore`` hands to closures.
///
/// SQL is built only from names checked against the declared ``TableSchema``s and always
/// double-quoted; values are parameters. The context is valid only while its closure runs.
final class PostgresContext: WriteContext {
    private unowned let store: PostgresEventStore
    private let writable: Bool
    private var isValid = true

    init(store: PostgresEventStore, writable: Bool) {
        self.store = store
        self.writable = writable
    }

    func invalidate() { isValid = false }

    private var connection: PGConnection {
        precondition(isValid, "a store context was used after its transaction ended")
        return store.connection
    }

    private func checkWritable() {
        precondition(writable, "a read context was used to write")
    }

    // MARK: - Read models

    func rows(
        in table: String, where filters: Row, orderBy: [String], limit: Int?
    ) throws
        -> [Row]
    {
        let schema = try store.declaredSchema(table)
        try schema.checkCells(filters)
        try schema.checkColumnList(orderBy, field: "\(table).orderBy")
        if let limit, limit < 0 {
            throw EventStoreError.invalidInput(field: "limit", rule: "must be ≥ 0, got \(limit)")
        }
        var values = [PGValue]()
        let whereSQL = Self.whereClause(filters, schema: schema, values: &values)
        // The primary key breaks ties and NULLs come first, as on SQLite; text columns are
        // COLLATE "C", so text orders by UTF-8 bytes.
        let order = orderBy + schema.primaryKey.filter { !orderBy.contains($0) }
        var sql =
            "SELECT " + schema.columns.map { quote($0.name) }.joined(separator: ", ")
            + " FROM " + quote(table) + whereSQL + " ORDER BY "
            + order.map { quote($0) + " ASC NULLS FIRST" }.joined(separator: ", ")
        if let limit {
            values.append(.int8(Int64(limit)))
            sql += " LIMIT $\(values.count)"
        }
        let result = try connection.query(sql, values)
        return try (0..<result.rowCount).map { try Self.decodeRow(result, $0, schema: schema) }
    }

    /// Inserts the row, or replaces every non-key column of the row with the same key
    /// (columns the row leaves out become NULL, as SQLite's INSERT OR REPLACE does).
    func upsert(_ table: String, _ row: Row) throws {
        checkWritable()
        let schema = try store.declaredSchema(table)
        try schema.checkRow(row)
        let names = schema.columns.map(\.name)
        let values = schema.columns.map { Self.value(row[$0.name] ?? .null, kind: $0.kind) }
        let others = names.filter { !schema.primaryKey.contains($0) }
        let conflict =
            others.isEmpty
            ? "DO NOTHING"
            : "DO UPDATE SET "
                + others.map { quote($0) + " = EXCLUDED." + quote($0) }
                .joined(separator: ", ")
        let sql =
            "INSERT INTO " + quote(table) + " (" + names.map(quote).joined(separator: ", ")
            + ") VALUES (" + (1...names.count).map { "$\($0)" }.joined(separator: ", ")
            + ") ON CONFLICT (" + schema.primaryKey.map(quote).joined(separator: ", ") + ") "
            + conflict
        try connection.query(sql, values)
    }

    func delete(from table: String, where filters: Row) throws {
        checkWritable()
        let schema = try store.declaredSchema(table)
        try schema.checkCells(filters)
        var values = [PGValue]()
        let whereSQL = Self.whereClause(filters, schema: schema, values: &values)
        try connection.query("DELETE FROM " + quote(table) + whereSQL, values)
    }

    // MARK: - Checkpoints and unique keys

    func checkpoint(_ name: String) throws -> Int64? {
        let result = try connection.query(
            "SELECT position FROM checkpoints WHERE name = $1", [.text(name)])
        return result.rowCount == 0 ? nil : try result.int64(0, 0)
    }

    func setCheckpoint(_ name: String, position: Int64) throws {
        checkWritable()
        try KeyValidation.checkCheckpoint(name, position: position)
        try connection.query(
            "INSERT INTO checkpoints (name, position) VALUES ($1, $2) "
                + "ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position",
            [.text(name), .int8(position)])
    }

    func uniqueKeyOwner(namespace: String, key: String) throws -> String? {
        let result = try connection.query(
            "SELECT owner FROM unique_keys WHERE namespace = $1 AND key = $2",
            [.text(namespace), .text(key)])
        return result.rowCount == 0 ? nil : result.string(0, 0)
    }

    /// Claims with `ON CONFLICT DO NOTHING`: a concurrent claim of the same key waits for the
    /// other transaction, and the owner read afterwards is the one that committed.
    func claimUniqueKey(namespace: String, key: String, owner: String) throws {
        checkWritable()
        try KeyValidation.check(namespace, field: "namespace")
        try KeyValidation.check(key, field: "key")
        try KeyValidation.check(owner, field: "owner")
        let inserted = try connection.query(
            "INSERT INTO unique_keys (namespace, key, owner) VALUES ($1, $2, $3) "
                + "ON CONFLICT (namespace, key) DO NOTHING",
            [.text(namespace), .text(key), .text(owner)])
        guard inserted.commandStatus == "INSERT 0 0" else { return }
        let holder = try uniqueKeyOwner(namespace: namespace, key: key)
        guard let holder, holder != owner else { return }
        throw EventStoreError.uniqueKeyTaken(namespace: namespace, key: key, owner: holder)
    }

    // MARK: - SQL pieces

    /// ` WHERE "a" = $1 AND "b" IS NULL`, appending the values to `values`.
    private static func whereClause(
        _ filters: Row, schema: TableSchema, values: inout [PGValue]
    ) -> String {
        guard !filters.isEmpty else { return "" }
        var terms = [String]()
        for key in filters.keys.sorted() {
            let cell = filters[key] ?? .null
            if cell == .null {
                terms.append(quote(key) + " IS NULL")
            } else {
                let kind = schema.column(named: key)?.kind ?? .text
                values.append(value(cell, kind: kind))
                terms.append(quote(key) + " = $\(values.count)")
            }
        }
        return " WHERE " + terms.joined(separator: " AND ")
    }

    private static func value(_ cell: Cell, kind: TableSchema.Column.Kind) -> PGValue {
        switch cell {
        case .null: return .null(kind == .integer ? .int8 : .text)
        case .integer(let integer): return .int8(integer)
        case .text(let text): return .text(text)
        }
    }

    private static func decodeRow(_ result: PGResult, _ row: Int, schema: TableSchema) throws
        -> Row
    {
        var out = Row(minimumCapacity: schema.columns.count)
        for (column, declared) in schema.columns.enumerated() {
            if result.isNull(row, column) {
                out[declared.name] = .null
                continue
            }
            switch declared.kind {
            case .integer: out[declared.name] = .integer(try result.int64(row, column))
            case .text: out[declared.name] = .text(result.string(row, column))
            }
        }
        return out
    }
}

// A context wraps a connection used by one thread.
@available(*, unavailable)
extension PostgresContext: Sendable {}
