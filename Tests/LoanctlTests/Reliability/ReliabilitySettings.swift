import Foundation
import TestSupport

/// The knobs of the reliability harness: short defaults for `swift test`, long runs through
/// environment variables (documented in docs/reliability.md).
enum ReliabilitySettings {
    /// Kill trials (`LOANLEDGER_RELIABILITY_TRIALS`, default 50).
    static var killTrials: Int { integer("LOANLEDGER_RELIABILITY_TRIALS", default: 50) }
    /// Kill trials against one store before the harness starts a fresh one, so a long run's
    /// per-trial cost (verify replays the whole log) stays flat.
    static let trialsPerStore = 50
    /// Commands run to completion between two kills.
    static var commandsPerTrial: Int {
        integer("LOANLEDGER_RELIABILITY_COMMANDS_PER_TRIAL", default: 3)
    }
    /// The longest delay before SIGKILL, in milliseconds
    /// (`LOANLEDGER_RELIABILITY_KILL_MAX_MS`, default 30).
    static var killDelayMaxMilliseconds: Int {
        integer("LOANLEDGER_RELIABILITY_KILL_MAX_MS", default: 30)
    }
    /// Fuzzing time in seconds, shared by the import and argument fuzzers
    /// (`LOANLEDGER_FUZZ_SECONDS`, default 10).
    static var fuzzSeconds: Double { Double(integer("LOANLEDGER_FUZZ_SECONDS", default: 10)) }
    /// Commands per concurrent writer (`LOANLEDGER_CONCURRENCY_COMMANDS`, default 12).
    static var commandsPerWriter: Int { integer("LOANLEDGER_CONCURRENCY_COMMANDS", default: 12) }
    /// Kills during a long `day close` and during `rebuild` (`LOANLEDGER_LONG_KILLS`, default 6).
    static var longCommandKills: Int { integer("LOANLEDGER_LONG_KILLS", default: 6) }

    /// The seed (`LOANLEDGER_SEED` replays a run), printed by every randomized test.
    static func seed(_ test: String) -> UInt64 {
        let seed = SplitMix64.seed(fromEnvironment: "LOANLEDGER_SEED")
        print("\(test): seed \(seed) (LOANLEDGER_SEED=\(seed) replays it)")
        return seed
    }

    private static func integer(_ name: String, default value: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init).map { max($0, 1) } ?? value
    }
}
