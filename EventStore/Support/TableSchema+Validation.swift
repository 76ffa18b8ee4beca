/// Read-model names and rows are checked against the declared schemas so that nothing unchecked
/// is ever interpolated into SQL, and both backends refuse the same mistakes.
extension TableSchema {
    /// Table names the store itself uses.
    package static let reservedNames: Set<String> = [
        "events", "streams", "checkpoints", "unique_keys", "loanledger_meta",
    ]

    /// Checks names (lower-case letters, digits, `_`), columns, primary key and indexes.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)``.
    package func validate() throws {
        try Self.checkIdentifier(name, field: "table")
        guard !Self.reservedNames.contains(name), !name.hasPrefix("sqlite_"),
            !name.hasPrefix("loanledger_")
        else {
            throw EventStoreError.invalidInput(
                field: "table", rule: "'\(name)' is a name the store reserves")
        }
        guard (1...EventStoreLimits.columnCountMax).contains(columns.count) else {
            throw EventStoreError.invalidInput(
                field: "\(name).columns",
                rule: "must have 1…\(EventStoreLimits.columnCountMax) columns")
        }
        var seen = Set<String>()
        for column in columns {
            try Self.checkIdentifier(column.name, field: "\(name).column")
            guard seen.insert(column.name).inserted else {
                throw EventStoreError.invalidInput(
                    field: "\(name).\(column.name)", rule: "is declared twice")
            }
        }
        guard !primaryKey.isEmpty else {
            throw EventStoreError.invalidInput(
                field: "\(name).primaryKey", rule: "must name at least one column")
        }
        try checkColumnList(primaryKey, field: "\(name).primaryKey")
        for index in indexes {
            guard !index.isEmpty else {
                throw EventStoreError.invalidInput(
                    field: "\(name).indexes", rule: "an index must name at least one column")
            }
            try checkColumnList(index, field: "\(name).indexes")
        }
    }

    /// The declared column called `name`, if any.
    package func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }

    /// Checks a row for upsert: declared columns, matching kinds, primary key present.
    package func checkRow(_ row: Row) throws {
        try checkCells(row)
        for key in primaryKey where (row[key] ?? .null) == .null {
            throw EventStoreError.invalidInput(
                field: "\(name).\(key)", rule: "is part of the primary key and must be set")
        }
    }

    /// Checks a filter: declared columns and matching kinds (`.null` matches NULL).
    package func checkCells(_ cells: Row) throws {
        for (key, cell) in cells {
            guard let column = column(named: key) else {
                throw EventStoreError.invalidInput(
                    field: "\(name).\(key)", rule: "is not a declared column")
            }
            switch (column.kind, cell) {
            case (_, .null), (.integer, .integer), (.text, .text): continue
            case (.integer, .text), (.text, .integer):
                throw EventStoreError.invalidInput(
                    field: "\(name).\(key)", rule: "must hold \(column.kind) values")
            }
        }
    }

    /// Checks that every name is a declared column.
    package func checkColumnList(_ names: [String], field: String) throws {
        var seen = Set<String>()
        for key in names {
            guard column(named: key) != nil else {
                throw EventStoreError.invalidInput(
                    field: field, rule: "'\(key)' is not a declared column of '\(name)'")
            }
            guard seen.insert(key).inserted else {
                throw EventStoreError.invalidInput(field: field, rule: "names '\(key)' twice")
            }
        }
    }

    /// `[a-z_][a-z0-9_]*`, at most ``EventStoreLimits/nameBytesMax`` bytes.
    package static func checkIdentifier(_ value: String, field: String) throws {
        let bytes = Array(value.utf8)
        let valid =
            !bytes.isEmpty && bytes.count <= EventStoreLimits.nameBytesMax
            && bytes.enumerated().allSatisfy { offset, byte in
                let letter =
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || byte == UInt8(ascii: "_")
                let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                return letter || (digit && offset > 0)
            }
        guard valid else {
            throw EventStoreError.invalidInput(
                field: field,
                rule: "must match [a-z_][a-z0-9_]* with at most "
                    + "\(EventStoreLimits.nameBytesMax) bytes, got '\(value)'")
        }
    }
}

extension TableSchema.Column.Kind: CustomStringConvertible {
    public var description: String {
        switch self {
        case .integer: return "integer"
        case .text: return "text"
        }
    }
}

/// Checks for checkpoint names and unique keys, shared by the backends.
package enum KeyValidation {
    /// A non-empty name of at most ``EventStoreLimits/keyBytesMax`` bytes.
    package static func check(_ value: String, field: String) throws {
        try AppendValidation.checkName(value, field: field, max: EventStoreLimits.keyBytesMax)
    }

    /// A checkpoint name and a position ≥ 0.
    package static func checkCheckpoint(_ name: String, position: Int64) throws {
        try check(name, field: "checkpoint")
        guard position >= 0 else {
            throw EventStoreError.invalidInput(
                field: "checkpoint '\(name)'", rule: "position must be ≥ 0, got \(position)")
        }
    }
}
