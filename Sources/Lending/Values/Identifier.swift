/// What an identifier names; gives the field name used in errors.
public protocol IdentifierKind: Sendable {
    /// The field name in messages, e.g. `customer`.
    static var fieldName: String { get }
}

/// A validated identifier: 1–64 characters of `A-Z a-z 0-9 - _ . :`.
///
/// The phantom `Kind` keeps a loan id from being passed where a customer id is expected.
public struct Identifier<Kind: IdentifierKind>: Sendable, Hashable, Comparable, Codable,
    CustomStringConvertible
{
    /// The identifier as given.
    public let rawValue: String

    /// The longest identifier accepted.
    public static var lengthMax: Int { 64 }

    /// Validates `text`.
    /// - Throws: ``LendingError/invalidInput(field:value:rule:)`` naming the kind's field.
    public init(_ text: String) throws(LendingError) {
        guard Identifier.isValid(text) else {
            throw .invalid(Kind.fieldName, text, "must be 1-64 characters of A-Z a-z 0-9 - _ . :")
        }
        rawValue = text
    }

    /// Creates an identifier known to be valid (decoded events, tests).
    /// - Precondition: `text` is valid.
    public init(validated text: String) {
        precondition(Identifier.isValid(text), "invalid identifier")
        rawValue = text
    }

    /// True when `text` has the identifier shape.
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= lengthMax else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."), UInt8(ascii: ":"):
                return true
            default:
                return false
            }
        }
    }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try Identifier(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Customers.
public enum CustomerKind: IdentifierKind { public static let fieldName = "customer" }
/// Loans (unique across all customers).
public enum LoanKind: IdentifierKind { public static let fieldName = "loan" }
/// Repayment and refund references (unique across all loans).
public enum ReferenceKind: IdentifierKind { public static let fieldName = "ref" }
/// People and systems that cause events.
public enum ActorKind: IdentifierKind { public static let fieldName = "actor" }

/// A customer id, e.g. `C-1001`.
public typealias CustomerID = Identifier<CustomerKind>
/// A loan id, e.g. `L-7`.
public typealias LoanID = Identifier<LoanKind>
/// A repayment or refund reference, e.g. `PAY-20260305-1`.
public typealias PaymentReference = Identifier<ReferenceKind>
/// An actor name, e.g. `ops.wang` or `system:eod`.
public typealias ActorID = Identifier<ActorKind>
