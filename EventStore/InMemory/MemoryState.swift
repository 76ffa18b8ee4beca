import Foundation

/// Everything an ``InMemoryEventStore`` holds, plus the undo information of the open
/// transaction.
struct MemoryState {
    /// A unique key's identity.
    struct UniqueKeyName: Hashable {
        var namespace: String
        var key: String
    }

    /// What a rollback restores. Events are only ever appended, so their count suffices;
    /// the dictionaries are copy-on-write, so saving them costs nothing until they change.
    struct Savepoint {
        var eventCount: Int
        var tables: [String: [[Cell]: Row]]
        var checkpoints: [String: Int64]
        var uniqueKeys: [UniqueKeyName: String]
    }

    /// Events in position order; `events[i].position == i + 1`.
    var events: [RecordedEvent] = []
    var indexById: [UUID: Int] = [:]
    /// For each stream, the indexes of its events in version order.
    var indexesByStream: [String: [Int]] = [:]
    /// Read-model rows by table, keyed by their primary-key cells.
    var tables: [String: [[Cell]: Row]] = [:]
    var checkpoints: [String: Int64] = [:]
    var uniqueKeys: [UniqueKeyName: String] = [:]
    var schemas: [String: TableSchema] = [:]

    func savepoint() -> Savepoint {
        Savepoint(
            eventCount: events.count, tables: tables, checkpoints: checkpoints,
            uniqueKeys: uniqueKeys)
    }

    mutating func rollback(to savepoint: Savepoint) {
        while events.count > savepoint.eventCount {
            let removed = events.removeLast()
            indexById[removed.eventId] = nil
            indexesByStream[removed.streamId]?.removeLast()
            if indexesByStream[removed.streamId]?.isEmpty == true {
                indexesByStream[removed.streamId] = nil
            }
        }
        tables = savepoint.tables
        checkpoints = savepoint.checkpoints
        uniqueKeys = savepoint.uniqueKeys
    }

    mutating func insert(_ event: RecordedEvent) {
        precondition(event.position == Int64(events.count) + 1, "positions are gap-free")
        indexById[event.eventId] = events.count
        indexesByStream[event.streamId, default: []].append(events.count)
        events.append(event)
    }

    func streamVersion(_ stream: String) -> Int64 {
        guard let last = indexesByStream[stream]?.last else { return 0 }
        return events[last].version
    }

    var head: ChainHead {
        guard let last = events.last else {
            return ChainHead(position: 0, hash: ChainHasher.genesis)
        }
        return ChainHead(position: last.position, hash: last.hash)
    }
}
