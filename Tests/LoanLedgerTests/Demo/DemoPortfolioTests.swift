import EventStore
import Foundation
import Lending
import LoanLedger
import Testing
import TestSupport

@Suite struct DemoPortfolioTests {
    static let endingOn = BusinessDate(year: 2026, month: 11, day: 27)

    @Test("Demo refuses an existing store without --force and leaves it untouched")
    func refusesExistingStore() throws {
        let directory = try TemporaryDirectory(prefix: "demo")
        let path = directory.file("demo.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try DemoPortfolio.run(path: path, force: false, endingOn: Self.endingOn,
                                  progress: nil)
        } throws: { error in
            guard let error = error as? DemoError, case .storeExists = error else { return false }
            return error.description == "store '\(path)' already exists — the demo builds a "
                + "new store; pass --force to replace it"
        }
        #expect(FileManager.default.contents(atPath: path) == Data("keep me".utf8))
    }

    @Test("Two runs with the same seed and end date store identical logs")
    func deterministic() throws {
        let seed = UInt64(20261127)
        print("demo determinism: seed \(seed), 60 days")
        let directory = try TemporaryDirectory(prefix: "demo")
        var exports: [[String]] = []
        for name in ["a.sqlite", "b.sqlite"] {
            let path = directory.file(name)
            _ = try DemoPortfolio.run(path: path, force: false, endingOn: Self.endingOn,
                                      seed: seed, days: 60, progress: nil)
            exports.append(try Self.export(path))
        }
        #expect(exports[0].count > 300)
        // Whole lines: ids, data, type, effective date, recordedAt (simulated clock) and hash.
        #expect(exports[0] == exports[1])
        let other = directory.file("c.sqlite")
        _ = try DemoPortfolio.run(path: other, force: false, endingOn: Self.endingOn,
                                  seed: seed + 1, days: 60, progress: nil)
        #expect(try Self.export(other) != exports[0])
    }

    @Test("--force replaces an earlier demo store")
    func forceReplaces() throws {
        let directory = try TemporaryDirectory(prefix: "demo")
        let path = directory.file("demo.sqlite")
        let first = try DemoPortfolio.run(path: path, force: false, endingOn: Self.endingOn,
                                          seed: 1, days: 5, progress: nil)
        var calls: [(Int, Int)] = []
        let second = try DemoPortfolio.run(path: path, force: true, endingOn: Self.endingOn,
                                           seed: 1, days: 5, progress: { calls.append(($0, $1)) })
        #expect(first.events == second.events)
        #expect(calls.map(\.0) == [1, 2, 3, 4, 5])
        #expect(calls.allSatisfy { $0.1 == 5 })
    }

    /// The store's export lines.
    static func export(_ path: String) throws -> [String] {
        let store = try SQLiteEventStore(path: path, options: .init(mode: .readOnly))
        defer { store.close() }
        var lines: [String] = []
        try EventLogExport.export(store) { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }
}
