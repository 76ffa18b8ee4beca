extension Identifier: CodingKeyRepresentable {
    /// Dictionaries keyed by identifiers encode as JSON objects (sorted with `.sortedKeys`).
    public var codingKey: any CodingKey { IdentifierCodingKey(stringValue: rawValue) }

    public init?<T: CodingKey>(codingKey: T) {
        guard Identifier.isValid(codingKey.stringValue) else { return nil }
        rawValue = codingKey.stringValue
    }
}

extension BusinessDate: CodingKeyRepresentable {
    /// Dictionaries keyed by dates encode as JSON objects keyed `YYYY-MM-DD`.
    public var codingKey: any CodingKey { IdentifierCodingKey(stringValue: description) }

    public init?<T: CodingKey>(codingKey: T) {
        guard let date = try? BusinessDate(parsing: codingKey.stringValue, field: "key") else {
            return nil
        }
        self = date
    }
}

/// A plain string coding key.
struct IdentifierCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
