/// How ``SQLiteEventStore`` opens its file.
public struct SQLiteStoreOptions: Sendable, Equatable {
    /// Whether opening may create the store, and whether the connection may write.
    public enum OpenMode: Sendable, Equatable {
        /// Create and initialise the file when it is missing or 0 bytes (write commands).
        case createIfMissing
        /// Open an existing LoanLedger store read-write; a missing file throws
        /// ``EventStoreError/storeMissing(path:)`` and nothing is created.
        case mustExist
        /// Open an existing LoanLedger store with `SQLITE_OPEN_READONLY`: reads run beside the
        /// writer (WAL); appends and writes fail with `.sqlite(code: 8 /* SQLITE_READONLY */)`.
        case readOnly
    }

    /// `PRAGMA synchronous` for the write connection (sqlite.org/pragma.html#pragma_synchronous).
    public enum Synchronous: Sendable, Equatable {
        /// fsync the WAL at every commit: an acknowledged append survives power loss. Default.
        case full
        /// fsync only at checkpoints: an acknowledged append survives a process crash but the
        /// last commits may be lost on power loss or an OS crash; the file stays consistent.
        case normal
    }

    public var mode: OpenMode
    public var synchronous: Synchronous
    /// How long a writer waits for another connection's write lock before failing with
    /// `.sqlite(code: 5 /* SQLITE_BUSY */)`, which ``EventStoreError/isRetryable`` reports.
    public var busyTimeoutMilliseconds: Int

    /// Creates options; the defaults suit a write command of loanctl.
    public init(
        mode: OpenMode = .createIfMissing, synchronous: Synchronous = .full,
        busyTimeoutMilliseconds: Int = EventStoreLimits.busyTimeoutMillisecondsDefault
    ) {
        self.mode = mode
        self.synchronous = synchronous
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    }
}
