import EventStore
import Foundation
import Lending

/// A clock that a simulation moves forwards by hand: `recordedAt` then follows simulated time.
///
/// The demo sets it to each simulated business moment (Asia/Shanghai) before running a command,
/// so every event's `recordedAt` is a plausible instant of the simulated past and
/// `--known-at TIME` answers meaningfully on a demo store.
///
/// ```swift
/// let clock = SimulatedClock(start: LocalTime(date: day, minuteOfDay: 9 * 60))
/// clock.advance(to: LocalTime(date: day, minuteOfDay: 23 * 60))
/// ```
public final class SimulatedClock: SystemClock, @unchecked Sendable {
    // `@unchecked Sendable` is safe: the only mutable state, `microseconds`, is read and
    // written exclusively while holding `lock`, so concurrent readers (the store) and the
    // writer (the simulation) never race.
    private let lock = NSLock()
    private var microseconds: Int64

    /// A clock standing at `microseconds` since 1970 (UTC).
    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// A clock standing at a Shanghai local time.
    public convenience init(start: LocalTime) {
        self.init(microseconds: start.unixSeconds * 1_000_000)
    }

    /// The current simulated instant, in microseconds since 1970 (UTC).
    public func nowMicroseconds() -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        return microseconds
    }

    /// Moves the clock to `target` microseconds since 1970.
    ///
    /// - Precondition: `target` is not before the current instant: simulated time never runs
    ///   backwards (the store would clamp recordedAt anyway, hiding the mistake).
    public func advance(to target: Int64) {
        lock.lock()
        defer { lock.unlock() }
        precondition(target >= microseconds, "a simulated clock never runs backwards")
        microseconds = target
    }

    /// Moves the clock to a Shanghai local time.
    ///
    /// - Precondition: `time` is not before the current instant.
    public func advance(to time: LocalTime) {
        advance(to: time.unixSeconds * 1_000_000)
    }
}
