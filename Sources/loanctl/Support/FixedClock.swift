import EventStore

/// A clock stopped at one instant: what `LOANCTL_NOW` asks for.
///
/// End-to-end tests and the documented examples need "today" and every recordedAt to be the
/// same on every run; the store still keeps recordedAt non-decreasing on its own.
struct FixedClock: SystemClock {
    /// Microseconds since 1970-01-01T00:00:00Z.
    let microseconds: Int64

    func nowMicroseconds() -> Int64 { microseconds }
}
