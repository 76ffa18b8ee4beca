import Foundation

// MARK: - Reads, transactions, verification, restore

extension InMemoryEventStore {
    /// Events of one stream with version ≥ `fromVersion`, in version order, at most `limit`.
    /// - Complexity: O(returned events).
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for a negative limit.
    public func readStream(
        _ stream: String, fromVersion: Int64, limit: Int
    ) throws
        -> [RecordedEvent]
    {
        try Self.checkLimit(limit, max: Int.max)
        return withState(write: false) {
            let indexes = state.indexesByStream[stream] ?? []
            // Versions are 1…n in order, so version v sits at offset v - 1.
            let start = Int(clamping: max(fromVersion, 1) - 1)
            guard start < indexes.count else { return [] }
            return indexes[start...].prefix(limit).map { state.events[$0] }
        }
    }

    /// The last `count` events of a stream, in version order.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for a negative count.
    public func readStreamBackwards(_ stream: String, count: Int) throws -> [RecordedEvent] {
        try Self.checkLimit(count, max: Int.max)
        return withState(write: false) {
            (state.indexesByStream[stream] ?? []).suffix(count).map { state.events[$0] }
        }
    }

    /// Events of all streams with position > `afterPosition`, in position order.
    /// - Parameter limit: 0 … ``EventStoreLimits/readBatchMax``.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for a limit out of range.
    public func readAll(afterPosition: Int64, limit: Int) throws -> [RecordedEvent] {
        try Self.checkLimit(limit, max: EventStoreLimits.readBatchMax)
        return withState(write: false) {
            // Positions are 1…n in order, so position p sits at index p - 1.
            let start = Int(clamping: max(afterPosition, 0))
            guard start < state.events.count else { return [] }
            return Array(state.events[start...].prefix(limit))
        }
    }

    /// The current version of a stream (0 when it does not exist).
    public func streamVersion(_ stream: String) throws -> Int64 {
        withState(write: false) { state.streamVersion(stream) }
    }

    /// The last position and its hash.
    public func head() throws -> ChainHead {
        withState(write: false) { state.head }
    }

    /// Runs `body` with a read context under the lock (a consistent view).
    public func read<T>(_ body: (any ReadContext) throws -> T) throws -> T {
        try withState(write: false) { try withContext(writable: false) { try body($0) } }
    }

    /// Runs `body` in one transaction; a throw undoes its rows, checkpoints and unique keys.
    public func write<T>(_ body: (any WriteContext) throws -> T) throws -> T {
        try withState(write: true) { try withContext(writable: true) { try body($0) } }
    }

    /// Walks the chain and recomputes every hash, as
    /// ``SQLiteEventStore/verify(expectHead:progress:)``.
    public func verify(
        expectHead: ChainHead?, progress: ((Int64, Int64) -> Void)?
    ) throws -> VerificationReport {
        try withState(write: false) {
            try ChainVerifier.run(
                hasher: hasher, expectHead: expectHead, expectedTotal: state.head.position,
                progress: progress
            ) { after, limit in
                let start = Int(clamping: max(after, 0))
                guard start < state.events.count else { return [] }
                return state.events[start...].prefix(limit).map { StoredRow.event($0) }
            }
        }
    }

    /// Imports recorded events into an empty store, all or nothing.
    /// - Throws: ``EventStoreError/storeNotEmpty``,
    ///   ``EventStoreError/restoreRejected(position:detail:)``.
    public func restore(_ events: any Sequence<RecordedEvent>) throws {
        try withState(write: true) {
            guard state.events.isEmpty else { throw EventStoreError.storeNotEmpty }
            var verifier = ChainVerifier(hasher: hasher, anchor: nil)
            var seen = Set<UUID>()
            for event in events {
                try RestoreCheck.check(event, verifier: &verifier, seenIds: &seen)
                state.insert(event)
            }
        }
    }

    /// Declares read-model tables (idempotent).
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)``.
    public func ensureTables(_ tables: [TableSchema]) throws {
        try withState(write: false) {
            for table in tables {
                try table.validate()
                if let existing = state.schemas[table.name], existing != table {
                    throw EventStoreError.invalidInput(
                        field: "table",
                        rule: "'\(table.name)' exists with other columns or "
                            + "another primary key")
                }
            }
            for table in tables where state.schemas[table.name] == nil {
                state.schemas[table.name] = table
                state.tables[table.name] = [:]
            }
        }
    }

    private static func checkLimit(_ limit: Int, max: Int) throws {
        guard limit >= 0, limit <= max else {
            throw EventStoreError.invalidInput(
                field: "limit", rule: "must be 0…\(max), got \(limit)")
        }
    }
}
