import Foundation

/// Runs every benchmark in order, in a scratch directory removed at the end.
struct BenchRun {
    let configuration: BenchConfiguration

    func run() throws -> BenchReport {
        let files = FileManager.default
        try files.createDirectory(atPath: configuration.directory,
                                  withIntermediateDirectories: true)
        defer {
            if !configuration.keep { try? files.removeItem(atPath: configuration.directory) }
        }
        var report = BenchReport(mode: configuration.mode)
        report.fact("cores", ProcessInfo.processInfo.activeProcessorCount)
        report.fact("repetitions", configuration.repetitions)
        let total = try Stopwatch.seconds {
            if configuration.only(.append) {
                let append = AppendBenchmark(configuration: configuration)
                report.fact("append.mean_event_bytes", append.meanEventBytes)
                report.results += try append.run()
                report.results += try PostgresAppendBenchmark(
                    configuration: configuration, templates: append.templates).run()
            }
            if configuration.only(.commands) {
                report.results += try CommandBenchmark(configuration: configuration).run()
            }
            if configuration.only(.endofday) {
                try EndOfDayBenchmark(configuration: configuration).run(into: &report)
            }
            if configuration.only(.log) {
                try LogBenchmarks(configuration: configuration).run(into: &report)
            }
        }
        report.fact("run_seconds", Int(total.rounded()))
        return report
    }
}
