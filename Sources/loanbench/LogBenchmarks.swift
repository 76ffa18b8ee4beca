import EventStore
import Foundation
import Lending
import LoanLedger
import Projections

/// Benchmarks 3, 4 and 6 over one generated log: rebuild of every read model, time travel of
/// one loan, and chain verification, each against a raw C-API read of the same rows.
struct LogBenchmarks {
    let configuration: BenchConfiguration

    /// The raw scan every log benchmark is compared with: every column of every event, in
    /// position order.
    static let rawScanSQL = """
        SELECT position, stream_id, version, event_id, type, schema_version, effective_date, \
        recorded_at, data, metadata, hash FROM events ORDER BY position
        """

    func run(into report: inout BenchReport) throws {
        let path = configuration.path("log.sqlite")
        let (ledger, summary) = try generate(path: path, events: configuration.logEvents,
                                             seed: 20_240_101, report: &report)
        let scan = try rawScan(path: path, events: Double(summary.events))
        report.results.append(try rebuild(ledger, summary, scan: scan, key: "rebuild"))
        report.results += try timeTravel(ledger, summary, path: path)
        report.results.append(try verify(ledger, summary, scan: scan))
        (ledger.store as? SQLiteEventStore)?.close()
        if !configuration.keep { try? FileManager.default.removeItem(atPath: path) }
        guard configuration.secondLogEvents > 0 else { return }
        try memoryGrowth(into: &report)
    }

    /// Simulates and appends a log, then opens a Ledger on it.
    func generate(path: String, events: Int, seed: UInt64, report: inout BenchReport)
        throws -> (Ledger, GeneratedLog.Summary)
    {
        BenchLog.say("generating a log of about \(events) events …")
        // NORMAL while generating: durability of scratch data is not what is measured.
        let store = try SQLiteEventStore(path: path,
                                         options: SQLiteStoreOptions(synchronous: .normal))
        let clock = SimulatedClock(start: LocalTime(date: BusinessDate(year: 2027, month: 1,
                                                                       day: 1), minuteOfDay: 600))
        let ledger = try Ledger(store: store, access: .write, clock: clock)
        let (summary, seconds) = try Stopwatch.time {
            try GeneratedLog.write(to: store, eventTarget: events,
                                   heavyEventTarget: configuration.heavyCustomerEvents,
                                   seed: seed, progress: BenchLog.say)
        }
        let prefix = events == configuration.logEvents ? "log" : "log2"
        report.fact("\(prefix).events", summary.events)
        report.fact("\(prefix).customers", summary.customers)
        report.fact("\(prefix).loans", summary.loans)
        report.fact("\(prefix).business_days", summary.days)
        report.fact("\(prefix).generation_events_per_second",
                    Int(Double(summary.events) / seconds))
        report.fact("\(prefix).file_bytes",
                    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        return (ledger, summary)
    }

    func rawScan(path: String, events: Double) throws -> Samples {
        var samples = Samples()
        let raw = try RawSQLite(path: path, readOnly: true)
        for _ in 0..<configuration.repetitions {
            let seconds = try Stopwatch.seconds { try raw.scan(LogBenchmarks.rawScanSQL) }
            samples.add(events / seconds)
        }
        return samples
    }

    func rebuild(_ ledger: Ledger, _ summary: GeneratedLog.Summary, scan: Samples,
                         key: String) throws -> BenchResult
    {
        BenchLog.say("\(key): rebuilding \(summary.events) events …")
        var samples = Samples()
        var peaks = Samples()
        let repetitions = configuration.rebuildRepetitions
        for _ in 0..<repetitions {
            ProcessMemory.resetPeak()
            let start = Stopwatch.nanoseconds()
            var said = start
            let seconds = try Stopwatch.seconds {
                try ledger.rebuild { done, total in
                    let now = Stopwatch.nanoseconds()
                    guard now - said > 5_000_000_000 else { return }
                    said = now
                    BenchLog.say(String(format: "%@: %lld of %lld events, %.0f s", key, done,
                                        total, Double(now - start) / 1e9))
                }
            }
            samples.add(Double(summary.events) / seconds)
            peaks.add(Double(ProcessMemory.peakResidentBytes() ?? 0) / 1_048_576)
        }
        return BenchResult(
            key: key, label: "rebuild every read model from \(summary.events) events",
            samples: samples, unit: "events/s", baseline: scan,
            baselineLabel: "raw SELECT of every column in position order", target: 0.25,
            note: String(format: "peak resident %.0f MiB (VmHWM, reset before each rebuild)",
                         peaks.median))
    }

    private func verify(_ ledger: Ledger, _ summary: GeneratedLog.Summary, scan: Samples) throws
        -> BenchResult
    {
        BenchLog.say("verify …")
        var samples = Samples()
        for _ in 0..<configuration.repetitions {
            let (report, seconds) = try Stopwatch.time {
                try ledger.store.verify(expectHead: nil, progress: nil)
            }
            precondition(report.isIntact, "the generated chain must verify")
            samples.add(Double(summary.events) / seconds)
        }
        return BenchResult(
            key: "verify.chain", label: "hash chain verification (store.verify)",
            samples: samples, unit: "events/s", baseline: scan,
            baselineLabel: "raw SELECT of every column in position order")
    }
}
