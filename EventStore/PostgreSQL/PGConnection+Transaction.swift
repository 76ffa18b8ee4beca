import EventStore

/// Transactions, as on SQLite: roll back on throw, rethrow the first error, never nest, and
/// check the transaction status after BEGIN, COMMIT and ROLLBACK.
extension PGConnection {
    enum TransactionKind {
        /// READ COMMITTED: each statement sees what committed before it started; appends take
        /// the events lock first, so everything after it sees the latest commits.
        case write
        /// REPEATABLE READ, READ ONLY: one snapshot for every statement inside.
        case snapshot

        var begin: String {
            switch self {
            case .write: return "BEGIN ISOLATION LEVEL READ COMMITTED"
            case .snapshot: return "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
            }
        }
    }

    /// Runs `body` inside BEGIN … COMMIT; a throw rolls back and is rethrown unchanged.
    /// - Throws: whatever `body` throws, or ``EventStoreError/postgres(message:)``.
    func inTransaction<T>(_ kind: TransactionKind, _ body: () throws -> T) throws -> T {
        precondition(!isTransactionOpen, "transactions never nest")
        try query(kind.begin)
        assert(isInTransaction, "BEGIN left no transaction open")
        isTransactionOpen = true
        defer { isTransactionOpen = false }
        let result: T
        do {
            result = try body()
            try commit()
        } catch {
            rollbackKeepingFirstError()
            throw error
        }
        assert(!isInTransaction, "COMMIT left a transaction open")
        return result
    }

    /// Runs `body` in the open transaction if there is one, else in a new one of `kind`.
    func inTransactionOrCurrent<T>(_ kind: TransactionKind, _ body: () throws -> T) throws -> T {
        if isTransactionOpen { return try body() }
        return try inTransaction(kind, body)
    }

    /// COMMIT of a transaction an error aborted answers `ROLLBACK` with a success status
    /// (postgresql.org/docs/current/sql-commit.html), so the tag is checked too.
    private func commit() throws {
        guard !isInFailedTransaction else {
            throw EventStoreError.postgres(
                message: "the transaction was aborted by an earlier error and rolled back")
        }
        let tag = try query("COMMIT").commandStatus
        guard tag == "COMMIT" else {
            throw EventStoreError.postgres(message: "COMMIT answered '\(tag)': rolled back")
        }
    }

    /// Rolls back if a transaction is still open; the caller's first error is the one
    /// reported. A lost connection has no transaction left to roll back.
    private func rollbackKeepingFirstError() {
        guard isInTransaction else { return }
        do {
            try query("ROLLBACK")
        } catch {
            // The original error is more useful; the server rolls back when the session ends.
        }
    }
}
