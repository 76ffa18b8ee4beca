import EventStore
import Foundation
import PostgresEventStore

/// Append events/s through `PostgresEventStore` against raw libpq INSERTs, at batches of 1,
/// 20 and 100, when `LOANLEDGER_BENCH_PG_URL` (or `LOANLEDGER_TEST_PG_URL`) names a server.
/// Each run works in fresh schemas, dropped at the end.
struct PostgresAppendBenchmark {
    let configuration: BenchConfiguration
    let templates: [NewEvent]

    static var url: String? {
        let environment = ProcessInfo.processInfo.environment
        return environment["LOANLEDGER_BENCH_PG_URL"] ?? environment["LOANLEDGER_TEST_PG_URL"]
    }

    func run() throws -> [BenchResult] {
        guard let url = Self.url else {
            BenchLog.say("append.postgres: skipped (set LOANLEDGER_BENCH_PG_URL)")
            return []
        }
        return try [1, 20, 100].map { try measure(batch: $0, url: url) }
    }

    private func measure(batch: Int, url: String) throws -> BenchResult {
        let name = "append.postgres.batch\(batch)"
        BenchLog.say("\(name) …")
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let store = try PostgresEventStore(url: url, schema: "bench_api_\(suffix)")
        defer {
            try? store.executeForTesting("DROP SCHEMA bench_api_\(suffix) CASCADE")
            store.close()
        }
        let raw = try RawPostgres(url: url, schema: "bench_raw_\(suffix)")
        let commits = Swift.max(4, (configuration.isQuick ? 400 : 2_000) / batch)
        var feed = AppendBenchmark.Feed(templates: templates,
                                        streamCount: Swift.max(1, 2_000 / batch))
        var rawFeed = RawFeed(templates: templates, streamCount: Swift.max(1, 2_000 / batch))
        var api = Samples()
        var baseline = Samples()
        for _ in 0..<configuration.repetitions {
            let rows = (0..<commits).map { _ in rawFeed.next(batch: batch) }
            let rawSeconds = try Stopwatch.seconds {
                for transaction in rows { try raw.insertTransaction(transaction) }
            }
            baseline.add(Double(commits * batch) / rawSeconds)
            let appends = (0..<commits).map { _ in feed.next(batch: batch) }
            let apiSeconds = try Stopwatch.seconds {
                for append in appends {
                    try store.append(to: append.stream, expectedVersion: append.expected,
                                     events: append.events) { _, _ in }
                }
            }
            api.add(Double(commits * batch) / apiSeconds)
        }
        return BenchResult(
            key: name, label: "append to PostgreSQL, batch \(batch)", samples: api,
            unit: "events/s", baseline: baseline, baselineLabel: "raw libpq INSERT, same batch",
            target: nil)
    }

    /// Recorded rows for the raw baseline: the same events, streams and versions, positions
    /// counted by the benchmark (the baseline assigns them without a lock or a chain).
    struct RawFeed {
        let templates: [NewEvent]
        let streamCount: Int
        var versions: [Int64]
        var position: Int64 = 0
        var next = 0

        init(templates: [NewEvent], streamCount: Int) {
            self.templates = templates
            self.streamCount = streamCount
            versions = Array(repeating: 0, count: streamCount)
        }

        mutating func next(batch: Int) -> [RecordedEvent] {
            let index = next % streamCount
            next += 1
            return (0..<batch).map { _ in
                let event = templates[Int(position) % templates.count]
                position += 1
                versions[index] += 1
                return RecordedEvent(
                    position: position, streamId: "customer-A\(index)", version: versions[index],
                    eventId: UUID(), type: event.type, schemaVersion: event.schemaVersion,
                    effectiveDate: event.effectiveDate, recordedAt: 1_700_000_000_000_000 + position,
                    data: event.data, metadata: event.metadata,
                    hash: [UInt8](repeating: 0xAB, count: 32))
            }
        }
    }
}
