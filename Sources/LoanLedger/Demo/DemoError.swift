import Lending

/// Why the demo portfolio could not be built.
public enum DemoError: Error, CustomStringConvertible, Sendable {
    /// The store file exists and `force` was not given.
    case storeExists(path: String)
    /// The PostgreSQL store already holds events (a server's store is never emptied).
    case serverStoreNotEmpty(location: String)
    /// The existing store could not be removed before rebuilding it.
    case cannotRemove(path: String, detail: String)
    /// The ledger refused or failed a command the scenario expected to succeed: a bug in the
    /// scenario or in the domain, never hidden by bending the scenario.
    case commandFailed(step: String, error: LedgerError)
    /// The store could not be created or opened.
    case storage(path: String, detail: String)

    /// One line naming what went wrong and what to do.
    public var description: String {
        switch self {
        case .storeExists(let path):
            return "store '\(path)' already exists — the demo builds a new store; "
                + "pass --force to replace it"
        case .serverStoreNotEmpty(let location):
            return "store '\(location)' already holds events — the demo needs an empty "
                + "PostgreSQL database or schema"
        case .cannotRemove(let path, let detail):
            return "store '\(path)' could not be removed — \(detail)"
        case .commandFailed(let step, let error):
            return "demo step '\(step)' failed: \(error)"
        case .storage(let path, let detail):
            return "store '\(path)' could not be created — \(detail)"
        }
    }

    /// The ledger category a caller maps to an exit status (exists → refused).
    public var category: LedgerError.Category {
        switch self {
        case .storeExists, .serverStoreNotEmpty: return .refused
        case .cannotRemove, .storage: return .storage
        case .commandFailed(_, let error): return error.category
        }
    }
}
