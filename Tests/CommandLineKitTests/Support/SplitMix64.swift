/// A tiny seeded generator (SplitMix64), so randomized tests replay exactly from their seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// The seed for a randomized test: `COMMANDLINEKIT_SEED` when set, else a fixed default.
/// Tests print it so a failure can be replayed.
func testSeed(default fallback: UInt64) -> UInt64 {
    if let text = ProcessInfoLite.environment("COMMANDLINEKIT_SEED"), let seed = UInt64(text) {
        return seed
    }
    return fallback
}

/// How many iterations a randomized test runs: `COMMANDLINEKIT_ITERATIONS` for long runs.
func testIterations(default fallback: Int) -> Int {
    if let text = ProcessInfoLite.environment("COMMANDLINEKIT_ITERATIONS"), let count = Int(text) {
        return count
    }
    return fallback
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads environment variables without Foundation.
enum ProcessInfoLite {
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
