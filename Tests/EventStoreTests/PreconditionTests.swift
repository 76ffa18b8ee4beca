import EventStore
import Foundation
import TestSupport
import Testing

/// Programming errors stop the process (STYLE.md 13): transactions never nest.
@Suite("Store misuse is a precondition failure")
struct PreconditionTests {
    @Test("a write inside an append closure stops the process (memory)")
    func nestedWriteMemory() async {
        await #expect(processExitsWith: .failure) {
            let store = InMemoryEventStore(clock: FixedClock(microseconds: 0))
            try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1)) { _, _ in
                try store.write { _ in }
            }
        }
    }

    @Test("a write inside an append closure stops the process (SQLite)")
    func nestedWriteSQLite() async {
        await #expect(processExitsWith: .failure) {
            let temporary = try TemporarySQLiteStore()
            let store = temporary.store
            try store.append(to: "s", expectedVersion: .any, events: TestEvents.batch(1)) { _, _ in
                try store.write { _ in }
            }
        }
    }
}
