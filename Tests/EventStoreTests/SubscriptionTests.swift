import EventStore
import Foundation
import TestSupport
import Testing

@Suite("Catch-up subscription")
struct SubscriptionTests {
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
