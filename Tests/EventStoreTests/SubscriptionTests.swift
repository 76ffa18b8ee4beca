import EventStore
import Foundation
import TestSupport
import Testing

@Suite("Catch-up subscription")
struct SubscriptionTests {
    @Test(
        "delivers the backlog in batches, then new events, then stops when cancelled",
        arguments: Backend.allCases)
    func catchUp(backend: Backend) throws {
        let harness = try backend.make()
        let store = harness.store
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

    @Test("a cancel from another thread ends a waiting run")
    func cancelWhileWaiting() throws {
        let store = InMemoryEventStore(clock: FixedClock(microseconds: 0))
        try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(2))
        let cancellation = SubscriptionCancellation()
        let subscription = EventSubscription(
            store: store, afterPosition: 0, pollInterval: .seconds(30), cancellation: cancellation)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) {
            cancellation.cancel()
        }
        let started = Date()
        var delivered = [Int64]()
        try subscription.run { delivered += $0.map(\.position) }
        #expect(delivered == [1, 2])
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
