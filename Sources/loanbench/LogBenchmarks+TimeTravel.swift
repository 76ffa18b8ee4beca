import EventStore
import Foundation
import Lending
import LoanLedger

extension LogBenchmarks {
    /// Benchmark 4: p50 and p99 of `ledger.loan(_:asOf:knownAt:)` for a loan of a customer with
    /// about 50 events and one with about 2,000, against a raw C-API read of that customer's
    /// rows (what any answer must at least read).
    func timeTravel(_ ledger: Ledger, _ summary: GeneratedLog.Summary, path: String) throws
        -> [BenchResult]
    {
        let cases = [
            ("timetravel.typical", summary.typicalLoan, summary.typicalEvents),
            ("timetravel.heavy", summary.heavyLoan, summary.heavyEvents),
        ]
        var results: [BenchResult] = []
        let raw = try RawSQLite(path: path, readOnly: true)
        for (key, loan, events) in cases {
            BenchLog.say("\(key): \(events) events …")
            let customer = try ledger.customer(ofLoan: loan)
            let stream = CustomerState.streamId(for: customer)
            let head = try ledger.store.head().position
            // As known at 90 % of the log, as of a date in the loan's life.
            var knownAt: KnownAt? = .position(head - head / 10)
            if (try? ledger.loan(loan, asOf: summary.lastDay, knownAt: knownAt)) == nil {
                knownAt = nil
            }
            var api = Samples()
            var baseline = Samples()
            var random = BenchRandom(seed: 99)
            for index in 0..<(configuration.timeTravelQueries + 20) {
                let asOf = summary.firstDay.adding(days: random.int(0...Int64(summary.days)))
                let seconds = try Stopwatch.seconds {
                    _ = try ledger.loan(loan, asOf: asOf, knownAt: knownAt)
                }
                let rawSeconds = try Stopwatch.seconds {
                    try raw.scan("SELECT * FROM events WHERE stream_id = ? ORDER BY version",
                                 bind: [stream])
                }
                // The first queries warm caches; they are not part of the distribution.
                guard index >= 20 else { continue }
                api.add(seconds * 1_000)
                baseline.add(rawSeconds * 1_000)
            }
            for (suffix, fraction) in [("p50", 0.5), ("p99", 0.99)] {
                var figure = Samples()
                figure.add(api.percentile(fraction))
                var base = Samples()
                base.add(baseline.percentile(fraction))
                var result = BenchResult(
                    key: "\(key).\(suffix)",
                    label: "loan as of a date, as known at 90 % of the log, customer of "
                        + "\(events) events, \(suffix) of \(api.values.count) queries",
                    samples: figure, unit: "ms", baseline: base,
                    baselineLabel: "raw SELECT of the customer's rows, same percentile",
                    higherIsBetter: false,
                    target: key == "timetravel.typical" && suffix == "p99" ? 1.0 : nil,
                    note: String(format: "spread over queries %.3f–%.3f ms", api.min, api.max))
                result.targetIsUpperBoundOnFigure = true
                results.append(result)
            }
        }
        return results
    }

    /// Rebuild of a log twice the size: peak memory must not grow with the log.
    func memoryGrowth(into report: inout BenchReport) throws {
        let path = configuration.path("log2.sqlite")
        let (ledger, summary) = try generate(path: path, events: configuration.secondLogEvents,
                                             seed: 20_240_102, report: &report)
        defer {
            (ledger.store as? SQLiteEventStore)?.close()
            if !configuration.keep { try? FileManager.default.removeItem(atPath: path) }
        }
        let scan = try rawScan(path: path, events: Double(summary.events))
        report.results.append(try rebuild(ledger, summary, scan: scan, key: "rebuild.double"))
    }
}
