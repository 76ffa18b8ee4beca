/// The append-only log every LoanLedger backend implements.
///
/// The store knows nothing of loans: it keeps streams of opaque events (JSON bytes stored
/// verbatim), assigns global positions gap-free in commit order and a never-decreasing
/// `recordedAt`, chains every event into a SHA-256 hash chain, and lets a caller commit
/// read-model rows in the same transaction as the events through a ``WriteContext``.
///
/// Backends: ``SQLiteEventStore`` (embedded default), ``InMemoryEventStore`` (tests),
/// PostgreSQL (server). All pass the same conformance suite.
public protocol EventStore: AnyObject {
    /// Appends `events` to `stream`, atomically with whatever `inSameTransaction` writes.
    ///
    /// Event ids are checked first: if every id is already stored with identical content in
    /// this stream, nothing is written and the original result is returned with
    /// ``AppendResult/wasDuplicate`` set; a stored id with other content or another stream,
    /// or a batch mixing stored and new ids, throws
    /// ``EventStoreError/idempotencyViolation(eventId:detail:)``.
    /// Only then is `expected` checked.
    ///
    /// - Parameters:
    ///   - stream: The stream id, e.g. `customer-C1`.
    ///   - expected: The version the caller believes the stream has.
    ///   - events: 1 … ``EventStoreLimits/eventsPerAppendMax`` events.
    ///   - inSameTransaction: Runs inside the transaction after the events are written and sees
    ///     them as ``RecordedEvent``s; a throw rolls back the events too and is rethrown.
    /// - Returns: The recorded events with their positions, versions, times and hashes.
    /// - Throws: ``EventStoreError/versionConflict(stream:expected:actual:)``,
    ///   ``EventStoreError/idempotencyViolation(eventId:detail:)``, storage errors.
    @discardableResult
    func append(
        to stream: String,
        expectedVersion expected: ExpectedVersion,
        events: [NewEvent],
        inSameTransaction: (any WriteContext, [RecordedEvent]) throws -> Void
    ) throws -> AppendResult

    /// Events of one stream with version ≥ `fromVersion`, in version order, at most `limit`
    /// (any `limit` ≥ 0; ``readWholeStream(_:)`` reads a whole stream in batches).
    /// - Complexity: O(returned events) with an index seek.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for a negative limit, storage
    ///   errors.
    func readStream(_ stream: String, fromVersion: Int64, limit: Int) throws -> [RecordedEvent]

    /// The last `count` events of a stream, in version order.
    func readStreamBackwards(_ stream: String, count: Int) throws -> [RecordedEvent]

    /// Events of all streams with position > `afterPosition`, in position order, at most `limit`.
    ///
    /// Page through the log by passing the last position seen; an empty result means caught up.
    /// - Parameter limit: 0 … ``EventStoreLimits/readBatchMax``.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for a limit out of range, storage
    ///   errors.
    func readAll(afterPosition: Int64, limit: Int) throws -> [RecordedEvent]

    /// The current version of a stream (0 when it does not exist).
    func streamVersion(_ stream: String) throws -> Int64

    /// The last position and its hash (position 0 and the genesis hash when empty).
    func head() throws -> ChainHead

    /// Runs `body` in one read transaction (a consistent snapshot on SQLite and PostgreSQL).
    ///
    /// Called inside an append closure or ``write(_:)``, it joins that transaction.
    func read<T>(_ body: (any ReadContext) throws -> T) throws -> T

    /// Runs `body` in one write transaction without appending events (rebuilds, checkpoints).
    ///
    /// A throw rolls back everything `body` wrote and is rethrown. Transactions never nest:
    /// calling `write` or `append` inside another write is a programming error (precondition).
    func write<T>(_ body: (any WriteContext) throws -> T) throws -> T

    /// Walks the hash chain from position 1, calling `progress` every so often.
    ///
    /// Detects a changed, deleted, inserted or reordered event, version gaps within a stream and
    /// a decreasing `recordedAt`; with `expectHead`, also a cut-off tail and a rewrite that
    /// recomputed every later hash (see docs/event-store.md for what it cannot detect).
    /// - Parameters:
    ///   - expectHead: An anchor kept outside the store: that position must exist with exactly
    ///     that hash.
    ///   - progress: Called with (events checked, events in the log) after each batch.
    /// - Returns: The report, naming the first bad position if any.
    /// - Complexity: O(n) time, O(streams) memory.
    /// - Throws: Storage errors only; a broken chain is a report, not an error.
    func verify(
        expectHead: ChainHead?,
        progress: ((Int64, Int64) -> Void)?
    ) throws -> VerificationReport

    /// Imports fully recorded events (positions, times, hashes) into an empty store, verifying
    /// every hash as it goes; all or nothing.
    /// - Throws: ``EventStoreError/storeNotEmpty``,
    ///   ``EventStoreError/restoreRejected(position:detail:)``.
    func restore(_ events: any Sequence<RecordedEvent>) throws

    /// Declares read-model tables; creates missing ones (idempotent).
    ///
    /// Rows, filters and ordering are checked against these declarations; a context refuses an
    /// undeclared table or column.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for a bad name or a table that
    ///   exists with other columns, storage errors.
    func ensureTables(_ tables: [TableSchema]) throws
}
