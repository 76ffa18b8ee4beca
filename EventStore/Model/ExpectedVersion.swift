/// What a writer believes a stream's version to be (optimistic concurrency).
public enum ExpectedVersion: Sendable, Equatable, CustomStringConvertible {
    /// Append whatever the version is.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must be at exactly this version; `.exact(0)` means the same as
    /// ``noStream``.
    case exact(Int64)

    /// `any`, `no stream`, or the version number.
    public var description: String {
        switch self {
        case .any: return "any"
        case .noStream: return "no stream"
        case .exact(let version): return String(version)
        }
    }
}
