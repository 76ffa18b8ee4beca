/// How a caller should treat a store error (CLI exit codes, retry loops).
extension EventStoreError {
    /// The primary SQLite result codes that mean "another writer holds the lock": SQLITE_BUSY (5)
    /// after the busy timeout, and SQLITE_LOCKED (6).
    public static let sqliteBusyCodes: Set<Int32> = [5, 6]

    /// PostgreSQL SQLSTATEs worth retrying: lock timeout (55P03), serialization failure
    /// (40001), deadlock (40P01). The PostgreSQL store ends server messages with
    /// `(SQLSTATE xxxxx)`.
    public static let postgresRetryableStates: Set<String> = ["55P03", "40001", "40P01"]

    /// True when retrying the whole command (after re-reading the stream) may succeed: a
    /// ``versionConflict(stream:expected:actual:)``, or a SQLite lock still held by another
    /// writer when the busy timeout ran out (`.sqlite(code: 5 or 6, …)`). loanctl maps these to
    /// exit 75.
    public var isRetryable: Bool {
        switch self {
        case .versionConflict: return true
        case .sqlite(let code, _, _): return Self.sqliteBusyCodes.contains(code)
        case .postgres(let message):
            return Self.postgresRetryableStates.contains { message.hasSuffix("(SQLSTATE \($0))") }
        default: return false
        }
    }

    /// True for failures of the storage itself (disk full, I/O error, read-only file, corrupt
    /// file, a newer schema, an unreachable server): loanctl maps these to exit 74. A busy lock
    /// is retryable instead.
    public var isStorageFailure: Bool {
        switch self {
        case .sqlite, .postgres: return !isRetryable
        case .io, .schemaTooNew: return true
        default: return false
        }
    }
}
