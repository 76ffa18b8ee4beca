import EventStore
import Foundation
import TestSupport
import Testing

/// The read rules: global paging, stream reads, the polling catch-up subscription.
public enum ReadConformance {
    /// readAll pages through positions in batches of at most the limit.
    public static func readAllBatches(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            for index in 0..<7 {
                try store.append(
                    to: "s\(index % 3)", expectedVersion: .any, events: TestEvents.batch(3))
            }
            var positions = [Int64]()
            var after: Int64 = 0
            while true {
                let batch = try store.readAll(afterPosition: after, limit: 4)
                guard let last = batch.last else { break }
                #expect(batch.count <= 4)
                positions += batch.map(\.position)
                after = last.position
            }
            #expect(positions == Array(1...21))
            #expect(try store.readAll(afterPosition: 19, limit: 10).map(\.position) == [20, 21])
            #expect(throws: EventStoreError.self) {
                try store.readAll(afterPosition: 0, limit: EventStoreLimits.readBatchMax + 1)
            }
        }
    }

    /// readStream reads forwards from a version and backwards from the end.
    public static func readStream(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.append(to: "a", expectedVersion: .any, events: TestEvents.batch(3))
            try store.append(to: "b", expectedVersion: .any, events: TestEvents.batch(1))
            try store.append(to: "a", expectedVersion: .any, events: TestEvents.batch(2))
            #expect(try store.readStream("a", fromVersion: 2, limit: 3).map(\.version) == [2, 3, 4])
            #expect(
                try store.readStream("a", fromVersion: 1, limit: 100).map(\.position) == [
                    1, 2, 3, 5, 6,
                ])
            #expect(try store.readStreamBackwards("a", count: 2).map(\.version) == [4, 5])
            #expect(try store.readStream("none", fromVersion: 1, limit: 5).isEmpty)
            #expect(try store.readWholeStream("a").count == 5)
        }
    }

    /// The polling subscription delivers the backlog in batches, then new events, then stops when
    /// cancelled.
    public static func subscriptionCatchUp(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(5))
            let subscription = EventSubscription(
                store: store, afterPosition: 1, batchSize: 3, pollInterval: .milliseconds(5))
            #expect(try subscription.next()?.map(\.position) == [2, 3, 4])
            #expect(try subscription.next()?.map(\.position) == [5])
            try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1))
            #expect(try subscription.next()?.map(\.position) == [6])
            #expect(subscription.position == 6)
            subscription.cancellation.cancel()
            #expect(try subscription.next() == nil)
        }
    }

    /// Starts a subscription from position 0 with `cancellation` and returns its `run`.
    public typealias Subscribe = (any EventStore, SubscriptionCancellation) throws
        -> (([RecordedEvent]) throws -> Void) throws -> Void

    /// The polling ``EventSubscription``, which works on every backend.
    public static func pollingSubscription(
        _ store: any EventStore, _ cancellation: SubscriptionCancellation
    ) -> (([RecordedEvent]) throws -> Void) throws -> Void {
        EventSubscription(
            store: store, afterPosition: 0, pollInterval: .seconds(120),
            cancellation: cancellation
        ).run
    }

    /// A cancel from another thread ends a waiting run promptly, after it delivered the backlog.
    ///
    /// The poll interval is far longer than the test, so only the cancel can end the wait.
    public static func cancelEndsWaitingRun(
        _ factory: StoreFactory, subscribe: Subscribe = pollingSubscription
    ) throws {
        try factory.withStore { store in
            try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(2))
            let cancellation = SubscriptionCancellation()
            let run = try subscribe(store, cancellation)
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(100)) {
                cancellation.cancel()
            }
            let started = Date()
            var delivered = [Int64]()
            try run { delivered += $0.map(\.position) }
            #expect(delivered == [1, 2])
            #expect(Date().timeIntervalSince(started) < 10)
        }
    }
}
