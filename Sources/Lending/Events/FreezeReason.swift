/// Why a credit line is frozen. The line is frozen while its set of reasons is not empty.
public enum FreezeReason: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Added when any loan becomes overdue, removed when all are cured.
    case overdue
    /// Frozen and unfrozen by hand, with a reason.
    case manual
    /// Added by a restructure, removed when that loan closes.
    case restructured

    public static func < (lhs: FreezeReason, rhs: FreezeReason) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
