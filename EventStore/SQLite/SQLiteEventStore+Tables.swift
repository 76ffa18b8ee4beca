// MARK: - Read-model tables

extension SQLiteEventStore {
    /// Declares read-model tables and creates the missing ones as real SQLite tables
    /// (INTEGER/TEXT columns, primary key, indexes), readable with the `sqlite3` shell.
    ///
    /// Idempotent. A table that exists with other columns or another primary key is refused
    /// rather than altered: drop it (or rebuild into a new name) deliberately.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for a bad or mismatching
    ///   schema, ``EventStoreError/sqlite(code:message:sql:)`` (on a read-only store when a
    ///   table is missing: code 8).
    public func ensureTables(_ tables: [TableSchema]) throws {
        var statements = [String]()
        for table in tables {
            try table.validate()
            if let existing = schemas[table.name], existing != table {
                throw EventStoreError.invalidInput(
                    field: "table", rule: "'\(table.name)' was declared with another schema")
            }
            statements += try missingDDL(table)
        }
        if !statements.isEmpty {
            try connection.inTransactionOrCurrent(.immediate) {
                for statement in statements { try connection.execute(statement) }
            }
        }
        for table in tables { schemas[table.name] = table }
    }

    /// The declared schema of `table`.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` when it was never declared.
    func declaredSchema(_ table: String) throws -> TableSchema {
        guard let schema = schemas[table] else {
            throw EventStoreError.invalidInput(
                field: "table",
                rule: "'\(table)' is not a declared read-model table; "
                    + "call ensureTables first")
        }
        return schema
    }

    /// CREATE statements for what is missing; checks what exists against the declaration.
    private func missingDDL(_ table: TableSchema) throws -> [String] {
        var existing = [(name: String, type: String, primaryKeyIndex: Int64)]()
        try connection.cachedStatement(
            "SELECT name, type, pk FROM pragma_table_info(?)"
        ).forEachRow([.string(table.name)]) {
            existing.append(
                (
                    String(decoding: try $0.textBytes(0), as: UTF8.self),
                    String(decoding: try $0.textBytes(1), as: UTF8.self), $0.int64(2)
                ))
        }
        var statements = [String]()
        if existing.isEmpty {
            statements.append(Self.createTableSQL(table))
        } else {
            let found = existing.map { "\($0.name) \($0.type)" }
            let declared = table.columns.map { "\($0.name) \(Self.sqlType($0.kind))" }
            let foundKey = existing.filter { $0.primaryKeyIndex > 0 }
                .sorted { $0.primaryKeyIndex < $1.primaryKeyIndex }.map(\.name)
            guard found == declared, foundKey == table.primaryKey else {
                throw EventStoreError.invalidInput(
                    field: "table",
                    rule: "'\(table.name)' exists with other columns or "
                        + "another primary key")
            }
        }
        for columns in table.indexes {
            let name = Self.indexName(table.name, columns)
            var count: Int64 = 0
            try connection.cachedStatement(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?"
            ).forEachRow([.string(name)]) { count = $0.int64(0) }
            if count == 0 {
                statements.append(
                    "CREATE INDEX " + quote(name) + " ON " + quote(table.name)
                        + " (" + columns.map(quote).joined(separator: ", ") + ")")
            }
        }
        return statements
    }

    private static func createTableSQL(_ table: TableSchema) -> String {
        let columns = table.columns.map { column in
            let notNull = table.primaryKey.contains(column.name) ? " NOT NULL" : ""
            return quote(column.name) + " " + sqlType(column.kind) + notNull
        }
        let key = "PRIMARY KEY (" + table.primaryKey.map(quote).joined(separator: ", ") + ")"
        return "CREATE TABLE " + quote(table.name) + " ("
            + (columns + [key]).joined(separator: ", ") + ")"
    }

    private static func sqlType(_ kind: TableSchema.Column.Kind) -> String {
        switch kind {
        case .integer: return "INTEGER"
        case .text: return "TEXT"
        }
    }

    /// `<table>__<col>__<col>`: unique per column list; only checked identifiers go in.
    private static func indexName(_ table: String, _ columns: [String]) -> String {
        ([table] + columns).joined(separator: "__")
    }
}
