import EventStore

// MARK: - Read-model tables

extension PostgresEventStore {
    /// The longest identifier PostgreSQL keeps (NAMEDATALEN - 1); longer ones are truncated
    /// silently, so they are refused instead.
    static let identifierBytesMax = 63

    /// Declares read-model tables and creates the missing ones as real tables in the store's
    /// schema (`bigint` and `text COLLATE "C"` columns, primary key, indexes).
    ///
    /// Idempotent. A table that exists with other columns or another primary key is refused
    /// rather than altered.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for a bad or mismatching schema
    ///   or a table or column name over 63 bytes, ``EventStoreError/postgres(message:)``.
    public func ensureTables(_ tables: [TableSchema]) throws {
        for table in tables {
            try table.validate()
            for name in [table.name] + table.columns.map(\.name)
            where name.utf8.count > Self.identifierBytesMax {
                throw EventStoreError.invalidInput(
                    field: "table",
                    rule: "'\(name)' is longer than PostgreSQL's "
                        + "\(Self.identifierBytesMax)-byte identifiers")
            }
            if let existing = schemas[table.name], existing != table {
                throw EventStoreError.invalidInput(
                    field: "table", rule: "'\(table.name)' was declared with another schema")
            }
        }
        try connection.inTransactionOrCurrent(.write) {
            for table in tables {
                for statement in try missingDDL(table) { try connection.query(statement) }
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
        let columns = try connection.query(
            "SELECT column_name::text, data_type::text FROM information_schema.columns "
                + "WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
            [.text(schema), .text(table.name)])
        var statements = [String]()
        if columns.rowCount == 0 {
            statements.append(Self.createTableSQL(table))
        } else {
            let found = (0..<columns.rowCount).map {
                "\(columns.string($0, 0)) \(columns.string($0, 1))"
            }
            let declared = table.columns.map { "\($0.name) \(Self.sqlType($0.kind))" }
            guard found == declared, try primaryKey(of: table.name) == table.primaryKey else {
                throw EventStoreError.invalidInput(
                    field: "table",
                    rule: "'\(table.name)' exists with other columns or another primary key")
            }
        }
        for columns in table.indexes {
            let name = Self.indexName(table.name, columns)
            let exists = try connection.query(
                "SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = $2",
                [.text(schema), .text(name)])
            if exists.rowCount == 0 {
                statements.append(
                    "CREATE INDEX " + quote(name) + " ON " + quote(table.name)
                        + " (" + columns.map(quote).joined(separator: ", ") + ")")
            }
        }
        return statements
    }

    /// The primary-key columns of a table in the store's schema, in key order.
    private func primaryKey(of table: String) throws -> [String] {
        let result = try connection.query(
            """
            SELECT a.attname::text FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
            WHERE i.indrelid = to_regclass(quote_ident($1) || '.' || quote_ident($2))
              AND i.indisprimary
            ORDER BY array_position(i.indkey::int2[], a.attnum)
            """, [.text(schema), .text(table)])
        return (0..<result.rowCount).map { result.string($0, 0) }
    }

    private static func createTableSQL(_ table: TableSchema) -> String {
        let columns = table.columns.map { column in
            let collate = column.kind == .text ? " COLLATE \"C\"" : ""
            let notNull = table.primaryKey.contains(column.name) ? " NOT NULL" : ""
            return quote(column.name) + " " + sqlType(column.kind) + collate + notNull
        }
        let key = "PRIMARY KEY (" + table.primaryKey.map(quote).joined(separator: ", ") + ")"
        return "CREATE TABLE " + quote(table.name) + " ("
            + (columns + [key]).joined(separator: ", ") + ")"
    }

    /// The type as `information_schema.columns.data_type` names it.
    private static func sqlType(_ kind: TableSchema.Column.Kind) -> String {
        switch kind {
        case .integer: return "bigint"
        case .text: return "text"
        }
    }

    /// `<table>__<col>__<col>` as on SQLite; a name over 63 bytes becomes its first 40 bytes
    /// and a 64-bit FNV-1a hash of the whole, so it stays unique instead of being truncated.
    static func indexName(_ table: String, _ columns: [String]) -> String {
        let name = ([table] + columns).joined(separator: "__")
        guard name.utf8.count > identifierBytesMax else { return name }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(decoding: Array(name.utf8.prefix(40)), as: UTF8.self) + "__"
            + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A name checked by `TableSchema.checkIdentifier`, double-quoted for SQL.
func quote(_ name: String) -> String { "\"" + name + "\"" }
