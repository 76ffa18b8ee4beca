/// The ``WriteContext`` (and ``ReadContext``) a ``SQLiteEventStore`` hands to closures.
///
/// SQL is built only from names checked against the declared ``TableSchema``s and always
/// double-quoted; values are bound. The context is valid only while its closure runs.
final class SQLiteContext: WriteContext {
    private unowned let store: SQLiteEventStore
    private let writable: Bool
    private var isValid = true

    init(store: SQLiteEventStore, writable: Bool) {
        self.store = store
        self.writable = writable
    }

    func invalidate() { isValid = false }

    private var connection: Connection {
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
        let (whereSQL, values) = Self.whereClause(filters)
        // The primary key breaks ties, so both backends return rows in the same order.
        let order = orderBy + schema.primaryKey.filter { !orderBy.contains($0) }
        var sql =
            "SELECT " + schema.columns.map { quote($0.name) }.joined(separator: ", ")
            + " FROM " + quote(table) + whereSQL
            + " ORDER BY " + order.map(quote).joined(separator: ", ")
        var bindings = values
        if let limit {
            sql += " LIMIT ?"
            bindings.append(.integer(Int64(limit)))
        }
        var out = [Row]()
        try connection.cachedStatement(sql).forEachRow(bindings) { statement in
            out.append(try Self.decodeRow(statement, schema: schema))
        }
        return out
    }

    func upsert(_ table: String, _ row: Row) throws {
        checkWritable()
        let schema = try store.declaredSchema(table)
        try schema.checkRow(row)
        let keys = row.keys.sorted()
        let sql =
            "INSERT OR REPLACE INTO " + quote(table) + " ("
            + keys.map(quote).joined(separator: ", ") + ") VALUES ("
            + keys.map { _ in "?" }.joined(separator: ", ") + ")"
        try connection.cachedStatement(sql).run(keys.map { Self.value(row[$0] ?? .null) })
    }

    func delete(from table: String, where filters: Row) throws {
        checkWritable()
        let schema = try store.declaredSchema(table)
        try schema.checkCells(filters)
        let (whereSQL, values) = Self.whereClause(filters)
        try connection.cachedStatement("DELETE FROM " + quote(table) + whereSQL).run(values)
    }

    // MARK: - Checkpoints and unique keys

    func checkpoint(_ name: String) throws -> Int64? {
        var position: Int64?
        try connection.cachedStatement("SELECT position FROM checkpoints WHERE name = ?")
            .forEachRow([.string(name)]) { position = $0.int64(0) }
        return position
    }

    func setCheckpoint(_ name: String, position: Int64) throws {
        checkWritable()
        try KeyValidation.checkCheckpoint(name, position: position)
        try connection.cachedStatement(
            "INSERT OR REPLACE INTO checkpoints (name, position) VALUES (?, ?)"
        ).run([.string(name), .integer(position)])
    }

    func uniqueKeyOwner(namespace: String, key: String) throws -> String? {
        var owner: String?
        try connection.cachedStatement(
            "SELECT owner FROM unique_keys WHERE namespace = ? AND key = ?"
        ).forEachRow([.string(namespace), .string(key)]) {
            owner = String(decoding: try $0.textBytes(0), as: UTF8.self)
        }
        return owner
    }

    func claimUniqueKey(namespace: String, key: String, owner: String) throws {
        checkWritable()
        try KeyValidation.check(namespace, field: "namespace")
        try KeyValidation.check(key, field: "key")
        try KeyValidation.check(owner, field: "owner")
        if let holder = try uniqueKeyOwner(namespace: namespace, key: key) {
            guard holder == owner else {
                throw EventStoreError.uniqueKeyTaken(namespace: namespace, key: key, owner: holder)
            }
            return
        }
        try connection.cachedStatement(
            "INSERT INTO unique_keys (namespace, key, owner) VALUES (?, ?, ?)"
        ).run([.string(namespace), .string(key), .string(owner)])
    }

    // MARK: - SQL pieces

    /// ` WHERE "a" = ? AND "b" IS NULL`, keys sorted so equal filters share one statement.
    private static func whereClause(_ filters: Row) -> (String, [SQLValue]) {
        guard !filters.isEmpty else { return ("", []) }
        var terms = [String]()
        var values = [SQLValue]()
        for key in filters.keys.sorted() {
            let cell = filters[key] ?? .null
            if cell == .null {
                terms.append(quote(key) + " IS NULL")
            } else {
                terms.append(quote(key) + " = ?")
                values.append(value(cell))
            }
        }
        return (" WHERE " + terms.joined(separator: " AND "), values)
    }

    private static func value(_ cell: Cell) -> SQLValue {
        switch cell {
        case .null: return .null
        case .integer(let integer): return .integer(integer)
        case .text(let text): return .string(text)
        }
    }

    private static func decodeRow(_ statement: Statement, schema: TableSchema) throws -> Row {
        var row = Row(minimumCapacity: schema.columns.count)
        for (offset, column) in schema.columns.enumerated() {
            let index = Int32(offset)
            switch statement.columnType(index) {
            case SQLiteTypes.null: row[column.name] = .null
            case SQLiteTypes.integer: row[column.name] = .integer(statement.int64(index))
            default:
                row[column.name] = .text(
                    String(decoding: try statement.textBytes(index), as: UTF8.self))
            }
        }
        return row
    }
}

/// A name checked by ``TableSchema/checkIdentifier(_:field:)``, double-quoted for SQL.
func quote(_ name: String) -> String { "\"" + name + "\"" }

// A context wraps a connection used by one thread.
@available(*, unavailable)
extension SQLiteContext: Sendable {}
