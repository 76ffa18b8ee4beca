import EventStore
import Foundation
import TestSupport
import Testing

@Suite("Export parser never crashes")
struct ExportFuzzTests {
    @Test("randomly mutated lines parse or throw, never crash")
    func mutatedLines() {
        let seed = SplitMix64.seed()
        print("export fuzz: seed \(seed) (rerun with LOANLEDGER_SEED=\(seed))")
        var random = SplitMix64(seed: seed)
        let valid = Array(ExportTests.valid.utf8)
        let alphabet = Array(#"{}[]":,\0123456789-.eE abcfnrtu"#.utf8) + [0x00, 0xff, 0xc3]
        var parsed = 0
        for _ in 0..<2_000 {
            var line = valid
            for _ in 0...Int.random(in: 0..<4, using: &random) {
                let index = Int.random(in: 0..<line.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: line[index] = alphabet.randomElement(using: &random)!
                case 1: line.remove(at: index)
                default: line.insert(alphabet.randomElement(using: &random)!, at: index)
                }
            }
            if (try? EventLogExport.parse(line: line)) != nil { parsed += 1 }
        }
        #expect(parsed < 2_000, "mutations never broke a line: the fuzzer is not fuzzing")
    }
}
