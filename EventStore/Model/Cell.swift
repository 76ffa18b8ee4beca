/// One value in a read-model row; the backend-neutral subset of SQL types we use.
public enum Cell: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case text(String)

    /// The integer, or nil for other cases.
    public var integer: Int64? { if case .integer(let v) = self { return v } else { return nil } }
    /// The text, or nil for other cases.
    public var text: String? { if case .text(let v) = self { return v } else { return nil } }
}

/// A read-model row: column name → value.
public typealias Row = [String: Cell]
