import EventStore

extension PostgresEventStore {
    /// Runs one SQL statement without parameters, outside the store's rules: a test hook
    /// (dropping a test schema, tampering with rows to check that verify notices).
    ///
    /// `package`, so only this package's tests can reach it; never call it with input.
    /// - Throws: ``EventStoreError/postgres(message:)``.
    package func executeForTesting(_ sql: String) throws {
        try connection.query(sql)
    }
}
