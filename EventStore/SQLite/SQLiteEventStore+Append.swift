// MARK: - Appending

extension SQLiteEventStore {
    /// Appends `events` to `stream` in one `BEGIN IMMEDIATE` transaction, together with
    /// whatever `inSameTransaction` writes.
    ///
    /// Order inside the transaction: idempotency check of the event ids, expected-version check,
    /// insert with chained hashes (position = last + 1, recordedAt = max(last, clock)), then the
    /// closure. A throw anywhere rolls everything back and is rethrown unchanged.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` (nothing read or written),
    ///   ``EventStoreError/idempotencyViolation(eventId:detail:)``,
    ///   ``EventStoreError/versionConflict(stream:expected:actual:)``, what the closure throws,
    ///   ``EventStoreError/sqlite(code:message:sql:)`` (busy after the timeout: code 5).
    @discardableResult
    public func append(
        to stream: String,
        expectedVersion expected: ExpectedVersion,
        events: [NewEvent],
        inSameTransaction: (any WriteContext, [RecordedEvent]) throws -> Void
    ) throws -> AppendResult {
        try AppendValidation.validate(stream: stream, expected: expected, events: events)
        return try connection.inTransaction(.immediate) {
            let stored = try events.map { try storedEvent(id: $0.eventId) }
            switch try IdempotencyCheck.evaluate(stream: stream, events: events, stored: stored) {
            case .duplicate(let original): return original
            case .new: break
            }
            let actual = try streamVersion(stream)
            try expected.check(stream: stream, actual: actual)
            let recorded = try insert(events, stream: stream, afterVersion: actual)
            try withContext(writable: true) { try inSameTransaction($0, recorded) }
            return AppendResult(
                events: recorded, streamVersion: actual + Int64(events.count),
                wasDuplicate: false)
        }
    }

    /// The last stored event's position, hash and time (or the genesis values).
    private func lastEntry() throws -> (position: Int64, hash: [UInt8], recordedAt: Int64) {
        var last = (position: Int64(0), hash: ChainHasher.genesis, recordedAt: Int64.min)
        try connection.cachedStatement(
            "SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1"
        ).forEachRow([]) { last = ($0.int64(0), try $0.blobBytes(1), $0.int64(2)) }
        return last
    }

    private func insert(
        _ events: [NewEvent], stream: String, afterVersion: Int64
    ) throws -> [RecordedEvent] {
        let last = try lastEntry()
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
            try insertRow(entry)
            previousHash = entry.hash
            recorded.append(entry)
        }
        return recorded
    }

    /// Inserts one fully recorded event (append and restore).
    func insertRow(_ event: RecordedEvent) throws {
        try connection.cachedStatement(
            """
            INSERT INTO events (position, stream_id, version, event_id, type, schema_version, \
            effective_date, recorded_at, data, metadata, hash) \
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).run([
            .integer(event.position), .string(event.streamId), .integer(event.version),
            .string(event.eventId.uuidString.lowercased()), .string(event.type),
            .integer(Int64(event.schemaVersion)), .string(event.effectiveDate),
            .integer(event.recordedAt), .text(event.data), .text(event.metadata),
            .blob(event.hash),
        ])
    }

    /// Hands `body` a context that is valid only while it runs.
    func withContext<T>(writable: Bool, _ body: (SQLiteContext) throws -> T) throws -> T {
        let context = SQLiteContext(store: self, writable: writable)
        defer { context.invalidate() }
        return try body(context)
    }
}

// MARK: - Transactions without events

extension SQLiteEventStore {
    /// Runs `body` in one read transaction: every read inside sees the same snapshot.
    ///
    /// Inside an append closure or ``write(_:)`` it joins the open transaction.
    /// - Throws: what `body` throws, ``EventStoreError/sqlite(code:message:sql:)``.
    public func read<T>(_ body: (any ReadContext) throws -> T) throws -> T {
        try connection.inTransactionOrCurrent(.deferred) {
            try withContext(writable: false) { try body($0) }
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction without appending events; a throw
    /// rolls back every row, checkpoint and unique key it wrote.
    /// - Throws: what `body` throws, ``EventStoreError/sqlite(code:message:sql:)``.
    public func write<T>(_ body: (any WriteContext) throws -> T) throws -> T {
        try connection.inTransaction(.immediate) {
            try withContext(writable: true) { try body($0) }
        }
    }
}
