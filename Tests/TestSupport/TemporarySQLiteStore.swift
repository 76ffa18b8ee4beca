import EventStore
import Foundation

/// A ``SQLiteEventStore`` in its own temporary directory, closed and deleted on deinit.
///
/// Keep the object alive for as long as the store is used (e.g. as a test's local, with
/// `withExtendedLifetime` if the store is the only thing used afterwards).
public final class TemporarySQLiteStore {
    /// The directory holding the store file.
    public let directory: TemporaryDirectory
    /// The store file.
    public let path: String
    /// The open store.
    public let store: SQLiteEventStore

    /// Creates an empty store at `<tmp>/…/store.sqlite`.
    /// - Throws: File-system and store errors.
    public init(
        clock: any SystemClock = FixedClock(microseconds: 1_000_000),
        options: SQLiteStoreOptions = .init(), key: ChainKey? = nil
    ) throws {
        directory = try TemporaryDirectory(prefix: "store")
        path = directory.file("store.sqlite")
        store = try SQLiteEventStore(path: path, options: options, clock: clock, key: key)
    }

    deinit { store.close() }
}
