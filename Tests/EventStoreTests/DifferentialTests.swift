import EventStore
import Foundation
import TestSupport
import Testing

/// Random operations applied to both backends must give identical results, errors, rows and
/// hashes: the in-memory store is a faithful stand-in for SQLite in tests.
@Suite("Backends agree on random operations")
struct DifferentialTests {
    /// One random step, generated once and applied to both stores.
    struct Step {
        var stream: String
        var expected: ExpectedVersion
        var events: [NewEvent]
        var closureThrows: Bool
    }

    /// Outcome of a step, comparable across backends.
    enum Outcome: Equatable {
        case appended(AppendResult)
        case failed(String)
    }

    static func randomId(_ random: inout SplitMix64) -> UUID {
        UUID(
            uuid: withUnsafeBytes(of: (random.next(), random.next())) { raw in
                let b = Array(raw)
                return (
                    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                    b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]
                )
            })
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
                data: "{\"r\":\(random.next() % 1000),\"i\":\(index)}",
                id: randomId(&random))
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
                        [
                            "account": .text(event.streamId), "amount": .integer(event.version),
                        ])
                }
                try context.setCheckpoint("p", position: recorded[recorded.count - 1].position)
                if step.closureThrows { throw Boom() }
            }
            return .appended(result)
        } catch {
            return .failed("\(error)")
        }
    }

    @Test("200 random appends give the same results on memory and SQLite")
    func agree() throws {
        let seed = SplitMix64.seed()
        print("differential test: seed \(seed) (rerun with LOANLEDGER_SEED=\(seed))")
        var random = SplitMix64(seed: seed)
        let memory = try Backend.memory.make()
        let sqlite = try Backend.sqlite.make()
        for harness in [memory, sqlite] { try harness.store.ensureTables([balancesTable]) }
        var history = [Step]()
        var kinds = Set<String>()
        for _ in 0..<200 {
            let step = Self.makeStep(&random, history: history)
            history.append(step)
            let expected = Self.apply(step, to: memory.store)
            #expect(Self.apply(step, to: sqlite.store) == expected, "seed \(seed)")
            switch expected {
            case .appended(let result): kinds.insert(result.wasDuplicate ? "duplicate" : "new")
            case .failed(let message): kinds.insert(String(message.prefix(12)))
            }
        }
        // The generator must reach every rule, or agreeing proves little.
        #expect(kinds.contains("new") && kinds.contains("duplicate"), "\(kinds)")
        #expect(kinds.count >= 5, "\(kinds)")
        let all = { (store: any EventStore) in try store.readAll(afterPosition: 0, limit: 1_000) }
        #expect(try all(memory.store) == all(sqlite.store))
        let rows = { (store: any EventStore) in
            try store.read { context in
                (
                    try context.rows(in: "balances", where: [:], orderBy: [], limit: nil),
                    try context.checkpoint("p")
                )
            }
        }
        let (memoryRows, memoryCheckpoint) = try rows(memory.store)
        let (sqliteRows, sqliteCheckpoint) = try rows(sqlite.store)
        #expect(memoryRows == sqliteRows)
        #expect(memoryCheckpoint == sqliteCheckpoint)
        #expect(try sqlite.store.verify().isIntact)
    }
}

@Suite("Export parser never crashes")
struct ExportFuzzTests {
    @Test("randomly mutated lines parse or throw, never crash")
    func mutatedLines() {
        let seed = SplitMix64.seed()
        print("export fuzz: seed \(seed) (rerun with LOANLEDGER_SEED=\(seed))")
        var random = SplitMix64(seed: seed)
        let valid = Array(ExportTests.valid.utf8)
        let alphabet = Array(#"{}[]":,\0123456789-.eE abcfnrtu"#.utf8) + [0x00, 0xff, 0xc3]
        var parsed = 0
        for _ in 0..<2_000 {
            var line = valid
            for _ in 0...Int.random(in: 0..<4, using: &random) {
                let index = Int.random(in: 0..<line.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: line[index] = alphabet.randomElement(using: &random)!
                case 1: line.remove(at: index)
                default: line.insert(alphabet.randomElement(using: &random)!, at: index)
                }
            }
            if (try? EventLogExport.parse(line: line)) != nil { parsed += 1 }
        }
        #expect(parsed < 2_000, "mutations never broke a line: the fuzzer is not fuzzing")
    }
}
