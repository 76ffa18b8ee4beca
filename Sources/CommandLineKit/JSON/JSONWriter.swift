/// Writes a ``JSONValue`` as stable bytes.
///
/// The same value always gives the same text: members in their given order, no insignificant
/// whitespace in the compact form, and strings escaped as RFC 8785 (JSON canonicalization)
/// does: `\"`, `\\`, the short escapes `\b \f \n \r \t`, `\u00xx` in lower-case hex for the
/// other control characters U+0000–U+001F, and everything else, `/` and non-ASCII included,
/// as itself in UTF-8. The pretty form indents by two spaces and separates keys with `": "`;
/// empty containers are `[]` and `{}`. Both forms end with a newline, so the compact form is one
/// JSON Lines record.
///
/// ```swift
/// print(JSONWriter.write(["loan": "L-7", "amount": "899.75"], pretty: true), terminator: "")
/// ```
public enum JSONWriter {
    /// Writes `value` as JSON text ending with a newline.
    ///
    /// Recursive in the depth of `value`: values come from the program or from ``JSONParser``,
    /// which bounds depth by ``JSONParser/depthMax``.
    ///
    /// - Parameters:
    ///   - value: The document.
    ///   - pretty: Whether to indent (two spaces per level) rather than write one line.
    /// - Returns: The JSON text followed by `\n`.
    public static func write(_ value: JSONValue, pretty: Bool) -> String {
        var output = ""
        append(value, to: &output, indent: pretty ? 0 : nil)
        output += "\n"
        return output
    }

    /// Appends `value`; `indent` is the current depth in pretty mode, `nil` in compact mode.
    private static func append(_ value: JSONValue, to output: inout String, indent: Int?) {
        switch value {
        case .null: output += "null"
        case let .bool(flag): output += flag ? "true" : "false"
        case let .integer(number): output += String(number)
        case let .string(text): appendString(text, to: &output)
        case let .array(elements):
            appendContainer(elements, open: "[", close: "]", to: &output, indent: indent) {
                element, output, inner in append(element, to: &output, indent: inner)
            }
        case let .object(members):
            appendContainer(members, open: "{", close: "}", to: &output, indent: indent) {
                member, output, inner in
                appendString(member.0, to: &output)
                output += inner == nil ? ":" : ": "
                append(member.1, to: &output, indent: inner)
            }
        }
    }

    private static func appendContainer<Element>(
        _ elements: [Element], open: String, close: String, to output: inout String,
        indent: Int?, appendElement: (Element, inout String, Int?) -> Void
    ) {
        output += open
        guard !elements.isEmpty else {
            output += close
            return
        }
        let inner = indent.map { $0 + 1 }
        for (offset, element) in elements.enumerated() {
            if offset > 0 {
                output += ","
            }
            if let inner {
                output += "\n" + String(repeating: "  ", count: inner)
            }
            appendElement(element, &output, inner)
        }
        if let indent {
            output += "\n" + String(repeating: "  ", count: indent)
        }
        output += close
    }

    private static let hexDigits = Array("0123456789abcdef".unicodeScalars)

    /// Appends `text` quoted and escaped (RFC 8259 section 7, RFC 8785 section 3.2.2.2).
    static func appendString(_ text: String, to output: inout String) {
        var scalars = String.UnicodeScalarView()
        scalars.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": scalars.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": scalars.append(contentsOf: "\\\\".unicodeScalars)
            case "\u{08}": scalars.append(contentsOf: "\\b".unicodeScalars)
            case "\u{0C}": scalars.append(contentsOf: "\\f".unicodeScalars)
            case "\n": scalars.append(contentsOf: "\\n".unicodeScalars)
            case "\r": scalars.append(contentsOf: "\\r".unicodeScalars)
            case "\t": scalars.append(contentsOf: "\\t".unicodeScalars)
            case "\u{00}"..."\u{1F}":
                scalars.append(contentsOf: "\\u00".unicodeScalars)
                scalars.append(hexDigits[Int(scalar.value >> 4)])
                scalars.append(hexDigits[Int(scalar.value & 0xF)])
            default: scalars.append(scalar)
            }
        }
        scalars.append("\"")
        output += String(scalars)
    }
}
