/// SplitMix64 (Steele, Lea & Flood 2014): the benchmark's only source of variety, seeded, so
/// two runs generate byte-identical logs apart from event ids and times.
struct BenchRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `range` (modulo bias is irrelevant for workload shapes).
    mutating func int(_ range: ClosedRange<Int64>) -> Int64 {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int64(next() % width)
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int64) -> Bool { int(0...99) < percent }

    /// One element of a non-empty array.
    mutating func pick<T>(_ values: [T]) -> T {
        precondition(!values.isEmpty, "pick needs at least one value")
        return values[Int(int(0...Int64(values.count - 1)))]
    }
}
