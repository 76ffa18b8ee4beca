/// Reads of read-model tables, checkpoints and unique keys inside one transaction.
public protocol ReadContext {
    /// Rows of `table` whose columns equal `filters` (`.null` matches NULL), ordered by
    /// `orderBy` ascending then by the primary key, at most `limit` (nil: all).
    ///
    /// Every row has all declared columns (`.null` where unset). Order follows SQLite: NULL
    /// first, then integers, then text by UTF-8 bytes.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for an undeclared table or
    ///   column, a value of the wrong kind or a negative limit; storage errors.
    func rows(in table: String, where filters: Row, orderBy: [String], limit: Int?) throws -> [Row]
    /// The position a named projection has processed through, or nil if never set.
    func checkpoint(_ name: String) throws -> Int64?
    /// The owner that claimed `key` in `namespace`, or nil.
    func uniqueKeyOwner(namespace: String, key: String) throws -> String?
}

/// Writes that commit atomically with an append (or inside ``EventStore/write(_:)``).
public protocol WriteContext: ReadContext {
    /// Inserts or replaces the row with the same primary key.
    func upsert(_ table: String, _ row: Row) throws
    /// Deletes the rows whose columns equal `filters` (all rows when `filters` is empty).
    func delete(from table: String, where filters: Row) throws
    /// Records that projection `name` has processed the log through `position`.
    func setCheckpoint(_ name: String, position: Int64) throws
    /// Claims `key` in `namespace` for `owner`: a no-op if `owner` already holds it.
    /// - Throws: ``EventStoreError/uniqueKeyTaken(namespace:key:owner:)`` if another owner
    ///   holds it (the error names that owner).
    func claimUniqueKey(namespace: String, key: String, owner: String) throws
}
