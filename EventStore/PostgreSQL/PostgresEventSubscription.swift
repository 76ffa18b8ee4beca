import EventStore
import Foundation

/// A catch-up subscription on a ``PostgresEventStore``: everything after a position in
/// batches, then new events as they commit, woken by LISTEN/NOTIFY, until cancelled.
///
/// Every append notifies the store's channel at COMMIT; once caught up, the subscription
/// waits on the connection's socket and reads again as soon as a notification arrives. It
/// also reads every `pollInterval` without one (a fallback: a notification is lost if the
/// connection drops, and a writer that bypasses the store sends none). It reads the log the
/// same way ``EventSubscription`` does, so it delivers every position once, in order.
///
/// On a hot standby, where `LISTEN` is refused, it polls every `pollInterval` instead
/// (``isPollingOnly``). It takes over the store's connection while it runs: use the store for
/// nothing else meanwhile (open another store for writing). Not Sendable; cancel it from
/// anywhere through its ``SubscriptionCancellation``.
///
/// ```swift
/// let subscription = PostgresEventSubscription(store: store, afterPosition: checkpoint)
/// try subscription.run { batch in try project(batch) }   // returns once cancelled
/// ```
public final class PostgresEventSubscription {
    private let store: PostgresEventStore
    private let batchSize: Int
    private let pollInterval: Duration
    /// The connection generation LISTEN was issued on (nil: not listening); a reconnect
    /// drops the LISTEN, so it is issued again.
    private var listeningGeneration: Int?
    /// True when the server refused LISTEN (a hot standby): the subscription only polls.
    public private(set) var isPollingOnly = false
    /// Cancels the subscription from any thread.
    public let cancellation: SubscriptionCancellation
    /// The position of the last event handed out.
    public private(set) var position: Int64
    /// How many notifications woke the subscription (for tests and monitoring).
    public private(set) var notificationCount = 0

    /// How often a waiting subscription checks for cancellation.
    static let cancellationCheckMilliseconds: Int32 = 50

    /// Creates a subscription; it starts listening on the first ``next()``.
    /// - Parameters:
    ///   - afterPosition: Events after this position are delivered (0: from the start).
    ///   - batchSize: 1 … ``EventStoreLimits/readBatchMax`` events per batch.
    ///   - pollInterval: The longest wait without a notification before reading anyway.
    public init(
        store: PostgresEventStore, afterPosition: Int64, batchSize: Int = 500,
        pollInterval: Duration = .seconds(5),
        cancellation: SubscriptionCancellation = SubscriptionCancellation()
    ) {
        precondition((1...EventStoreLimits.readBatchMax).contains(batchSize), "batchSize range")
        self.store = store
        self.position = afterPosition
        self.batchSize = batchSize
        self.pollInterval = pollInterval
        self.cancellation = cancellation
    }

    deinit { stopListening() }

    /// The next non-empty batch, waiting for a notification while there is none; nil once
    /// cancelled (the subscription then stops listening).
    /// - Throws: ``EventStoreError/postgres(message:)`` and the errors of
    ///   ``PostgresEventStore/readAll(afterPosition:limit:)``.
    public func next() throws -> [RecordedEvent]? {
        while !cancellation.isCancelled {
            try startListening()
            // Notifications that arrived before this read are covered by it.
            _ = try store.connection.drainNotifications()
            let batch = try store.readAll(afterPosition: position, limit: batchSize)
            if let last = batch.last {
                position = last.position
                return batch
            }
            try waitForNotification()
        }
        stopListening()
        return nil
    }

    /// Hands every batch to `handle` until cancelled.
    /// - Throws: Storage errors and what `handle` throws (which ends the subscription).
    public func run(_ handle: ([RecordedEvent]) throws -> Void) throws {
        while let batch = try next() { try handle(batch) }
    }

    /// Waits until a notification arrives, the poll interval passes, or a cancel.
    private func waitForNotification() throws {
        let connection = store.connection
        let (seconds, attoseconds) = pollInterval.components
        let deadline = Date(timeIntervalSinceNow: Double(seconds) + Double(attoseconds) / 1e18)
        while !cancellation.isCancelled {
            // A notification libpq already read (while answering the last query) never makes
            // the socket readable again, so look before waiting.
            let arrived = try connection.drainNotifications()
            if arrived > 0 {
                notificationCount += arrived
                return
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return }
            let slice = min(Int32(remaining * 1000) + 1, Self.cancellationCheckMilliseconds)
            _ = connection.waitForInput(milliseconds: slice)
        }
    }

    private func startListening() throws {
        let connection = store.connection
        try connection.reconnectIfBroken()
        guard !isPollingOnly, listeningGeneration != connection.generation else { return }
        do {
            // A channel is an identifier, not a value: built from the checked schema name.
            try connection.query("LISTEN \"\(store.channel)\"")
        } catch EventStoreError.postgres(let message)
            where message.hasSuffix("(SQLSTATE \(Self.readOnlyTransactionState))")
        {
            // "cannot execute LISTEN during recovery": a standby; notifications are not
            // replicated anyway, so polling is the only way to follow it.
            isPollingOnly = true
            return
        }
        listeningGeneration = connection.generation
    }

    /// SQLSTATE `read_only_sql_transaction`, PostgreSQL's answer to LISTEN on a standby.
    static let readOnlyTransactionState = "25006"

    private func stopListening() {
        guard listeningGeneration != nil, store.connection.isOpen else { return }
        listeningGeneration = nil
        _ = try? store.connection.query("UNLISTEN \"\(store.channel)\"")
        _ = try? store.connection.drainNotifications()
    }
}

@available(*, unavailable)
extension PostgresEventSubscription: Sendable {}
