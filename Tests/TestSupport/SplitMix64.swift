import Foundation

/// A tiny seeded random generator (SplitMix64, Steele, Lea & Flood 2014) for reproducible
/// randomized tests: print the seed, rerun with it.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that yields the same sequence for the same seed on every machine.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed in environment variable `name` (decimal) if set, otherwise a fresh one.
    public static func seed(fromEnvironment name: String = "LOANLEDGER_SEED") -> UInt64 {
        if let text = ProcessInfo.processInfo.environment[name], let seed = UInt64(text) {
            return seed
        }
        return UInt64.random(in: 0...UInt64.max)
    }
}
