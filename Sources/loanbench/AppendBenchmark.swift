import EventStore
import Foundation
import Lending
import Projections

/// Benchmark 1: events/s through `EventStore.append` (hash chain on, ids checked, versions
/// checked) against the same rows inserted with one prepared INSERT through the C API, at the
/// same batch size per transaction, WAL and the same `synchronous`.
struct AppendBenchmark {
    let configuration: BenchConfiguration
    /// Real encoded domain events (a customer's life minus the large disbursement), cycled.
    let templates: [NewEvent]

    init(configuration: BenchConfiguration) {
        self.configuration = configuration
        let profile = CustomerSimulator.Profile(
            customer: CustomerID(validated: "T1"), start: GeneratedLog.base,
            last: GeneratedLog.base.adding(days: 400), eventTarget: 60,
            creditLimit: .yuan(60_000), principalYuan: 1_000...20_000,
            termsMonths: [3, 6, 9, 12], daysBetweenLoans: 10...60, latePercent: 20,
            defaultPercent: 0)
        // A request id, as loanctl write commands carry, brings events to the ~200 bytes of
        // the "realistic loan event".
        let metadata = EventMetadata(actor: "ops.bench", reason: nil,
                                     requestId: "req-7f3c2a9e-5b1d-4c8a-9e2f-1a6b3c4d5e6f")
        templates = CustomerSimulator.live(profile, seed: 7).filter {
            if case .loanDisbursed = $0.event.event { return false }
            return true
        }.map { EventCodec.newEvent($0.event, id: UUID(), metadata: metadata) }
    }

    /// Mean bytes of data plus metadata of the events appended.
    var meanEventBytes: Int {
        templates.map { $0.data.count + $0.metadata.count }.reduce(0, +) / templates.count
    }

    func run() throws -> [BenchResult] {
        var results: [BenchResult] = []
        for synchronous in [SQLiteStoreOptions.Synchronous.full, .normal] {
            for batch in [1, 20, 100, 10_000] {
                results.append(try measure(batch: batch, synchronous: synchronous))
            }
        }
        return results
    }

    private func measure(batch: Int, synchronous: SQLiteStoreOptions.Synchronous) throws
        -> BenchResult
    {
        let sync = synchronous == .full ? "full" : "normal"
        let name = "append.batch\(batch).\(sync)"
        BenchLog.say("\(name) …")
        let store = try SQLiteEventStore(
            path: configuration.path("\(name).api.sqlite"),
            options: SQLiteStoreOptions(synchronous: synchronous))
        defer { store.close() }
        let raw = try RawSQLite(path: configuration.path("\(name).raw.sqlite"),
                                synchronous: synchronous)
        try raw.createEventsTable()
        let commits = configuration.appendCommits(batch: batch, full: synchronous == .full)
        var feed = Feed(templates: templates, streamCount: Swift.max(1, 2_000 / batch))
        var api = Samples()
        var baseline = Samples()
        // One untimed commit each first: file creation and page-cache warm-up are not appends.
        try appendOnce(store, &feed, batch: batch)
        try raw.insertTransaction(feed.rawRows(batch: batch)[...])
        for _ in 0..<configuration.repetitions {
            let rows = (0..<commits).map { _ in feed.rawRows(batch: batch) }
            let rawSeconds = try Stopwatch.seconds {
                for transaction in rows { try raw.insertTransaction(transaction[...]) }
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
            key: name, label: "append, batch \(batch), synchronous \(sync.uppercased())",
            samples: api, unit: "events/s", baseline: baseline,
            baselineLabel: "raw INSERT, same batch", target: batch >= 20 ? 0.6 : nil)
    }

    private func appendOnce(_ store: SQLiteEventStore, _ feed: inout Feed, batch: Int) throws {
        let append = feed.next(batch: batch)
        try store.append(to: append.stream, expectedVersion: append.expected,
                         events: append.events) { _, _ in }
    }

    /// Hands out batches of fresh events over a set of customer streams, tracking versions,
    /// and the equivalent raw rows (same sizes, same stream and version pattern).
    struct Feed {
        let templates: [NewEvent]
        let streamCount: Int
        var versions: [Int64]
        var rawVersions: [Int64]
        var next = 0
        var rawNext = 0
        var rawPosition: Int64 = 0
        var template = 0

        init(templates: [NewEvent], streamCount: Int) {
            self.templates = templates
            self.streamCount = streamCount
            versions = Array(repeating: 0, count: streamCount)
            rawVersions = versions
        }

        struct Append {
            var stream: String
            var expected: ExpectedVersion
            var events: [NewEvent]
        }

        mutating func next(batch: Int) -> Append {
            let index = next % streamCount
            next += 1
            let version = versions[index]
            versions[index] += Int64(batch)
            var events: [NewEvent] = []
            events.reserveCapacity(batch)
            for _ in 0..<batch {
                var event = templates[template % templates.count]
                template += 1
                event.eventId = UUID()
                events.append(event)
            }
            return Append(stream: "customer-A\(index)",
                          expected: version == 0 ? .noStream : .exact(version), events: events)
        }

        mutating func rawRows(batch: Int) -> [RawSQLite.Row] {
            let index = rawNext % streamCount
            rawNext += 1
            var rows: [RawSQLite.Row] = []
            rows.reserveCapacity(batch)
            let hash = [UInt8](repeating: 0xAB, count: 32)
            for _ in 0..<batch {
                let event = templates[Int(rawPosition) % templates.count]
                rawPosition += 1
                rawVersions[index] += 1
                rows.append(RawSQLite.Row(RecordedEvent(
                    position: rawPosition, streamId: "customer-A\(index)",
                    version: rawVersions[index], eventId: UUID(), type: event.type,
                    schemaVersion: event.schemaVersion, effectiveDate: event.effectiveDate,
                    recordedAt: 1_700_000_000_000_000 + rawPosition, data: event.data,
                    metadata: event.metadata, hash: hash)))
            }
            return rows
        }
    }
}
