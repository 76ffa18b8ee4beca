import EventStore
import TestSupport
import Testing

/// Makes fresh, empty stores of one backend for the conformance checks.
///
/// Test targets pass factories as `@Test(arguments:)`; each check makes the stores it needs
/// (a fresh one per call, so checks run in parallel without seeing each other).
public struct StoreFactory: Sendable, CustomStringConvertible, CustomTestStringConvertible {
    /// The backend's name, shown in test results.
    public let name: String
    private let makeHandle: @Sendable (any SystemClock, ChainKey?) throws -> StoreHandle

    /// A factory named `name` whose `make` opens an empty store with the given clock and key.
    public init(
        name: String,
        make: @escaping @Sendable (any SystemClock, ChainKey?) throws -> StoreHandle
    ) {
        self.name = name
        self.makeHandle = make
    }

    /// The backend's name.
    public var description: String { name }
    /// The backend's name, as test results show the argument.
    public var testDescription: String { name }

    /// A fresh, empty store.
    /// - Throws: The backend's errors when the store cannot be created.
    public func make(
        clock: any SystemClock = FixedClock(microseconds: 1_000_000), key: ChainKey? = nil
    ) throws -> StoreHandle {
        try makeHandle(clock, key)
    }

    /// Runs `body` on a fresh, empty store and releases the store afterwards.
    /// - Throws: The backend's errors when the store cannot be created, and `body`'s errors.
    @discardableResult
    public func withStore<Result>(
        clock: any SystemClock = FixedClock(microseconds: 1_000_000), key: ChainKey? = nil,
        _ body: (any EventStore) throws -> Result
    ) throws -> Result {
        let handle = try make(clock: clock, key: key)
        return try withExtendedLifetime(handle) { try body(handle.store) }
    }
}

extension StoreFactory {
    /// ``InMemoryEventStore``: the reference the other backends are compared with.
    public static let inMemory = StoreFactory(name: "in-memory") { clock, key in
        StoreHandle(store: InMemoryEventStore(clock: clock, key: key))
    }

    /// ``SQLiteEventStore`` in a temporary directory deleted on release; tampering goes
    /// through the `sqlite3` shell after dropping the append-only triggers.
    public static let sqlite = StoreFactory(name: "SQLite") { clock, key in
        let directory = try TemporaryDirectory(prefix: "conformance")
        let path = directory.file("store.sqlite")
        let store = try SQLiteEventStore(path: path, clock: clock, key: key)
        return StoreHandle(
            store: store,
            tamper: { try tamperSQLite(path: path, $0) },
            release: {
                store.close()
                directory.remove()
            })
    }

    private static func tamperSQLite(path: String, _ tampering: Tampering) throws {
        let statement: String
        switch tampering {
        case .changeData(let position):
            statement = "UPDATE events SET data = '{}' WHERE position = \(position);"
        case .deleteEvent(let position):
            statement = "DELETE FROM events WHERE position = \(position);"
        case .changeVersion(let position, let version):
            statement = "UPDATE events SET version = \(version) WHERE position = \(position);"
        }
        let result = try ProcessRunner.sqlite3(
            path,
            "DROP TRIGGER IF EXISTS events_refuse_update;\n"
                + "DROP TRIGGER IF EXISTS events_refuse_delete;\n" + statement)
        #expect(result.status == 0, "sqlite3: \(result.standardError)")
    }
}
