import Foundation
import TestSupport
import Testing

/// Kill -9 at the command level: loanctl SIGKILLed at random moments loses nothing it
/// acknowledged and never leaves a command half applied (docs/reliability.md).
@Suite("Reliability: kill -9 at the command level", .serialized)
struct KillTests {
    @Test("A SIGKILLed command loses nothing acknowledged and is never half applied")
    func killedCommands() throws {
        let seed = ReliabilitySettings.seed("kill -9")
        let trials = ReliabilitySettings.killTrials
        let started = Date()
        var tally = KillTally()
        var store = 0
        while tally.trials < trials {
            let driver = try KillDriver(seed: seed, store: store,
                                        commandsPerTrial: ReliabilitySettings.commandsPerTrial)
            let count = min(ReliabilitySettings.trialsPerStore, trials - tally.trials)
            for trial in 0..<count { try driver.runTrial(tally.trials + trial) }
            try driver.finish()
            tally.merge(driver.tally)
            store += 1
        }
        let seconds = Date().timeIntervalSince(started)
        print("kill -9: \(tally.summary), \(tally.unexpected) unexpected exits; landings "
              + "\(tally.landings.sorted { $0.key < $1.key }); \(store) stores; "
              + String(format: "%.1f s", seconds))
        for note in tally.notes.prefix(5) { print("kill -9 note: \(note)") }
        for line in tally.findings.prefix(20) { print("kill -9 finding: \(line)") }
        if !tally.knownBugFindings.isEmpty {
            print("kill -9: \(tally.knownBugFindings.count) findings match a known bug")
            for line in tally.knownBugFindings { KnownBugs.record(line) }
        }
        #expect(tally.findings.isEmpty, "\(tally.findings.count) findings, seed \(seed)")
        #expect(tally.lost == 0)
        #expect(tally.corrupt == 0)
    }
}
