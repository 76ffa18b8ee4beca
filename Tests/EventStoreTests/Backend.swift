import EventStore
import Foundation
import TestSupport

/// The backends the conformance suite runs against.
enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
    case memory
    case sqlite

    var description: String { rawValue }

    /// A fresh, empty store of this backend.
    func make(clock: any SystemClock = FixedClock(microseconds: 1_000_000)) throws -> Harness {
        switch self {
        case .memory:
            return Harness(store: InMemoryEventStore(clock: clock), directory: nil)
        case .sqlite:
            let directory = try TemporaryDirectory(prefix: "conformance")
            let store = try SQLiteEventStore(path: directory.file("store.sqlite"), clock: clock)
            return Harness(store: store, directory: directory)
        }
    }
}

/// A store and what keeps it alive (its temporary directory); closes the store on deinit.
final class Harness {
    let store: any EventStore
    let directory: TemporaryDirectory?

    init(store: any EventStore, directory: TemporaryDirectory?) {
        self.store = store
        self.directory = directory
    }

    deinit { (store as? SQLiteEventStore)?.close() }
}

/// A read-model table used by the atomicity tests.
let balancesTable = TableSchema(
    name: "balances",
    columns: [.init("account", .text), .init("amount", .integer), .init("note", .text)],
    primaryKey: ["account"], indexes: [["amount"]])

struct Boom: Error, Equatable {}
