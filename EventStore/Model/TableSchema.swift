/// A read-model table declared by a projection, created by the store in its own dialect.
public struct TableSchema: Sendable, Equatable {
    /// A column: name and type. All columns are nullable unless part of the primary key.
    public struct Column: Sendable, Equatable {
        /// The column type: SQLite `INTEGER` or `TEXT`.
        public enum Kind: Sendable, Equatable { case integer, text }
        /// `[a-z_][a-z0-9_]*`, at most ``EventStoreLimits/nameBytesMax`` bytes.
        public var name: String
        /// What the column holds.
        public var kind: Kind
        /// Declares a column.
        public init(_ name: String, _ kind: Kind) {
            self.name = name
            self.kind = kind
        }
    }

    /// The table name: `[a-z_][a-z0-9_]*`, not one the store reserves (`events`,
    /// `checkpoints`, `unique_keys`, `streams`, `sqlite_*`, `loanledger_*`).
    public var name: String
    /// 1 … ``EventStoreLimits/columnCountMax`` columns.
    public var columns: [Column]
    /// The columns that identify a row (upsert replaces the row with the same key).
    public var primaryKey: [String]
    /// Secondary indexes, each a list of column names.
    public var indexes: [[String]]

    /// Declares a table; ``EventStore/ensureTables(_:)`` validates and creates it.
    public init(name: String, columns: [Column], primaryKey: [String], indexes: [[String]] = []) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.indexes = indexes
    }
}
