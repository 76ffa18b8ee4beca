import Foundation

/// The source of `recordedAt`. Injected so tests and replays are deterministic.
public protocol SystemClock: Sendable {
    /// Microseconds since 1970-01-01T00:00:00Z.
    func nowMicroseconds() -> Int64
}

/// The machine's real-time clock.
public struct WallClock: SystemClock {
    /// The real-time clock.
    public init() {}
    /// `clock_gettime(CLOCK_REALTIME)` in microseconds.
    public func nowMicroseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1_000
    }
}

/// A clock that always answers the same instant (tests, demos).
public struct FixedClock: SystemClock {
    /// The instant it answers, in microseconds since 1970.
    public var microseconds: Int64
    /// A clock stopped at `microseconds`.
    public init(microseconds: Int64) { self.microseconds = microseconds }
    /// Always ``microseconds``.
    public func nowMicroseconds() -> Int64 { microseconds }
}
