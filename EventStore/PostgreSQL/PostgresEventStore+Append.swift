import EventStore
import Foundation

// MARK: - Appending

extension PostgresEventStore {
    /// Appends `events` to `stream` in one transaction, together with whatever
    /// `inSameTransaction` writes.
    ///
    /// Order inside the transaction: `LOCK TABLE events IN EXCLUSIVE MODE` (appends queue here;
    /// readers are not blocked), idempotency check of the event ids, expected-version check,
    /// insert with chained hashes (position = last + 1, recordedAt = max(last, clock read after
    /// the lock)), the closure, then `pg_notify`. A throw anywhere rolls everything back and is
    /// rethrown unchanged.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` (nothing sent to the server),
    ///   ``EventStoreError/idempotencyViolation(eventId:detail:)``,
    ///   ``EventStoreError/versionConflict(stream:expected:actual:)``, what the closure throws,
    ///   ``EventStoreError/postgres(message:)``.
    @discardableResult
    public func append(
        to stream: String,
        expectedVersion expected: ExpectedVersion,
        events: [NewEvent],
        inSameTransaction: (any WriteContext, [RecordedEvent]) throws -> Void
    ) throws -> AppendResult {
        try AppendValidation.validate(stream: stream, expected: expected, events: events)
        return try connection.inTransaction(.write) {
            try lockEvents()
            let stored = try storedEvents(ids: events.map(\.eventId))
            let lookups = events.map { stored[$0.eventId] }
            switch try IdempotencyCheck.evaluate(stream: stream, events: events, stored: lookups) {
            case .duplicate(let original): return original
            case .new: break
            }
            let actual = try streamVersion(stream)
            try expected.check(stream: stream, actual: actual)
            let recorded = try insert(events, stream: stream, afterVersion: actual)
            try withContext(writable: true) { try inSameTransaction($0, recorded) }
            try notify(head: recorded[recorded.count - 1].position)
            return AppendResult(
                events: recorded, streamVersion: actual + Int64(events.count),
                wasDuplicate: false)
        }
    }

    /// Serialises position assignment: EXCLUSIVE conflicts with every writer of the table
    /// (ROW EXCLUSIVE, also a stray INSERT from psql) but not with SELECT (ACCESS SHARE).
    /// Held until COMMIT, so the next appender reads the last position after this commit.
    func lockEvents() throws {
        try connection.query("LOCK TABLE events IN EXCLUSIVE MODE")
    }

    /// Wakes listening subscriptions at COMMIT (notifications are delivered only if the
    /// transaction commits, in commit order). The payload is the new head position.
    private func notify(head: Int64) throws {
        try connection.query(
            "SELECT pg_notify($1, $2)", [.text(channel), .text(String(head))])
    }

    /// The last stored event's position, hash and time (or the genesis values).
    private func lastEntry() throws -> (position: Int64, hash: [UInt8], recordedAt: Int64) {
        let result = try connection.query(
            "SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1")
        guard result.rowCount > 0 else { return (0, ChainHasher.genesis, Int64.min) }
        return (try result.int64(0, 0), result.bytes(0, 1), try result.int64(0, 2))
    }

    private func insert(
        _ events: [NewEvent], stream: String, afterVersion: Int64
    ) throws -> [RecordedEvent] {
        let last = try lastEntry()
        // Read after the lock: no later append can have read the clock earlier.
        let recordedAt = max(last.recordedAt, clock.nowMicroseconds())
        var previousHash = last.hash
        var recorded = [RecordedEvent]()
        recorded.reserveCapacity(events.count)
        for (offset, event) in events.enumerated() {
            var entry = RecordedEvent(
                position: last.position + Int64(offset) + 1, streamId: stream,
                version: afterVersion + Int64(offset) + 1, eventId: event.eventId,
                type: event.type, schemaVersion: event.schemaVersion,
                effectiveDate: event.effectiveDate, recordedAt: recordedAt, data: event.data,
                metadata: event.metadata, hash: [])
            entry.hash = try hasher.hash(previous: previousHash, event: entry)
            previousHash = entry.hash
            recorded.append(entry)
        }
        try insertRows(recorded)
        return recorded
    }

    /// Rows per INSERT: 11 parameters each, well below the protocol's 65,535 per statement.
    static let rowsPerInsertMax = 500

    /// Inserts fully recorded events (append and restore) with multi-row INSERTs.
    func insertRows<C: Collection>(_ events: C) throws where C.Element == RecordedEvent {
        var chunk = [RecordedEvent]()
        chunk.reserveCapacity(Self.rowsPerInsertMax)
        for event in events {
            chunk.append(event)
            if chunk.count == Self.rowsPerInsertMax {
                try insertChunk(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { try insertChunk(chunk) }
    }

    private func insertChunk(_ events: [RecordedEvent]) throws {
        var placeholders = [String]()
        var values = [PGValue]()
        values.reserveCapacity(events.count * 11)
        for (row, event) in events.enumerated() {
            let first = row * 11 + 1
            placeholders.append(
                "(" + (first..<first + 11).map { "$\($0)" }.joined(separator: ", ") + ")")
            values += [
                .int8(event.position), .text(event.streamId), .int8(event.version),
                .uuid(event.eventId), .text(event.type), .int8(Int64(event.schemaVersion)),
                .text(event.effectiveDate), .int8(event.recordedAt), .bytea(event.data),
                .bytea(event.metadata), .bytea(event.hash),
            ]
        }
        try connection.query(
            "INSERT INTO events (\(Self.eventColumns)) VALUES "
                + placeholders.joined(separator: ", "), values)
    }

    /// Hands `body` a context that is valid only while it runs.
    func withContext<T>(writable: Bool, _ body: (PostgresContext) throws -> T) throws -> T {
        let context = PostgresContext(store: self, writable: writable)
        defer { context.invalidate() }
        return try body(context)
    }
}

// MARK: - Transactions without events

extension PostgresEventStore {
    /// Runs `body` in one REPEATABLE READ, READ ONLY transaction: every read inside sees the
    /// same snapshot.
    ///
    /// Inside an append closure or ``write(_:)`` it joins the open transaction.
    /// - Throws: what `body` throws, ``EventStoreError/postgres(message:)``.
    public func read<T>(_ body: (any ReadContext) throws -> T) throws -> T {
        try connection.inTransactionOrCurrent(.snapshot) {
            try withContext(writable: false) { try body($0) }
        }
    }

    /// Runs `body` in one READ COMMITTED transaction without appending events; a throw rolls
    /// back every row, checkpoint and unique key it wrote.
    /// - Throws: what `body` throws, ``EventStoreError/postgres(message:)``.
    public func write<T>(_ body: (any WriteContext) throws -> T) throws -> T {
        try connection.inTransaction(.write) {
            try withContext(writable: true) { try body($0) }
        }
    }
}
