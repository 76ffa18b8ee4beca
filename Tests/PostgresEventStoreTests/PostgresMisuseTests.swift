import EventStore
import Foundation
import PostgresEventStore
import TestSupport
import Testing

@Suite("PostgreSQL misuse and contention", .enabled(if: PostgresTestServer.isConfigured))
struct PostgresMisuseTests {
    @Test("a write inside an append closure stops the process")
    func nestedWrite() async throws {
        // The schema belongs to this process, so it is dropped even though the child dies.
        let schema = try PostgresTestSchema()
        let (url, name) = (schema.url, schema.name)
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) { [url = url as String, name = name as String] in
            let store = try PostgresEventStore(url: url, schema: name)
            try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1)) { _, _ in
                // Unbuffered, so it is seen even though the process traps right after.
                FileHandle.standardError.write(Data("nesting a write\n".utf8))
                try store.write { _ in }
            }
        }
        // It stopped at the nested write (not, say, at connecting), and its append is gone.
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("nesting a write"), "\(message)")
        #expect(try schema.store.head().position == 0)
    }

    @Test("8 connections claiming one key: one owner wins, the others are told who")
    func uniqueKeyRace() throws {
        let schema = try PostgresTestSchema()
        let (url, name) = (schema.url, schema.name)
        let outcomes = Shared([String]())
        let errors = onThreads(8) { index in
            let store = try PostgresEventStore(url: url, schema: name)
            defer { store.close() }
            do {
                // write() transactions do not take the events lock: the claims really race.
                try store.write { context in
                    try context.claimUniqueKey(
                        namespace: "loan", key: "L1", owner: "customer-\(index)")
                }
                outcomes.withLock { $0.append("won customer-\(index)") }
            } catch EventStoreError.uniqueKeyTaken(_, _, let owner) {
                outcomes.withLock { $0.append("lost to \(owner)") }
            }
        }
        #expect(errors.isEmpty, "\(errors)")
        let all = outcomes.withLock { $0 }
        let winners = all.filter { $0.hasPrefix("won ") }
        #expect(winners.count == 1, "\(all)")
        let owner = try #require(winners.first).dropFirst("won ".count)
        #expect(all.filter { $0 == "lost to \(owner)" }.count == 7, "\(all)")
        let stored = try schema.store.read { try $0.uniqueKeyOwner(namespace: "loan", key: "L1") }
        #expect(stored.map { Substring($0) } == owner)
    }
}
