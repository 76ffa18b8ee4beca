/// Lines of `key: value` with the values aligned, for showing one record as text.
///
/// Keys are padded after their colon to the widest key, counted in Unicode scalars; an empty
/// value leaves no trailing space; control characters in values are shown as spaces.
///
/// ```swift
/// var block = KeyValueBlock()
/// block.append("loan", "L-7")
/// block.append("outstanding", "899.75")
/// print(block.render(), terminator: "")
/// // loan:        L-7
/// // outstanding: 899.75
/// ```
public struct KeyValueBlock: Sendable, Equatable {
    /// The pairs appended so far, in order.
    public private(set) var pairs: [(key: String, value: String)] = []
    /// Spaces before each key, for nesting a block under a heading.
    public let indent: Int

    /// Creates an empty block.
    ///
    /// - Parameter indent: Spaces before each key; 0 by default.
    public init(indent: Int = 0) {
        precondition(indent >= 0, "indent must not be negative")
        self.indent = indent
    }

    /// Appends a line.
    ///
    /// - Parameters:
    ///   - key: The label, without the colon.
    ///   - value: The value as text.
    public mutating func append(_ key: String, _ value: String) {
        pairs.append((TextTable.singleLine(key), TextTable.singleLine(value)))
    }

    /// The block as text, each line ending with a newline.
    ///
    /// - Returns: The rendered lines; empty when nothing was appended.
    public func render() -> String {
        let width = (pairs.map { $0.key.unicodeScalars.count }.max() ?? 0) + 1
        let prefix = String(repeating: " ", count: indent)
        return pairs.map { pair in
            let label = TextWrapper.padded(pair.key + ":", to: width)
            return TextTable.trimmingTrailingSpaces(prefix + label + " " + pair.value) + "\n"
        }.joined()
    }

    /// Pairs compare in order, key and value.
    public static func == (lhs: KeyValueBlock, rhs: KeyValueBlock) -> Bool {
        lhs.indent == rhs.indent && lhs.pairs.elementsEqual(rhs.pairs) { $0 == $1 }
    }
}
