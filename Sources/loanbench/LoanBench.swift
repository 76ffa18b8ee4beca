import Foundation

/// `loanbench`: figures and ratios against raw SQLite baselines measured in the same run.
///
/// `swift run -c release loanbench [--quick] [--json]`. See docs/performance.md.
@main
struct LoanBench {
    static func main() {
        let configuration: BenchConfiguration
        do {
            configuration = try BenchConfiguration(arguments: CommandLine.arguments)
        } catch let message as UsageMessage {
            if case .help = message {
                print(message)
                exit(0)
            }
            FileHandle.standardError.write(Data("\(message)\n".utf8))
            exit(64)
        } catch {
            exit(64)
        }
        do {
            let report = try BenchRun(configuration: configuration).run()
            print(configuration.json ? report.json() : report.table())
            if let path = configuration.jsonFile {
                try Data((report.json() + "\n").utf8).write(to: URL(fileURLWithPath: path))
            }
        } catch {
            FileHandle.standardError.write(Data("loanbench: \(error)\n".utf8))
            exit(74)
        }
    }
}
