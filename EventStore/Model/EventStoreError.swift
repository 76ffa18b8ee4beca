import Foundation

/// Every failure the event store reports. Messages are one line and never contain event data.
public enum EventStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Someone else appended first; retrying with a fresh read may succeed.
    case versionConflict(stream: String, expected: ExpectedVersion, actual: Int64)
    /// An event id is already stored with other content or in another stream, or a batch mixes
    /// stored and new ids.
    case idempotencyViolation(eventId: UUID, detail: String)
    /// A unique key (e.g. a loan id) is held by another owner.
    case uniqueKeyTaken(namespace: String, key: String, owner: String)
    /// The input breaks a store limit or shape rule (empty batch, too many events, bad date…).
    case invalidInput(field: String, rule: String)
    /// `restore` needs an empty store.
    case storeNotEmpty
    /// `restore` found an event that does not chain or is out of sequence.
    case restoreRejected(position: Int64, detail: String)
    /// The file is not a LoanLedger store.
    case notAStore(path: String)
    /// The store does not exist (reads never create one).
    case storeMissing(path: String)
    /// The store was written by a newer version of LoanLedger.
    case schemaTooNew(found: Int, supported: Int)
    /// A SQLite call failed. `code` is the primary result code (sqlite.org/rescode.html):
    /// 5 BUSY / 6 LOCKED mean another writer held the lock past the busy timeout (see
    /// ``isRetryable``); 13 FULL, 10 IOERR, 8 READONLY, 11 CORRUPT are storage failures
    /// (``isStorageFailure``); 19 CONSTRAINT from an edited file.
    case sqlite(code: Int32, message: String, sql: String?)
    /// A PostgreSQL call failed or the server could not be reached.
    case postgres(message: String)
    /// Any other I/O failure.
    case io(String)

    /// One line for `loanctl: <message>`; never contains event data.
    public var description: String {
        switch self {
        case .versionConflict(let stream, let expected, let actual):
            return "stream '\(stream)' is at version \(actual), expected \(expected) — "
                + "someone else appended first; retry"
        case .idempotencyViolation(let eventId, let detail):
            return "event id '\(eventId.uuidString.lowercased())' — \(detail)"
        case .uniqueKeyTaken(let namespace, let key, _):
            return "\(namespace) '\(key)' already exists — \(namespace) must be unique"
        case .invalidInput(let field, let rule):
            return "'\(field)' — \(rule)"
        case .storeNotEmpty:
            return "import — the target store must be empty"
        case .restoreRejected(let position, let detail):
            return "import rejected at position \(position) — \(detail)"
        case .notAStore(let path):
            return "'\(path)' is not a LoanLedger store"
        case .storeMissing(let path):
            return "store '\(path)' does not exist"
        case .schemaTooNew(let found, let supported):
            return
                "store schema version \(found) is newer than this loanctl supports (\(supported))"
                + " — upgrade LoanLedger"
        case .sqlite(let code, let message, _):
            return "storage failure — SQLite error \(code): \(message)"
        case .postgres(let message):
            return "storage failure — PostgreSQL: \(message)"
        case .io(let message):
            return "storage failure — \(message)"
        }
    }
}
