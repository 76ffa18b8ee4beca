import EventStore
import Synchronization

/// A clock a test moves by hand, forwards or backwards.
public final class ManualClock: SystemClock {
    private let now: Mutex<Int64>

    /// Starts at `microseconds` since 1970.
    public init(microseconds: Int64) { now = Mutex(microseconds) }

    public func nowMicroseconds() -> Int64 { now.withLock { $0 } }

    /// Sets the time the next reading answers.
    public func set(_ microseconds: Int64) { now.withLock { $0 = microseconds } }
}
