/// One value in a read-model row; the backend-neutral subset of SQL types we use.
public enum Cell: Sendable, Equatable, Hashable {
    /// SQL NULL: an absent value.
    case null
    /// A 64-bit integer (amounts in fen, counts, positions).
    case integer(Int64)
    /// UTF-8 text (ids, dates, enum names).
    case text(String)

    /// The integer, or nil for other cases.
    public var integer: Int64? { if case .integer(let v) = self { return v } else { return nil } }
    /// The text, or nil for other cases.
    public var text: String? { if case .text(let v) = self { return v } else { return nil } }
}

/// A read-model row: column name → value.
public typealias Row = [String: Cell]
