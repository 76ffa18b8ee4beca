import Foundation

// MARK: - Verification and restore

extension SQLiteEventStore {
    /// Walks the whole chain in batches of ``EventStoreLimits/verifyBatchCount`` inside one
    /// read transaction and recomputes every hash (with the store's key, if any).
    ///
    /// Reports the first position that is missing, out of sequence, undecodable, does not
    /// hash, breaks its stream's version sequence or goes back in time; then, with
    /// `expectHead`, the first position where the log disagrees with the kept anchor.
    /// - Parameters:
    ///   - expectHead: An anchor kept outside the store (from `day status` or an export).
    ///   - progress: Called after each batch with (checked, total).
    /// - Complexity: O(n) time, O(streams) memory.
    /// - Throws: ``EventStoreError/sqlite(code:message:sql:)``, ``EventStoreError/io(_:)``.
    public func verify(
        expectHead: ChainHead?, progress: ((Int64, Int64) -> Void)?
    ) throws -> VerificationReport {
        try connection.inTransactionOrCurrent(.deferred) {
            let total = try head().position
            let select = try connection.cachedStatement(
                "SELECT \(Self.eventColumns) FROM events WHERE position > ? "
                    + "ORDER BY position LIMIT ?")
            return try ChainVerifier.run(
                hasher: hasher, expectHead: expectHead, expectedTotal: total, progress: progress
            ) { after, limit in
                var rows = [StoredRow]()
                try select.forEachRow([.integer(after), .integer(Int64(limit))]) {
                    rows.append(try Self.decode($0))
                }
                return rows
            }
        }
    }

    /// Imports recorded events into an empty store in one transaction, keeping their
    /// positions, times and hashes, after checking each one against the chain.
    ///
    /// - Throws: ``EventStoreError/storeNotEmpty``,
    ///   ``EventStoreError/restoreRejected(position:detail:)`` (nothing is kept),
    ///   ``EventStoreError/sqlite(code:message:sql:)``.
    public func restore(_ events: any Sequence<RecordedEvent>) throws {
        try connection.inTransaction(.immediate) {
            guard try head().position == 0 else { throw EventStoreError.storeNotEmpty }
            var verifier = ChainVerifier(hasher: hasher, anchor: nil)
            var seen = Set<UUID>()
            for event in events {
                try RestoreCheck.check(event, verifier: &verifier, seenIds: &seen)
                try insertRow(event)
            }
        }
    }
}
