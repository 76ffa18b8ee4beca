import EventStore
import Foundation

// MARK: - Reading events

extension PostgresEventStore {
    static let eventColumns =
        "position, stream_id, version, event_id, type, schema_version, "
        + "effective_date, recorded_at, data, metadata, hash"

    /// Events of one stream with version ≥ `fromVersion`, in version order, at most `limit`.
    /// - Complexity: O(log n + returned events): a seek on the (stream_id, version) index.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for a negative limit,
    ///   ``EventStoreError/postgres(message:)``.
    public func readStream(
        _ stream: String, fromVersion: Int64, limit: Int
    ) throws
        -> [RecordedEvent]
    {
        try Self.checkLimit(limit, max: Int.max)
        let sql =
            "SELECT \(Self.eventColumns) FROM events WHERE stream_id = $1 AND version >= $2 "
            + "ORDER BY version LIMIT $3"
        return try events(sql, [.text(stream), .int8(fromVersion), .int8(Int64(limit))])
    }

    /// The last `count` events of a stream, in version order.
    /// - Complexity: O(log n + count).
    /// - Throws: as ``readStream(_:fromVersion:limit:)``.
    public func readStreamBackwards(_ stream: String, count: Int) throws -> [RecordedEvent] {
        try Self.checkLimit(count, max: Int.max)
        let sql =
            "SELECT \(Self.eventColumns) FROM events WHERE stream_id = $1 "
            + "ORDER BY version DESC LIMIT $2"
        return try events(sql, [.text(stream), .int8(Int64(count))]).reversed()
    }

    /// Events of all streams with position > `afterPosition`, in position order.
    ///
    /// Positions become visible in order (an append commits before the next one can take the
    /// lock), so a reader that pages by the last position seen never skips one.
    /// - Parameter limit: 0 … ``EventStoreLimits/readBatchMax``.
    /// - Complexity: O(log n + limit).
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for a limit out of range,
    ///   ``EventStoreError/postgres(message:)``.
    public func readAll(afterPosition: Int64, limit: Int) throws -> [RecordedEvent] {
        try Self.checkLimit(limit, max: EventStoreLimits.readBatchMax)
        let sql =
            "SELECT \(Self.eventColumns) FROM events WHERE position > $1 "
            + "ORDER BY position LIMIT $2"
        return try events(sql, [.int8(afterPosition), .int8(Int64(limit))])
    }

    /// The current version of a stream (0 when it does not exist).
    /// - Complexity: O(log n).
    /// - Throws: ``EventStoreError/postgres(message:)``.
    public func streamVersion(_ stream: String) throws -> Int64 {
        let result = try connection.query(
            "SELECT version FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1",
            [.text(stream)])
        return result.rowCount == 0 ? 0 : try result.int64(0, 0)
    }

    /// The last position and its stored hash (position 0 and 32 zero bytes when empty).
    /// - Complexity: O(log n).
    /// - Throws: ``EventStoreError/postgres(message:)``.
    public func head() throws -> ChainHead {
        let result = try connection.query(
            "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1")
        guard result.rowCount > 0 else {
            return ChainHead(position: 0, hash: ChainHasher.genesis)
        }
        return ChainHead(position: try result.int64(0, 0), hash: result.bytes(0, 1))
    }

    /// The stored events with these ids, by id (one query for the whole batch).
    func storedEvents(ids: [UUID]) throws -> [UUID: RecordedEvent] {
        let found = try events(
            "SELECT \(Self.eventColumns) FROM events WHERE event_id = ANY ($1)",
            [.uuidArray(ids)])
        return Dictionary(found.map { ($0.eventId, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func events(_ sql: String, _ values: [PGValue]) throws -> [RecordedEvent] {
        let result = try connection.query(sql, values)
        var out = [RecordedEvent]()
        out.reserveCapacity(result.rowCount)
        for row in 0..<result.rowCount {
            switch try Self.decode(result, row: row) {
            case .event(let event): out.append(event)
            case .undecodable(let position, let detail):
                throw EventStoreError.io(
                    "the event at position \(position) cannot be read: \(detail); run verify")
            }
        }
        return out
    }

    private static func checkLimit(_ limit: Int, max: Int) throws {
        guard limit >= 0, limit <= max else {
            throw EventStoreError.invalidInput(
                field: "limit", rule: "must be 0…\(max), got \(limit)")
        }
    }

    /// Decodes a row selected with ``eventColumns``; a value of the wrong shape is
    /// `.undecodable`, so verify can report it.
    static func decode(_ result: PGResult, row: Int) throws -> StoredRow {
        let position = try result.int64(row, 0)
        guard let eventId = try? result.uuid(row, 3) else {
            return .undecodable(position: position, detail: "event_id is not a UUID")
        }
        guard let schemaVersion = Int(exactly: try result.int64(row, 5)) else {
            return .undecodable(position: position, detail: "schema_version out of range")
        }
        let event = RecordedEvent(
            position: position, streamId: result.string(row, 1),
            version: try result.int64(row, 2), eventId: eventId, type: result.string(row, 4),
            schemaVersion: schemaVersion, effectiveDate: result.string(row, 6),
            recordedAt: try result.int64(row, 7), data: result.bytes(row, 8),
            metadata: result.bytes(row, 9), hash: result.bytes(row, 10))
        return .event(event)
    }
}
