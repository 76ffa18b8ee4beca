import EventStore
import Foundation
import TestSupport
import Testing

/// The idempotency rules: event ids are checked before the expected version, an identical
/// retry is a no-op returning the original result, anything else with a stored id is refused.
public enum IdempotencyConformance {
    /// An identical retry writes nothing, runs no closure and returns the original result.
    public static func identicalRetry(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            let events = TestEvents.batch(3)
            try store.append(to: "x", expectedVersion: .any, events: TestEvents.batch(1))
            let first = try store.append(to: "s", expectedVersion: .noStream, events: events)
            try store.append(to: "s", expectedVersion: .exact(3), events: TestEvents.batch(1))
            var closureRan = false
            // The stale expected version must not matter: ids are checked first.
            let retry = try store.append(to: "s", expectedVersion: .noStream, events: events) {
                _, _ in
                closureRan = true
            }
            #expect(retry.wasDuplicate)
            #expect(!first.wasDuplicate)
            #expect(retry.events == first.events)
            #expect(retry.streamVersion == first.streamVersion)
            #expect(!closureRan)
            #expect(try store.head().position == 5)
        }
    }

    /// A stored event id with other content is refused.
    public static func differentContent(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            let id = UUID()
            try store.append(
                to: "s", expectedVersion: .any,
                events: [TestEvents.make(data: "{\"a\":1}", id: id)])
            #expect(
                throws: EventStoreError.idempotencyViolation(
                    eventId: id, detail: "already stored with a different 'data'")
            ) {
                try store.append(
                    to: "s", expectedVersion: .any,
                    events: [TestEvents.make(data: "{\"a\":2}", id: id)])
            }
        }
    }

    /// A stored event id in another stream is refused.
    public static func otherStream(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            let event = TestEvents.make()
            try store.append(to: "s", expectedVersion: .any, events: [event])
            #expect(
                throws: EventStoreError.idempotencyViolation(
                    eventId: event.eventId, detail: "already stored in another stream")
            ) {
                try store.append(to: "t", expectedVersion: .any, events: [event])
            }
        }
    }

    /// A batch mixing stored and new event ids is refused and writes nothing.
    public static func mixedBatch(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            let stored = TestEvents.make()
            try store.append(to: "s", expectedVersion: .any, events: [stored])
            #expect(
                throws: EventStoreError.idempotencyViolation(
                    eventId: stored.eventId, detail: "the batch mixes stored and new event ids")
            ) {
                try store.append(
                    to: "s", expectedVersion: .any, events: [stored, TestEvents.make()])
            }
            #expect(try store.head().position == 1)
        }
    }

    /// Derived event ids make a retried request a no-op.
    public static func derivedIds(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            func request() -> [NewEvent] {
                (0..<2).map {
                    TestEvents.make(
                        data: "{\"n\":\($0)}",
                        id: EventIds.derived(requestId: "r-1", stream: "s", index: $0))
                }
            }
            try store.append(to: "s", expectedVersion: .noStream, events: request())
            #expect(
                try store.append(
                    to: "s", expectedVersion: .noStream, events: request()
                ).wasDuplicate)
        }
    }
}

