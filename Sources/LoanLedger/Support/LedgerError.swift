import EventStore
import Lending
import Projections

/// Every failure a ``Ledger`` reports, with the category a caller maps to an exit status.
public enum LedgerError: Error, CustomStringConvertible, Sendable {
    /// The domain refused or found bad input (its category says which).
    case lending(LendingError)
    /// The store failed or refused.
    case store(EventStoreError)
    /// Someone else appended first, even after retries.
    case conflict(String)
    /// Verification found a mismatch.
    case verificationFailed(String)
    /// A malformed value given to a ledger operation (e.g. a `--known-at`).
    case invalidInput(field: String, value: String, rule: String)
    /// Something named does not exist.
    case notFound(entity: String, id: String)
    /// A stored event cannot be read back, or an invariant broke: a bug or corruption.
    case internalFailure(String)

    /// How a caller should treat the failure (the CLI's exit-code table).
    public enum Category: Sendable, Equatable {
        case usage, refused, notFound, storage, conflict, bug
    }

    public var category: Category {
        switch self {
        case .lending(let error):
            switch error.category {
            case .usage: return .usage
            case .refused: return .refused
            case .notFound: return .notFound
            case .bug: return .bug
            }
        case .store(let error): return LedgerError.category(of: error)
        case .conflict: return .conflict
        case .verificationFailed: return .refused
        case .invalidInput: return .usage
        case .notFound: return .notFound
        case .internalFailure: return .bug
        }
    }

    static func category(of error: EventStoreError) -> Category {
        if error.isRetryable { return .conflict }
        switch error {
        case .versionConflict: return .conflict
        case .idempotencyViolation, .uniqueKeyTaken: return .refused
        case .invalidInput: return .usage
        case .storeNotEmpty, .restoreRejected: return .refused
        case .notAStore, .storeMissing: return .notFound
        case .schemaTooNew, .sqlite, .postgres, .io: return .storage
        }
    }

    public var description: String {
        switch self {
        case .lending(let error): return error.description
        case .store(let error): return error.description
        case .conflict(let what): return "\(what) — someone else appended first; retry"
        case .verificationFailed(let what): return what
        case .invalidInput(let field, let value, let rule): return "\(field) '\(value)' — \(rule)"
        case .notFound(let entity, let id): return "\(entity) '\(id)' not found"
        case .internalFailure(let what):
            return "internal error: \(what) — please report this bug"
        }
    }

    /// Wraps any error thrown below the ledger.
    static func wrap(_ error: any Error) -> LedgerError {
        switch error {
        case let error as LedgerError: return error
        case let error as LendingError: return .lending(error)
        case let error as EventStoreError: return .store(error)
        case let error as EventCodec.DecodingError: return .internalFailure(error.description)
        default: return .internalFailure(String(describing: error))
        }
    }
}
