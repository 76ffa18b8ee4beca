/// The ``WriteContext`` an ``InMemoryEventStore`` hands to closures; it runs under the store's
/// lock and is valid only while its closure runs.
final class MemoryContext: WriteContext {
    private unowned let store: InMemoryEventStore
    private let writable: Bool
    private var isValid = true

    init(store: InMemoryEventStore, writable: Bool) {
        self.store = store
        self.writable = writable
    }

    func invalidate() { isValid = false }

    private func checkValid(writing: Bool) {
        precondition(isValid, "a store context was used after its transaction ended")
        precondition(!writing || writable, "a read context was used to write")
    }

    private func schema(_ table: String) throws -> TableSchema {
        guard let schema = store.state.schemas[table] else {
            throw EventStoreError.invalidInput(
                field: "table",
                rule: "'\(table)' is not a declared read-model table; "
                    + "call ensureTables first")
        }
        return schema
    }

    // MARK: - Read models

    func rows(
        in table: String, where filters: Row, orderBy: [String], limit: Int?
    ) throws
        -> [Row]
    {
        checkValid(writing: false)
        let schema = try schema(table)
        try schema.checkCells(filters)
        try schema.checkColumnList(orderBy, field: "\(table).orderBy")
        if let limit, limit < 0 {
            throw EventStoreError.invalidInput(field: "limit", rule: "must be ≥ 0, got \(limit)")
        }
        let order = orderBy + schema.primaryKey.filter { !orderBy.contains($0) }
        let matching = (store.state.tables[table] ?? [:]).values.filter { row in
            filters.allSatisfy { key, cell in row[key] == cell }
        }
        let sorted = matching.sorted { left, right in
            for key in order {
                let (a, b) = (left[key] ?? .null, right[key] ?? .null)
                if a != b { return CellOrder.precedes(a, b) }
            }
            return false
        }
        return limit.map { Array(sorted.prefix($0)) } ?? sorted
    }

    func upsert(_ table: String, _ row: Row) throws {
        checkValid(writing: true)
        let schema = try schema(table)
        try schema.checkRow(row)
        var full = Row(minimumCapacity: schema.columns.count)
        for column in schema.columns { full[column.name] = row[column.name] ?? .null }
        let key = schema.primaryKey.map { full[$0] ?? .null }
        store.state.tables[table, default: [:]][key] = full
    }

    func delete(from table: String, where filters: Row) throws {
        checkValid(writing: true)
        let schema = try schema(table)
        try schema.checkCells(filters)
        store.state.tables[table] = (store.state.tables[table] ?? [:]).filter { _, row in
            !filters.allSatisfy { key, cell in row[key] == cell }
        }
    }

    // MARK: - Checkpoints and unique keys

    func checkpoint(_ name: String) throws -> Int64? {
        checkValid(writing: false)
        return store.state.checkpoints[name]
    }

    func setCheckpoint(_ name: String, position: Int64) throws {
        checkValid(writing: true)
        try KeyValidation.checkCheckpoint(name, position: position)
        store.state.checkpoints[name] = position
    }

    func uniqueKeyOwner(namespace: String, key: String) throws -> String? {
        checkValid(writing: false)
        return store.state.uniqueKeys[.init(namespace: namespace, key: key)]
    }

    func claimUniqueKey(namespace: String, key: String, owner: String) throws {
        checkValid(writing: true)
        try KeyValidation.check(namespace, field: "namespace")
        try KeyValidation.check(key, field: "key")
        try KeyValidation.check(owner, field: "owner")
        let name = MemoryState.UniqueKeyName(namespace: namespace, key: key)
        if let holder = store.state.uniqueKeys[name] {
            guard holder == owner else {
                throw EventStoreError.uniqueKeyTaken(namespace: namespace, key: key, owner: holder)
            }
            return
        }
        store.state.uniqueKeys[name] = owner
    }
}

/// SQLite's ORDER BY for our cells: NULL first, then integers, then text by UTF-8 bytes
/// (the BINARY collation), so both backends sort rows identically.
enum CellOrder {
    static func precedes(_ a: Cell, _ b: Cell) -> Bool {
        switch (a, b) {
        case (.null, .null): return false
        case (.null, _): return true
        case (_, .null): return false
        case (.integer(let x), .integer(let y)): return x < y
        case (.integer, .text): return true
        case (.text, .integer): return false
        case (.text(let x), .text(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        }
    }
}

// The context touches the store's state under the store's lock, on the lock-holding thread.
@available(*, unavailable)
extension MemoryContext: Sendable {}
