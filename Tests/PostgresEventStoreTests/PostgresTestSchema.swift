import EventStore
import Foundation
import PostgresEventStore
import Testing

/// Where the PostgreSQL tests find a server: `LOANLEDGER_TEST_PG_URL`, e.g.
/// `postgres://postgres@127.0.0.1:55432/postgres` (.ci/run starts one and sets it).
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["LOANLEDGER_TEST_PG_URL"]

    /// True when a server is configured; the suites are `.enabled(if:)` this.
    static var isConfigured: Bool { !(url ?? "").isEmpty }

    static let skipMessage = "skipped: LOANLEDGER_TEST_PG_URL not set"
}

/// A fresh schema `test_<random>` on the test server, dropped with everything in it on
/// deinit, so tests run in parallel without seeing each other.
final class PostgresTestSchema {
    let name: String
    let url: String
    /// The store that created the schema; it drops the schema at the end.
    let store: PostgresEventStore

    init(clock: any SystemClock = FixedClock(microseconds: 1_000_000), key: ChainKey? = nil)
        throws
    {
        let url = try #require(PostgresTestServer.url)
        self.url = url
        name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        store = try PostgresEventStore(url: url, clock: clock, key: key, schema: name)
    }

    /// Another connection to the same store (one per thread).
    func connect(clock: any SystemClock = WallClock(), key: ChainKey? = nil) throws
        -> PostgresEventStore
    {
        try PostgresEventStore(url: url, clock: clock, key: key, schema: name)
    }

    deinit {
        do {
            try store.executeForTesting("DROP SCHEMA \"\(name)\" CASCADE")
        } catch {
            print("could not drop test schema \(name): \(error)")
        }
        store.close()
    }
}

@Suite("PostgreSQL test server")
struct PostgresTestServerTests {
    @Test("the suites say when they are skipped, and a configured server is reachable")
    func reportsSkip() throws {
        guard PostgresTestServer.isConfigured else {
            print(PostgresTestServer.skipMessage)
            return
        }
        let schema = try PostgresTestSchema()
        #expect(try schema.store.head().position == 0)
    }
}
