import EventStore
import Foundation

// MARK: - Verification and restore

extension PostgresEventStore {
    /// Walks the whole chain in batches of ``EventStoreLimits/verifyBatchCount`` inside one
    /// REPEATABLE READ snapshot and recomputes every hash (with the store's key, if any).
    ///
    /// Reports the first position that is missing, out of sequence, undecodable, does not
    /// hash, breaks its stream's version sequence or goes back in time; then, with
    /// `expectHead`, the first position where the log disagrees with the kept anchor. The
    /// report is the same as ``SQLiteEventStore``'s for the same log.
    /// - Parameters:
    ///   - expectHead: An anchor kept outside the store (from `day status` or an export).
    ///   - progress: Called after each batch with (checked, total).
    /// - Complexity: O(n) time, O(streams) memory.
    /// - Throws: ``EventStoreError/postgres(message:)``.
    public func verify(
        expectHead: ChainHead?, progress: ((Int64, Int64) -> Void)?
    ) throws -> VerificationReport {
        try connection.inTransactionOrCurrent(.snapshot) {
            let total = try head().position
            let sql =
                "SELECT \(Self.eventColumns) FROM events WHERE position > $1 "
                + "ORDER BY position LIMIT $2"
            return try ChainVerifier.run(
                hasher: hasher, expectHead: expectHead, expectedTotal: total, progress: progress
            ) { after, limit in
                let result = try connection.query(sql, [.int8(after), .int8(Int64(limit))])
                return try (0..<result.rowCount).map { try Self.decode(result, row: $0) }
            }
        }
    }

    /// Imports recorded events into an empty store in one transaction (holding the append
    /// lock), keeping their positions, times and hashes, after checking each one against the
    /// chain.
    ///
    /// - Throws: ``EventStoreError/storeNotEmpty``,
    ///   ``EventStoreError/restoreRejected(position:detail:)`` (nothing is kept),
    ///   ``EventStoreError/postgres(message:)``.
    public func restore(_ events: any Sequence<RecordedEvent>) throws {
        try connection.inTransaction(.write) {
            try lockEvents()
            guard try head().position == 0 else { throw EventStoreError.storeNotEmpty }
            var verifier = ChainVerifier(hasher: hasher, anchor: nil)
            var seen = Set<UUID>()
            var pending = [RecordedEvent]()
            pending.reserveCapacity(Self.rowsPerInsertMax)
            for event in events {
                try RestoreCheck.check(event, verifier: &verifier, seenIds: &seen)
                pending.append(event)
                if pending.count == Self.rowsPerInsertMax {
                    try insertRows(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            try insertRows(pending)
        }
    }
}
