/// Transactions, as GRDB's `inTransaction`: roll back on throw, rethrow the first error, never
/// nest, and check the autocommit state after BEGIN, COMMIT and ROLLBACK.
extension Connection {
    enum TransactionKind {
        /// Takes the write lock at BEGIN, so the expected-version check and the insert see the
        /// same state and a busy writer waits at BEGIN (busy timeout), never mid-transaction.
        case immediate
        /// A read transaction: one consistent snapshot (WAL) for every statement inside.
        case deferred
    }

    /// Runs `body` inside BEGIN … COMMIT; a throw rolls back and is rethrown unchanged.
    /// - Throws: whatever `body` throws, or ``EventStoreError/sqlite(code:message:sql:)``.
    func inTransaction<T>(_ kind: TransactionKind, _ body: () throws -> T) throws -> T {
        precondition(isAutocommit, "transactions never nest")
        let begin =
            kind == .immediate ? "BEGIN IMMEDIATE TRANSACTION" : "BEGIN DEFERRED TRANSACTION"
        try cachedStatement(begin).run([])
        assert(!isAutocommit, "BEGIN left autocommit on")
        let result: T
        do {
            result = try body()
            try cachedStatement("COMMIT TRANSACTION").run([])
        } catch {
            rollbackKeepingFirstError()
            throw error
        }
        assert(isAutocommit, "COMMIT left a transaction open")
        return result
    }

    /// Runs `body` in the open transaction if there is one, else in a new one of `kind`.
    ///
    /// For reads and DDL that may be called from inside an append closure or `write`.
    func inTransactionOrCurrent<T>(_ kind: TransactionKind, _ body: () throws -> T) throws -> T {
        if !isAutocommit { return try body() }
        return try inTransaction(kind, body)
    }

    /// Rolls back if a transaction is still open. A failing COMMIT may already have rolled
    /// back by itself (sqlite.org/lang_transaction.html, "Response To Errors Within A
    /// Transaction"); either way the caller's first error is the one reported.
    private func rollbackKeepingFirstError() {
        guard !isAutocommit else { return }
        do {
            try cachedStatement("ROLLBACK TRANSACTION").run([])
        } catch {
            // The original error is more useful than a failed rollback; SQLite rolls back on
            // close at the latest.
        }
        assert(isAutocommit, "ROLLBACK left a transaction open")
    }
}
