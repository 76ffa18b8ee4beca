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
    /// the lock)) and `pg_notify`, then the closure. A throw anywhere rolls everything back
    /// (and cancels the notification) and is rethrown unchanged. Six round trips in all.
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
            let (actual, last) = try versionAndLastEntry(stream)
            try expected.check(stream: stream, actual: actual)
            let recorded = try insert(events, stream: stream, afterVersion: actual, last: last)
            try withContext(writable: true) { try inSameTransaction($0, recorded) }
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

    typealias LastEntry = (position: Int64, hash: [UInt8], recordedAt: Int64)

    /// The stream's version and the last stored event's position, hash and time (or the
    /// genesis values), in one round trip: two index seeks joined to a one-row table, so the
    /// answer is one row even when the log is empty.
    private func versionAndLastEntry(_ stream: String) throws -> (Int64, LastEntry) {
        let result = try connection.query(
            """
            SELECT s.version, l.position, l.hash, l.recorded_at FROM (SELECT 1) AS one
            LEFT JOIN LATERAL (SELECT version FROM events WHERE stream_id = $1
                               ORDER BY version DESC LIMIT 1) AS s ON true
            LEFT JOIN LATERAL (SELECT position, hash, recorded_at FROM events
                               ORDER BY position DESC LIMIT 1) AS l ON true
            """, [.text(stream)])
        let version = result.isNull(0, 0) ? 0 : try result.int64(0, 0)
        guard !result.isNull(0, 1) else {
            return (version, (0, ChainHasher.genesis, Int64.min))
        }
        return (version, (try result.int64(0, 1), result.bytes(0, 2), try result.int64(0, 3)))
    }

    private func insert(
        _ events: [NewEvent], stream: String, afterVersion: Int64, last: LastEntry
    ) throws -> [RecordedEvent] {
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

    /// Inserts fully recorded events (append and restore) with multi-row INSERTs; the last
    /// one also notifies the store's channel with the new head position (delivered to
    /// listeners at COMMIT, in commit order, and never if the transaction rolls back).
    func insertRows(_ events: [RecordedEvent]) throws {
        var start = 0
        while start < events.count {
            let end = min(start + Self.rowsPerInsertMax, events.count)
            try insertChunk(events[start..<end], notify: end == events.count)
            start = end
        }
    }

    private func insertChunk(_ events: ArraySlice<RecordedEvent>, notify: Bool) throws {
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
        var sql =
            "INSERT INTO events (\(Self.eventColumns)) VALUES "
            + placeholders.joined(separator: ", ")
        if notify, let head = events.last?.position {
            // A data-modifying WITH runs whether or not the outer SELECT reads it.
            sql = "WITH inserted AS (" + sql + ") SELECT pg_notify($\(values.count + 1), "
                + "$\(values.count + 2))"
            values += [.text(channel), .text(String(head))]
        }
        try connection.query(sql, values)
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
