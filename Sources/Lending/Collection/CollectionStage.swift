/// How far a loan has slipped, as the collection team sees it on one business day.
///
/// The stage is a pure function of the loan's days past due (DPD) and overdue amount on a day
/// (``CollectionPolicy/stage(dpd:overdueAmount:graceDays:)``), recomputed every day, so it goes
/// down as well as up. Stages are ordered from the mildest (``current``) to the most severe
/// (``late``); each stage allows the channels of the one before it and maybe more
/// (``CollectionPolicy/channels``). Encoded by its kebab-case raw value.
///
/// ```swift
/// CollectionStage.mid > CollectionStage.early  // true
/// try CollectionStage(parsing: "late")          // .late
/// ```
public enum CollectionStage: String, Sendable, Hashable, Codable, CaseIterable, Comparable,
    CodingKeyRepresentable, CustomStringConvertible
{
    /// Nothing past due (DPD 0): only reminders.
    case current
    /// Past due but within the contractual grace days (DPD 1 … grace).
    case grace
    /// Overdue, after grace and before mid (DPD grace+1 … 30, or … 15 for large debts).
    case early
    /// Overdue from DPD 31 (or 16 for large debts) to 90.
    case mid
    /// Overdue 91 days or more.
    case late

    /// 0 for ``current`` … 4 for ``late``: the severity used for ordering.
    public var severity: Int {
        switch self {
        case .current: return 0
        case .grace: return 1
        case .early: return 2
        case .mid: return 3
        case .late: return 4
        }
    }

    /// True when `lhs` is milder than `rhs` (``severity`` order).
    public static func < (lhs: CollectionStage, rhs: CollectionStage) -> Bool {
        lhs.severity < rhs.severity
    }

    /// The kebab-case name, e.g. `mid`.
    public var description: String { rawValue }

    /// Parses a stage name (`current`, `grace`, `early`, `mid`, `late`).
    ///
    /// - Parameters:
    ///   - text: The name as typed.
    ///   - field: The field named in the error, `stage` by default.
    /// - Throws: ``LendingError/invalidInput(field:value:rule:)`` naming `field` when `text` is
    ///   not a stage name.
    public init(parsing text: String, field: String = "stage") throws(LendingError) {
        guard let stage = CollectionStage(rawValue: text) else {
            throw .invalid(field, text, "must be current, grace, early, mid or late")
        }
        self = stage
    }
}
