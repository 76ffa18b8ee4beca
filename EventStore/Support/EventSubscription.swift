import Foundation

/// A catch-up subscription: everything after a position in batches, then new events as they
/// are committed, found by polling, until cancelled.
///
/// Not Sendable (it drives one store on one thread); cancel it from anywhere through its
/// ``SubscriptionCancellation``.
///
/// ```swift
/// let cancellation = SubscriptionCancellation()
/// let subscription = EventSubscription(store: store, afterPosition: checkpoint,
///                                      cancellation: cancellation)
/// try subscription.run { batch in try project(batch) }   // returns once cancelled
/// ```
public final class EventSubscription {
    private let store: any EventStore
    private let batchSize: Int
    private let pollInterval: Duration
    /// Cancels the subscription from any thread.
    public let cancellation: SubscriptionCancellation
    /// The position of the last event handed out.
    public private(set) var position: Int64

    /// Creates a subscription.
    /// - Parameters:
    ///   - afterPosition: Events after this position are delivered (0: from the start).
    ///   - batchSize: 1 … ``EventStoreLimits/readBatchMax`` events per batch.
    ///   - pollInterval: How long to wait before looking again once caught up.
    public init(
        store: any EventStore, afterPosition: Int64, batchSize: Int = 500,
        pollInterval: Duration = .milliseconds(200),
        cancellation: SubscriptionCancellation = SubscriptionCancellation()
    ) {
        precondition((1...EventStoreLimits.readBatchMax).contains(batchSize), "batchSize range")
        self.store = store
        self.position = afterPosition
        self.batchSize = batchSize
        self.pollInterval = pollInterval
        self.cancellation = cancellation
    }

    /// The next non-empty batch, waiting (polling) while there is none; nil once cancelled.
    /// - Throws: Storage errors of ``EventStore/readAll(afterPosition:limit:)``.
    public func next() throws -> [RecordedEvent]? {
        while !cancellation.isCancelled {
            let batch = try store.readAll(afterPosition: position, limit: batchSize)
            if let last = batch.last {
                position = last.position
                return batch
            }
            cancellation.wait(pollInterval)
        }
        return nil
    }

    /// Hands every batch to `handle` until cancelled.
    /// - Throws: Storage errors and what `handle` throws (which ends the subscription).
    public func run(_ handle: ([RecordedEvent]) throws -> Void) throws {
        while let batch = try next() { try handle(batch) }
    }
}

/// The cancel switch of an ``EventSubscription``, shared across threads.
///
/// `@unchecked Sendable`: its only state, `cancelled`, is read and written under `condition`.
public final class SubscriptionCancellation: @unchecked Sendable {
    private let condition = NSCondition()
    private var cancelled = false

    public init() {}

    /// Stops the subscription; a waiting ``EventSubscription/next()`` returns nil promptly.
    public func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// True once ``cancel()`` was called.
    public var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Waits for `interval` or until cancelled.
    func wait(_ interval: Duration) {
        let (seconds, attoseconds) = interval.components
        let deadline = Date(timeIntervalSinceNow: Double(seconds) + Double(attoseconds) / 1e18)
        condition.lock()
        defer { condition.unlock() }
        while !cancelled, condition.wait(until: deadline) {}
    }
}

@available(*, unavailable)
extension EventSubscription: Sendable {}
