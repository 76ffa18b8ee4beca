import Foundation

/// An event store held in memory, with the same behaviour as ``SQLiteEventStore``: for fast
/// tests and demos. Nothing survives the process.
///
/// Appends, transaction closures and rollbacks behave as on SQLite: a throw in a closure undoes
/// the events, read-model rows, checkpoints and unique keys it wrote.
///
/// ```swift
/// let store = InMemoryEventStore(clock: FixedClock(microseconds: 0))
/// try store.append(to: "customer-C1", expectedVersion: .noStream, events: [event])
/// ```
///
/// `@unchecked Sendable`: all state is behind `lock`, taken by every public method for its
/// whole duration; the lock is recursive so a transaction closure may call the store's read
/// methods on the same thread, and ``inTransaction`` refuses nested write transactions.
public final class InMemoryEventStore: EventStore, @unchecked Sendable {
    let lock = NSRecursiveLock()
    var state = MemoryState()
    private var transactionDepth = 0
    let clock: any SystemClock
    let hasher: ChainHasher

    /// Creates an empty store.
    /// - Parameters:
    ///   - clock: The source of `recordedAt`.
    ///   - key: An optional HMAC chain key.
    public init(clock: any SystemClock = WallClock(), key: ChainKey? = nil) {
        self.clock = clock
        self.hasher = ChainHasher(key: key)
    }

    /// Runs `body` under the lock; with `write`, undoes its changes if it throws.
    func withState<T>(write: Bool, _ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        guard write else { return try body() }
        precondition(transactionDepth == 0, "transactions never nest")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        let savepoint = state.savepoint()
        do {
            return try body()
        } catch {
            state.rollback(to: savepoint)
            throw error
        }
    }

    /// True while a write transaction runs on the lock-holding thread.
    var inWriteTransaction: Bool { transactionDepth > 0 }

    /// Hands `body` a context valid only while it runs.
    func withContext<T>(writable: Bool, _ body: (MemoryContext) throws -> T) throws -> T {
        let context = MemoryContext(store: self, writable: writable)
        defer { context.invalidate() }
        return try body(context)
    }

    // MARK: - Appending

    /// Appends `events` to `stream`, atomically with what `inSameTransaction` writes.
    ///
    /// Same rules and order as
    /// ``SQLiteEventStore/append(to:expectedVersion:events:inSameTransaction:)``.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)``,
    ///   ``EventStoreError/idempotencyViolation(eventId:detail:)``,
    ///   ``EventStoreError/versionConflict(stream:expected:actual:)``, what the closure throws.
    @discardableResult
    public func append(
        to stream: String,
        expectedVersion expected: ExpectedVersion,
        events: [NewEvent],
        inSameTransaction: (any WriteContext, [RecordedEvent]) throws -> Void
    ) throws -> AppendResult {
        try AppendValidation.validate(stream: stream, expected: expected, events: events)
        return try withState(write: true) {
            let stored = events.map { event in
                state.indexById[event.eventId].map { state.events[$0] }
            }
            switch try IdempotencyCheck.evaluate(stream: stream, events: events, stored: stored) {
            case .duplicate(let original): return original
            case .new: break
            }
            let actual = state.streamVersion(stream)
            try expected.check(stream: stream, actual: actual)
            let recorded = try insert(events, stream: stream, afterVersion: actual)
            try withContext(writable: true) { try inSameTransaction($0, recorded) }
            return AppendResult(
                events: recorded, streamVersion: actual + Int64(events.count),
                wasDuplicate: false)
        }
    }

    private func insert(
        _ events: [NewEvent], stream: String, afterVersion: Int64
    ) throws -> [RecordedEvent] {
        let head = state.head
        let recordedAt = max(state.events.last?.recordedAt ?? .min, clock.nowMicroseconds())
        var previousHash = head.hash
        var recorded = [RecordedEvent]()
        recorded.reserveCapacity(events.count)
        for (offset, event) in events.enumerated() {
            var entry = RecordedEvent(
                position: head.position + Int64(offset) + 1, streamId: stream,
                version: afterVersion + Int64(offset) + 1, eventId: event.eventId,
                type: event.type, schemaVersion: event.schemaVersion,
                effectiveDate: event.effectiveDate, recordedAt: recordedAt, data: event.data,
                metadata: event.metadata, hash: [])
            entry.hash = try hasher.hash(previous: previousHash, event: entry)
            state.insert(entry)
            previousHash = entry.hash
            recorded.append(entry)
        }
        return recorded
    }
}
