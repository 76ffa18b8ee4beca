import EventStore
import PostgresEventStore
import StoreConformance

extension StoreFactory {
    /// ``PostgresEventStore`` in a fresh `test_<random>` schema on the test server
    /// (`LOANLEDGER_TEST_PG_URL`), dropped with everything in it on release; tampering runs
    /// SQL with the append-only trigger disabled.
    static let postgres = StoreFactory(name: "PostgreSQL") { clock, key in
        let schema = try PostgresTestSchema(clock: clock, key: key)
        return StoreHandle(
            store: schema.store,
            tamper: { tampering in
                try schema.store.executeForTesting(
                    "ALTER TABLE events DISABLE TRIGGER events_refuse_change")
                try schema.store.executeForTesting(tamperSQL(tampering))
            },
            // The schema object owns the schema: releasing it drops the schema.
            release: { withExtendedLifetime(schema) {} })
    }

    private static func tamperSQL(_ tampering: Tampering) -> String {
        switch tampering {
        case .changeData(let position):
            // bytea literal of `{}`: data is stored verbatim, never as jsonb.
            return "UPDATE events SET data = '\\x7b7d' WHERE position = \(position)"
        case .deleteEvent(let position):
            return "DELETE FROM events WHERE position = \(position)"
        case .changeVersion(let position, let version):
            return "UPDATE events SET version = \(version) WHERE position = \(position)"
        }
    }
}
