import EventStore
import Foundation
import PostgresEventStore
import TestSupport
import Testing

/// Random operations applied to SQLite and PostgreSQL must give identical results, errors,
/// rows and hashes (the generator follows Tests/EventStoreTests/DifferentialTests.swift).
@Suite("SQLite and PostgreSQL agree", .enabled(if: PostgresTestServer.isConfigured))
struct PostgresDifferentialTests {
    struct Step {
        var stream: String
        var expected: ExpectedVersion
        var events: [NewEvent]
        var closureThrows: Bool
    }

    enum Outcome: Equatable {
        case appended(AppendResult)
        case failed(String)
    }

    static func randomId(_ random: inout SplitMix64) -> UUID {
        let bytes = PGTestBytes.of(random.next()) + PGTestBytes.of(random.next())
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14],
                bytes[15]
            ))
    }

    static func makeStep(_ random: inout SplitMix64, history: [Step]) -> Step {
        let stream = "s\(Int.random(in: 0..<3, using: &random))"
        let expected: ExpectedVersion
        switch Int.random(in: 0..<3, using: &random) {
        case 0: expected = .any
        case 1: expected = .noStream
        default: expected = .exact(Int64.random(in: 0...6, using: &random))
        }
        // Sometimes retry an earlier batch (idempotency), sometimes mix it with a new event.
        if let earlier = history.randomElement(using: &random), Bool.random(using: &random) {
            var events = earlier.events
            if Int.random(in: 0..<4, using: &random) == 0 {
                events.append(TestEvents.make(id: randomId(&random)))
            }
            let target = Bool.random(using: &random) ? earlier.stream : stream
            return Step(stream: target, expected: expected, events: events, closureThrows: false)
        }
        let count = Int.random(in: 1...3, using: &random)
        let events = (0..<count).map { index in
            TestEvents.make(
                data: "{\"r\":\(random.next() % 1000),\"i\":\(index)}", id: randomId(&random))
        }
        let throwing = Int.random(in: 0..<5, using: &random) == 0
        return Step(stream: stream, expected: expected, events: events, closureThrows: throwing)
    }

    static func apply(_ step: Step, to store: any EventStore) -> Outcome {
        do {
            let result = try store.append(
                to: step.stream, expectedVersion: step.expected, events: step.events
            ) { context, recorded in
                for event in recorded {
                    try context.upsert(
                        "balances",
                        ["account": .text(event.streamId), "amount": .integer(event.version)])
                }
                try context.setCheckpoint("p", position: recorded[recorded.count - 1].position)
                if step.closureThrows { throw Boom() }
            }
            return .appended(result)
        } catch {
            return .failed("\(error)")
        }
    }

    @Test("200 random appends give the same results, rows and hashes")
    func appendsAgree() throws {
        let seed = SplitMix64.seed()
        print("PostgreSQL differential test: seed \(seed) (rerun with LOANLEDGER_SEED=\(seed))")
        var random = SplitMix64(seed: seed)
        let sqlite = try TemporarySQLiteStore()
        let postgres = try PostgresTestSchema()
        let stores: [any EventStore] = [sqlite.store, postgres.store]
        for store in stores { try store.ensureTables([balancesTable]) }
        var history = [Step]()
        var kinds = Set<String>()
        for _ in 0..<200 {
            let step = Self.makeStep(&random, history: history)
            history.append(step)
            let expected = Self.apply(step, to: sqlite.store)
            #expect(Self.apply(step, to: postgres.store) == expected, "seed \(seed)")
            switch expected {
            case .appended(let result): kinds.insert(result.wasDuplicate ? "duplicate" : "new")
            case .failed(let message): kinds.insert(String(message.prefix(12)))
            }
        }
        #expect(kinds.contains("new") && kinds.contains("duplicate"), "\(kinds)")
        #expect(kinds.count >= 5, "\(kinds)")
        let logs = try stores.map { try $0.readAll(afterPosition: 0, limit: 1_000) }
        #expect(logs[0] == logs[1])
        let models = try stores.map { store in
            try store.read { context in
                (
                    try context.rows(in: "balances", where: [:], orderBy: [], limit: nil),
                    try context.checkpoint("p")
                )
            }
        }
        #expect(models[0].0 == models[1].0)
        #expect(models[0].1 == models[1].1)
        #expect(try postgres.store.verify().isIntact)
    }

    /// Texts whose byte order differs from a locale's order: case, accents, CJK, spaces.
    static let texts = ["a", "B", "b", "Z", "é", "e", "中", "a b", "ab", "", "~", "Ä"]

    @Test("rows sort the same: NULL first, then integers, text by UTF-8 bytes, ties by key")
    func ordersAgree() throws {
        let seed = SplitMix64.seed()
        print("PostgreSQL ordering test: seed \(seed)")
        var random = SplitMix64(seed: seed)
        let sqlite = try TemporarySQLiteStore()
        let postgres = try PostgresTestSchema()
        let stores: [any EventStore] = [sqlite.store, postgres.store]
        for store in stores { try store.ensureTables([balancesTable]) }
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
}

/// The 8 little-endian bytes of a random word (for ids).
enum PGTestBytes {
    static func of(_ word: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) }
    }
}
