import CSQLite
import Foundation

// MARK: - Reading events

extension SQLiteEventStore {
    static let eventColumns =
        "position, stream_id, version, event_id, type, schema_version, "
        + "effective_date, recorded_at, data, metadata, hash"

    /// Events of one stream with version ≥ `fromVersion`, in version order, at most `limit`.
    /// - Complexity: O(log n + returned events): a seek on the (stream_id, version) index.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for a negative limit,
    ///   ``EventStoreError/sqlite(code:message:sql:)``, ``EventStoreError/io(_:)`` for a row
    ///   that cannot be decoded.
    public func readStream(
        _ stream: String, fromVersion: Int64, limit: Int
    ) throws
        -> [RecordedEvent]
    {
        try Self.checkLimit(limit, max: Int.max)
        let sql =
            "SELECT \(Self.eventColumns) FROM events WHERE stream_id = ? AND version >= ? "
            + "ORDER BY version LIMIT ?"
        return try events(sql, [.string(stream), .integer(fromVersion), .integer(Int64(limit))])
    }

    /// The last `count` events of a stream, in version order.
    /// - Complexity: O(log n + count).
    /// - Throws: as ``readStream(_:fromVersion:limit:)``.
    public func readStreamBackwards(_ stream: String, count: Int) throws -> [RecordedEvent] {
        try Self.checkLimit(count, max: Int.max)
        let sql =
            "SELECT \(Self.eventColumns) FROM events WHERE stream_id = ? "
            + "ORDER BY version DESC LIMIT ?"
        return try events(sql, [.string(stream), .integer(Int64(count))]).reversed()
    }

    /// Events of all streams with position > `afterPosition`, in position order.
    /// - Parameter limit: 0 … ``EventStoreLimits/readBatchMax``.
    /// - Complexity: O(log n + limit).
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for a limit out of range, and
    ///   as ``readStream(_:fromVersion:limit:)``.
    public func readAll(afterPosition: Int64, limit: Int) throws -> [RecordedEvent] {
        try Self.checkLimit(limit, max: EventStoreLimits.readBatchMax)
        let sql =
            "SELECT \(Self.eventColumns) FROM events WHERE position > ? "
            + "ORDER BY position LIMIT ?"
        return try events(sql, [.integer(afterPosition), .integer(Int64(limit))])
    }

    /// The current version of a stream (0 when it does not exist).
    /// - Complexity: O(log n).
    public func streamVersion(_ stream: String) throws -> Int64 {
        var version: Int64 = 0
        try connection.cachedStatement(
            "SELECT version FROM events WHERE stream_id = ? ORDER BY version DESC LIMIT 1"
        ).forEachRow([.string(stream)]) { version = $0.int64(0) }
        return version
    }

    /// The last position and its stored hash (position 0 and 32 zero bytes when empty).
    /// - Complexity: O(log n).
    public func head() throws -> ChainHead {
        var head = ChainHead(position: 0, hash: ChainHasher.genesis)
        try connection.cachedStatement(
            "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1"
        ).forEachRow([]) { head = ChainHead(position: $0.int64(0), hash: try $0.blobBytes(1)) }
        return head
    }

    /// The stored event with `eventId`, or nil.
    func storedEvent(id eventId: UUID) throws -> RecordedEvent? {
        let sql = "SELECT \(Self.eventColumns) FROM events WHERE event_id = ?"
        return try events(sql, [.string(eventId.uuidString.lowercased())]).first
    }

    func events(_ sql: String, _ values: [SQLValue]) throws -> [RecordedEvent] {
        var out = [RecordedEvent]()
        try connection.cachedStatement(sql).forEachRow(values) { row in
            switch try Self.decode(row) {
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

    /// Decodes a row selected with ``eventColumns``; a tampered row is `.undecodable`.
    static func decode(_ row: Statement) throws -> StoredRow {
        let position = row.int64(0)
        let idText = String(decoding: try row.textBytes(3), as: UTF8.self)
        guard let eventId = UUID(uuidString: idText) else {
            return .undecodable(position: position, detail: "event_id is not a UUID")
        }
        guard let schemaVersion = Int(exactly: row.int64(5)) else {
            return .undecodable(position: position, detail: "schema_version out of range")
        }
        let event = RecordedEvent(
            position: position, streamId: String(decoding: try row.textBytes(1), as: UTF8.self),
            version: row.int64(2), eventId: eventId,
            type: String(decoding: try row.textBytes(4), as: UTF8.self),
            schemaVersion: schemaVersion,
            effectiveDate: String(decoding: try row.textBytes(6), as: UTF8.self),
            recordedAt: row.int64(7), data: try row.textBytes(8),
            metadata: try row.textBytes(9), hash: try row.blobBytes(10))
        return .event(event)
    }
}
