import EventStore
import Foundation
import TestSupport
import Testing

/// The read-model rules: the append closure and `write` are one transaction with the events,
/// rows filter and order the same way everywhere, tables are declared, unique keys hold.
public enum ReadModelConformance {
    /// A throwing append closure rolls back events, rows, checkpoints and unique keys.
    public static func rollback(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.ensureTables([ConformanceFixtures.balancesTable])
            try store.append(to: "s", expectedVersion: .noStream, events: TestEvents.batch(1)) {
                tx, _ in
                try tx.upsert("balances", ["account": .text("A"), "amount": .integer(1)])
                try tx.setCheckpoint("p", position: 1)
            }
            #expect(throws: Boom()) {
                try store.append(to: "s", expectedVersion: .exact(1), events: TestEvents.batch(2)) {
                    tx, recorded in
                    #expect(recorded.map(\.position) == [2, 3])
                    try tx.upsert("balances", ["account": .text("A"), "amount": .integer(99)])
                    try tx.upsert("balances", ["account": .text("B"), "amount": .integer(5)])
                    try tx.setCheckpoint("p", position: 3)
                    try tx.claimUniqueKey(namespace: "loan", key: "L1", owner: "s")
                    throw Boom()
                }
            }
            #expect(try store.head().position == 1)
            #expect(try store.streamVersion("s") == 1)
            try store.read { tx in
                let rows = try tx.rows(in: "balances", where: [:], orderBy: [], limit: nil)
                #expect(rows == [["account": .text("A"), "amount": .integer(1), "note": .null]])
                #expect(try tx.checkpoint("p") == 1)
                #expect(try tx.uniqueKeyOwner(namespace: "loan", key: "L1") == nil)
            }
            let next = try store.append(
                to: "s", expectedVersion: .exact(1), events: TestEvents.batch(1))
            #expect(next.events[0].position == 2)
            #expect(try store.verify().isIntact)
        }
    }

    /// `write` commits rows and rolls them back on a throw.
    public static func writeTransaction(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.ensureTables([ConformanceFixtures.balancesTable])
            try store.write { tx in
                try tx.upsert("balances", ["account": .text("A"), "amount": .integer(1)])
            }
            #expect(throws: Boom()) {
                try store.write { tx in
                    try tx.delete(from: "balances", where: [:])
                    throw Boom()
                }
            }
            let count = try store.read {
                try $0.rows(in: "balances", where: [:], orderBy: [], limit: nil).count
            }
            #expect(count == 1)
        }
    }

    /// Rows filter, order (NULL first, ties by key) and limit the same way everywhere.
    public static func rowsQuery(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.ensureTables([ConformanceFixtures.balancesTable])
            try store.ensureTables([ConformanceFixtures.balancesTable])
            try store.write { tx in
                try tx.upsert(
                    "balances", ["account": .text("c"), "amount": .integer(2), "note": .text("x")])
                try tx.upsert(
                    "balances", ["account": .text("a"), "amount": .integer(2), "note": .text("x")])
                try tx.upsert(
                    "balances", ["account": .text("b"), "amount": .null, "note": .text("x")])
                try tx.upsert("balances", ["account": .text("d"), "amount": .integer(1)])
                try tx.upsert(
                    "balances", ["account": .text("c"), "amount": .integer(0), "note": .text("x")])
            }
            try store.read { tx in
                let ordered = try tx.rows(
                    in: "balances", where: ["note": .text("x")],
                    orderBy: ["amount"], limit: nil)
                #expect(ordered.map { $0["account"] } == [.text("b"), .text("c"), .text("a")])
                let limited = try tx.rows(in: "balances", where: [:], orderBy: ["amount"], limit: 2)
                #expect(limited.map { $0["account"] } == [.text("b"), .text("c")])
                let nulls = try tx.rows(
                    in: "balances", where: ["note": .null], orderBy: [], limit: nil)
                #expect(nulls.map { $0["account"] } == [.text("d")])
            }
            try store.write { try $0.delete(from: "balances", where: ["amount": .integer(2)]) }
            let left = try store.read {
                try $0.rows(in: "balances", where: [:], orderBy: [], limit: nil)
            }
            #expect(left.map { $0["account"] } == [.text("b"), .text("c"), .text("d")])
        }
    }

    /// Undeclared tables and columns, wrong kinds and changed schemas are refused.
    public static func schemaChecks(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.ensureTables([ConformanceFixtures.balancesTable])
            try store.write { tx in
                #expect(throws: EventStoreError.self) { try tx.upsert("nope", ["a": .integer(1)]) }
                #expect(
                    throws: EventStoreError.invalidInput(
                        field: "balances.x", rule: "is not a declared column")
                ) {
                    try tx.upsert("balances", ["account": .text("A"), "x": .integer(1)])
                }
                #expect(
                    throws: EventStoreError.invalidInput(
                        field: "balances.amount", rule: "must hold integer values")
                ) {
                    try tx.upsert("balances", ["account": .text("A"), "amount": .text("1")])
                }
                #expect(
                    throws: EventStoreError.invalidInput(
                        field: "balances.account",
                        rule: "is part of the primary key and must be set")
                ) {
                    try tx.upsert("balances", ["amount": .integer(1)])
                }
            }
            let evil = TableSchema(
                name: "x\"; DROP TABLE events; --", columns: [.init("a", .text)],
                primaryKey: ["a"])
            #expect(throws: EventStoreError.self) { try store.ensureTables([evil]) }
            let reserved = TableSchema(
                name: "events", columns: [.init("a", .text)], primaryKey: ["a"])
            #expect(throws: EventStoreError.self) { try store.ensureTables([reserved]) }
            var changed = ConformanceFixtures.balancesTable
            changed.columns.append(.init("extra", .integer))
            #expect(throws: EventStoreError.self) { try store.ensureTables([changed]) }
        }
    }

    /// A unique key is held by its first owner; claiming it again as that owner is a no-op.
    public static func uniqueKeys(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.write { tx in
                try tx.claimUniqueKey(namespace: "loan", key: "L1", owner: "customer-C1")
                try tx.claimUniqueKey(namespace: "loan", key: "L1", owner: "customer-C1")
                try tx.claimUniqueKey(namespace: "loan", key: "L2", owner: "customer-C2")
            }
            #expect(
                throws: EventStoreError.uniqueKeyTaken(
                    namespace: "loan", key: "L1", owner: "customer-C1")
            ) {
                try store.write {
                    try $0.claimUniqueKey(namespace: "loan", key: "L1", owner: "customer-C9")
                }
            }
            let owner = try store.read { try $0.uniqueKeyOwner(namespace: "loan", key: "L2") }
            #expect(owner == "customer-C2")
        }
    }

    /// Reads, verify and ensureTables called on the store inside its own append closure
    /// join the closure's transaction instead of deadlocking or reading around it.
    public static func nestedReads(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(2)) {
                tx, _ in
                try store.ensureTables([ConformanceFixtures.balancesTable])
                try tx.upsert("balances", ["account": .text("A"), "amount": .integer(3)])
                let rows = try store.read {
                    try $0.rows(in: "balances", where: [:], orderBy: [], limit: 1)
                }
                #expect(rows.count == 1)
                #expect(try store.readAll(afterPosition: 0, limit: 10).count == 2)
                #expect(try store.verify().checkedCount == 2)
            }
        }
    }
}
