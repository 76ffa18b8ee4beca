import EventStore
import Foundation
import TestSupport
import Testing

/// Differential checks: the same operations on a backend and on the in-memory reference
/// give identical results, errors, rows, checkpoints and hashes.
///
/// Comparing every backend with one reference makes them agree with each other too.
public enum DifferentialConformance {
    /// 200 seeded random appends (seed printed; rerun with `LOANLEDGER_SEED`).
    public static func randomAppendsAgree(_ factory: StoreFactory) throws {
        let (seed, reference, tested) = try seededPair(factory, test: "differential test")
        defer { withExtendedLifetime((reference, tested)) {} }
        var random = SplitMix64(seed: seed)
        let stores = [reference.store, tested.store]
        var history = [RandomAppendStep]()
        var kinds = Set<String>()
        for _ in 0..<200 {
            let step = RandomAppendStep.random(&random, history: history)
            history.append(step)
            let expected = step.apply(to: reference.store)
            #expect(step.apply(to: tested.store) == expected, "seed \(seed)")
            switch expected {
            case .appended(let result): kinds.insert(result.wasDuplicate ? "duplicate" : "new")
            case .failed(let message): kinds.insert(String(message.prefix(12)))
            }
        }
        // The generator must reach every rule, or agreeing proves little.
        #expect(kinds.contains("new") && kinds.contains("duplicate"), "\(kinds)")
        #expect(kinds.count >= 5, "\(kinds)")
        let logs = try stores.map { try $0.readAll(afterPosition: 0, limit: 1_000) }
        #expect(logs[0] == logs[1], "seed \(seed)")
        let models = try stores.map { store in
            try store.read { context in
                (
                    try context.rows(in: "balances", where: [:], orderBy: [], limit: nil),
                    try context.checkpoint("p")
                )
            }
        }
        #expect(models[0].0 == models[1].0, "seed \(seed)")
        #expect(models[0].1 == models[1].1, "seed \(seed)")
        #expect(try tested.store.verify().isIntact)
    }

    /// Texts whose byte order differs from a locale's order: case, accents, CJK, spaces.
    static let texts = ["a", "B", "b", "Z", "é", "e", "中", "a b", "ab", "", "~", "Ä"]

    /// 60 seeded random rows sort the same as on the reference under every ordering: NULL
    /// first, then integers, text by UTF-8 bytes, ties by key.
    public static func rowOrderAgrees(_ factory: StoreFactory) throws {
        let (seed, reference, tested) = try seededPair(factory, test: "ordering test")
        defer { withExtendedLifetime((reference, tested)) {} }
        var random = SplitMix64(seed: seed)
        let stores = [reference.store, tested.store]
        for index in 0..<60 {
            let note = Int.random(in: 0..<4, using: &random) == 0
                ? Cell.null : .text(Self.texts.randomElement(using: &random)!)
            let amount = Int.random(in: 0..<4, using: &random) == 0
                ? Cell.null : .integer(Int64.random(in: -3...3, using: &random))
            let row: Row = ["account": .text("k\(index)"), "amount": amount, "note": note]
            for store in stores { try store.write { try $0.upsert("balances", row) } }
        }
        for order in [["note"], ["amount"], ["note", "amount"], ["amount", "note"], []] {
            let results = try stores.map { store in
                try store.read {
                    try $0.rows(in: "balances", where: [:], orderBy: order, limit: 40)
                }
            }
            #expect(results[0] == results[1], "order \(order), seed \(seed)")
            #expect(results[0].count == 40)
        }
    }

    /// The same appends give the same recorded events (positions, times, hashes) and head.
    public static func sameAppendsAsReference(_ factory: StoreFactory) throws {
        let clock = FixedClock(microseconds: 42)
        let reference = try StoreFactory.inMemory.make(clock: clock)
        let tested = try factory.make(clock: clock)
        defer { withExtendedLifetime((reference, tested)) {} }
        let batches = [("a", 3), ("b", 1), ("a", 2), ("c", 4)].map { stream, count in
            (stream, TestEvents.batch(count))
        }
        for (stream, events) in batches {
            let expected = try reference.store.append(
                to: stream, expectedVersion: .any, events: events)
            let actual = try tested.store.append(
                to: stream, expectedVersion: .any, events: events)
            #expect(actual == expected)
        }
        #expect(try tested.store.head() == reference.store.head())
    }

    /// A seed (printed, so a failure can be rerun) and two empty stores with the `balances`
    /// table: the in-memory reference and one of `factory`.
    static func seededPair(_ factory: StoreFactory, test: String) throws
        -> (seed: UInt64, reference: StoreHandle, tested: StoreHandle)
    {
        let seed = SplitMix64.seed()
        print("\(test) on \(factory): seed \(seed) (rerun with LOANLEDGER_SEED=\(seed))")
        let reference = try StoreFactory.inMemory.make()
        let tested = try factory.make()
        for store in [reference.store, tested.store] {
            try store.ensureTables([ConformanceFixtures.balancesTable])
        }
        return (seed, reference, tested)
    }
}
