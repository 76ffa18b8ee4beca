/// A JSON document as a value, with object keys in a fixed order and integers only.
///
/// There is no floating-point case on purpose: amounts travel as strings (`"899.75"`) and
/// counts as integers, so no value can be rounded on its way out (CLI.md, `--json`). Objects keep
/// their keys in the order given, which makes ``JSONWriter`` output stable byte for byte.
/// Literals build values directly; a dictionary literal keeps its order:
///
/// ```swift
/// let loan: JSONValue = ["loan": "L-7", "amount": "899.75", "term": 12, "restructured": false]
/// ```
public indirect enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer that fits in 64 bits.
    case integer(Int64)
    /// A string of Unicode scalars.
    case string(String)
    /// An ordered list.
    case array([JSONValue])
    /// Members in the order given; ``JSONParser`` never produces a repeated key.
    case object([(String, JSONValue)])

    /// Structural equality; objects compare member by member, in order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(left), .bool(right)): return left == right
        case let (.integer(left), .integer(right)): return left == right
        case let (.string(left), .string(right)): return left == right
        case let (.array(left), .array(right)): return left == right
        case let (.object(left), .object(right)):
            return left.count == right.count
                && zip(left, right).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value of member `key` of an object; `nil` for a missing key or a non-object.
    ///
    /// - Complexity: O(*n*) in the number of members.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The string of a `.string`, else `nil`.
    public var stringValue: String? {
        guard case let .string(value) = self else { return nil }
        return value
    }

    /// The integer of an `.integer`, else `nil`.
    public var integerValue: Int64? {
        guard case let .integer(value) = self else { return nil }
        return value
    }

    /// The Boolean of a `.bool`, else `nil`.
    public var boolValue: Bool? {
        guard case let .bool(value) = self else { return nil }
        return value
    }

    /// The elements of an `.array`, else `nil`.
    public var arrayValue: [JSONValue]? {
        guard case let .array(value) = self else { return nil }
        return value
    }

    /// The members of an `.object`, in order, else `nil`.
    public var objectValue: [(String, JSONValue)]? {
        guard case let .object(value) = self else { return nil }
        return value
    }
}
