import CommandLineKit
import Lending
import LoanLedger
import Projections

/// What a write command prints: the events it wrote (or, for a repeated request id or
/// repayment reference, the events of the first run) and the command's key figures.
///
/// Text:
/// ```
/// wrote 1 event for customer 'C-1'
/// POSITION  TYPE              EFFECTIVE
///        1  CreditLineOpened  2026-03-01
///
/// limit:  50000.00
/// ```
/// JSON: `{"customer", "duplicate", "events": [{position, type, effectiveDate}], …figures}`.
struct WriteReport {
    /// The library's answer.
    let outcome: CommandOutcome
    /// Key figures in display order: text label, JSON key, value.
    var figures: [(key: String, value: JSONValue)] = []
    /// Text shown after the figures (a schedule table); its JSON is added as a figure.
    var trailingText = ""
    /// Keys of figures that only the JSON shows, because ``trailingText`` shows them.
    private var jsonOnlyKeys: Set<String> = []

    init(_ outcome: CommandOutcome) {
        self.outcome = outcome
    }

    /// Adds a figure shown after the events.
    mutating func add(_ key: String, _ value: JSONValue) {
        figures.append((key, value))
    }

    /// Adds a figure that text shows as `text` after the other figures (a table).
    mutating func add(_ key: String, _ value: JSONValue, text: String) {
        figures.append((key, value))
        jsonOnlyKeys.insert(key)
        trailingText += "\n" + text
    }

    /// The output for both modes.
    var output: CommandOutput {
        CommandOutput(text: text, json: json)
    }

    private var eventsJSON: JSONValue {
        .array(outcome.events.map { event in
            .object([
                ("position", .integer(event.recorded.position)),
                ("type", .string(event.recorded.type)),
                ("effectiveDate", .string(event.recorded.effectiveDate)),
            ])
        })
    }

    private var json: JSONValue {
        .object([
            ("customer", .string(outcome.customer.rawValue)),
            ("duplicate", .bool(outcome.wasDuplicate)),
            ("events", eventsJSON),
        ] + figures)
    }

    private var text: String {
        let count = outcome.events.count
        let noun = count == 1 ? "event" : "events"
        var lines = outcome.wasDuplicate
            ? "already applied — nothing new written; the first run wrote \(count) \(noun)"
                + " for customer '\(outcome.customer)'\n"
            : "wrote \(count) \(noun) for customer '\(outcome.customer)'\n"
        var table = TextTable(columns: [
            .init("POSITION", alignment: .right), .init("TYPE"), .init("EFFECTIVE"),
        ])
        for event in outcome.events {
            table.append([String(event.recorded.position), event.recorded.type,
                          event.recorded.effectiveDate])
        }
        if count > 0 {
            lines += table.render()
        }
        let shown = figures.filter { !jsonOnlyKeys.contains($0.key) }
        if !shown.isEmpty {
            lines += "\n" + WriteReport.block(shown, indent: 0)
        }
        return lines + trailingText
    }

    /// Renders figures as `key: value` lines; nested objects are indented under their key.
    static func block(_ pairs: [(key: String, value: JSONValue)], indent: Int) -> String {
        var output = ""
        var block = KeyValueBlock(indent: indent)
        for (key, value) in pairs {
            if case .object(let members) = value {
                output += block.render()
                block = KeyValueBlock(indent: indent)
                output += String(repeating: " ", count: indent) + key + ":\n"
                output += WriteReport.block(members, indent: indent + 2)
            } else {
                block.append(key, scalarText(value))
            }
        }
        return output + block.render()
    }

    /// A scalar JSON value as text: strings bare, `null` as `-`.
    static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .null: return "-"
        case .bool(let flag): return Format.yesNo(flag)
        case .integer(let number): return String(number)
        case .string(let text): return text
        case .array(let items): return items.map(scalarText).joined(separator: ", ")
        case .object: return JSONWriter.write(value, pretty: false)
        }
    }
}
