import EventStore

/// A fresh store made by a ``StoreFactory``, and what keeps it alive.
///
/// A class because it owns resources (a temporary directory, a PostgreSQL schema): they live
/// as long as the handle, and `release` (closing the store, deleting the directory, dropping
/// the schema) runs on deinit. Keep the handle, not just `store`, for as long as you use it.
public final class StoreHandle {
    /// The open, empty store.
    public let store: any EventStore
    /// Changes stored events behind the store's back (past its append-only guards), for
    /// verification checks; nil for a backend that cannot be tampered with (in-memory).
    public let tamper: ((Tampering) throws -> Void)?
    private let release: () -> Void

    /// A handle on `store`; `release` runs once, on deinit.
    public init(
        store: any EventStore, tamper: ((Tampering) throws -> Void)? = nil,
        release: @escaping () -> Void = {}
    ) {
        self.store = store
        self.tamper = tamper
        self.release = release
    }

    deinit { release() }
}

/// A change to the stored log that `verify` must detect.
public enum Tampering: Sendable, Equatable {
    /// Replaces the event's data bytes with `{}`.
    case changeData(position: Int64)
    /// Deletes the event's row.
    case deleteEvent(position: Int64)
    /// Sets the event's stream version to `version`.
    case changeVersion(position: Int64, version: Int64)
}
