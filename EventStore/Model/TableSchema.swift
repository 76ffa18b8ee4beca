/// A read-model table declared by a projection, created by the store in its own dialect.
public struct TableSchema: Sendable, Equatable {
    /// A column: name and type. All columns are nullable unless part of the primary key.
    public struct Column: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case integer, text }
        public var name: String
        public var kind: Kind
        public init(_ name: String, _ kind: Kind) {
            self.name = name
            self.kind = kind
        }
    }

    public var name: String
    public var columns: [Column]
    public var primaryKey: [String]
    /// Secondary indexes, each a list of column names.
    public var indexes: [[String]]

    public init(name: String, columns: [Column], primaryKey: [String], indexes: [[String]] = []) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.indexes = indexes
    }
}
