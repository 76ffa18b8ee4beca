import Glibc

/// Monotonic time for measurements (never the wall clock, which NTP may step).
enum Stopwatch {
    /// Nanoseconds on CLOCK_MONOTONIC.
    static func nanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Runs `body` and returns its result with the elapsed seconds.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = nanoseconds()
        let value = try body()
        return (value, Double(nanoseconds() - start) / 1e9)
    }

    /// The elapsed seconds of `body`.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        try time(body).1
    }
}
