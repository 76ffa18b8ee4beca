import Lending

/// A tiny seeded generator (SplitMix64) for the aggregate's randomized tests, so a failing run
/// replays from its printed seed. Named apart from the schedule tests' copy: one test target.
struct AggregateRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int64>) -> Int64 {
        Int64.random(in: range, using: &self)
    }

    /// True with probability `perMille` / 1000.
    mutating func chance(perMille: Int64) -> Bool { int(0...999) < perMille }

    /// A uniform element of a non-empty array.
    mutating func pick<T>(_ values: [T]) -> T {
        values[Int(int(0...Int64(values.count - 1)))]
    }

    /// An amount of 0.01 … `max` (max must be positive).
    mutating func money(upTo max: Money) -> Money { Money(fen: int(1...max.fen)) }

    /// The seeds a randomized test runs: `count` seeds derived from `base`, or the single seed
    /// in the environment variable `LOANLEDGER_SEED` when set (to replay a failure).
    static func seeds(base: UInt64, count: Int) -> [UInt64] {
        if let text = environment("LOANLEDGER_SEED"), let seed = UInt64(text) { return [seed] }
        var generator = AggregateRandom(seed: base)
        return (0..<count).map { _ in generator.next() }
    }

    /// How many times heavier randomized tests run: `LOANLEDGER_HEAVY=N` (default 1).
    static var heavyFactor: Int {
        environment("LOANLEDGER_HEAVY").flatMap { Int($0) }.map { Swift.max(1, $0) } ?? 1
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An environment variable, read through the C library (tests only; the domain never reads it).
private func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
}
