import EventStore
import Foundation
import PostgresEventStore
import TestSupport
import Testing

/// The append-only guard of PostgreSQL (the shared integrity checks are in
/// PostgresStoreConformanceTests).
@Suite("PostgreSQL append-only triggers", .enabled(if: PostgresTestServer.isConfigured))
struct PostgresAppendOnlyTests {
    @Test("UPDATE, DELETE and TRUNCATE of events are refused by triggers", arguments: [
        "UPDATE events SET type = 'X'", "DELETE FROM events", "TRUNCATE events",
    ])
    func appendOnly(sql: String) throws {
        let schema = try PostgresTestSchema()
        try schema.store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(2))
        do {
            try schema.store.executeForTesting(sql)
            Issue.record("accepted: \(sql)")
        } catch EventStoreError.postgres(let message) {
            #expect(message.hasPrefix("events are append-only"), "\(message)")
        }
        #expect(try schema.store.verify().checkedCount == 2)
    }
}
