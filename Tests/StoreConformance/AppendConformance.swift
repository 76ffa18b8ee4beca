import EventStore
import Foundation
import TestSupport
import Testing

/// The append rules: expected versions, positions, input checks, recordedAt.
///
/// Each check makes its own fresh stores with the factory and records failures with
/// `#expect`; call it from a `@Test` named after the rule.
public enum AppendConformance {
    /// noStream accepts a new stream and refuses an existing one.
    public static func noStream(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.append(to: "s", expectedVersion: .noStream, events: TestEvents.batch(2))
            #expect(
                throws: EventStoreError.versionConflict(stream: "s", expected: .noStream, actual: 2)
            ) {
                try store.append(to: "s", expectedVersion: .noStream, events: TestEvents.batch(1))
            }
        }
    }

    /// An exact expected version must match; exact(0) means an empty stream.
    public static func exact(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.append(to: "s", expectedVersion: .exact(0), events: TestEvents.batch(1))
            let result = try store.append(
                to: "s", expectedVersion: .exact(1), events: TestEvents.batch(2))
            #expect(result.streamVersion == 3)
            #expect(result.events.map(\.version) == [2, 3])
            #expect(
                throws: EventStoreError.versionConflict(stream: "s", expected: .exact(2), actual: 3)
            ) {
                try store.append(to: "s", expectedVersion: .exact(2), events: TestEvents.batch(1))
            }
            #expect(try store.streamVersion("s") == 3)
        }
    }

    /// Expected version any appends whatever the version.
    public static func any(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1))
            try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1))
            #expect(try store.streamVersion("s") == 2)
            #expect(try store.streamVersion("other") == 0)
        }
    }

    /// Positions are global, gap-free and in commit order; a refused append leaves no gap.
    public static func positions(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            try store.append(to: "a", expectedVersion: .noStream, events: TestEvents.batch(2))
            #expect(throws: EventStoreError.self) {
                try store.append(to: "a", expectedVersion: .noStream, events: TestEvents.batch(3))
            }
            try store.append(to: "b", expectedVersion: .noStream, events: TestEvents.batch(2))
            try store.append(to: "a", expectedVersion: .exact(2), events: TestEvents.batch(1))
            let all = try store.readAll(afterPosition: 0, limit: 100)
            #expect(all.map(\.position) == [1, 2, 3, 4, 5])
            #expect(all.map(\.streamId) == ["a", "a", "b", "b", "a"])
            #expect(try store.head() == ChainHead(position: 5, hash: all[4].hash))
        }
    }

    /// Each input rule refuses the append before anything is written.
    public static func invalidInput(
        _ factory: StoreFactory, _ testCase: ConformanceFixtures.InvalidInputCase
    ) throws {
        try factory.withStore { store in
            do {
                try store.append(to: "s", expectedVersion: .any, events: testCase.events)
                Issue.record("accepted \(testCase.id) on \(factory)")
            } catch EventStoreError.invalidInput(let field, _) {
                #expect(field == testCase.field)
            }
            #expect(try store.head().position == 0)
        }
    }

    /// A duplicate event id inside one batch is refused.
    public static func duplicateInBatch(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            let event = TestEvents.make()
            #expect(
                throws: EventStoreError.invalidInput(
                    field: "events[1].eventId", rule: "appears twice in one batch")
            ) {
                try store.append(to: "s", expectedVersion: .any, events: [event, event])
            }
        }
    }

    /// recordedAt never decreases with position, even when the clock goes back.
    public static func recordedAtMonotonic(_ factory: StoreFactory) throws {
        let clock = ManualClock(microseconds: 5_000)
        try factory.withStore(clock: clock) { store in
            try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1))
            clock.set(1_000)
            try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(2))
            clock.set(9_000)
            try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1))
            let times = try store.readAll(afterPosition: 0, limit: 10).map(\.recordedAt)
            #expect(times == [5_000, 5_000, 5_000, 9_000])
            #expect(try store.verify().isIntact)
        }
    }

    /// An event over the data limit is refused, naming the limit and the size.
    public static func dataLimit(_ factory: StoreFactory) throws {
        try factory.withStore { store in
            var event = NewEvent(ConformanceFixtures.golden)
            event.data = Array(
                repeating: UInt8(ascii: "x"), count: EventStoreLimits.dataBytesMax + 1)
            #expect(
                throws: EventStoreError.invalidInput(
                    field: "events[0].data",
                    rule: "at most \(EventStoreLimits.dataBytesMax) bytes, got \(event.data.count)")
            ) {
                try store.append(to: "s", expectedVersion: .any, events: [event])
            }
        }
    }
}
