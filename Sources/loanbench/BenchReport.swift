import Foundation

/// Everything one run measured, printed as a table or as one JSON document.
struct BenchReport {
    var mode: String
    var results: [BenchResult] = []
    /// Facts about the run and the data (sizes, counts), as (key, value) in print order.
    var facts: [(String, String)] = []

    mutating func fact(_ key: String, _ value: some CustomStringConvertible) {
        facts.append((key, value.description))
    }

    // MARK: - Table

    func table() -> String {
        var lines = ["loanbench (\(mode))", ""]
        for (key, value) in facts { lines.append("  \(key): \(value)") }
        lines.append("")
        let header = ["benchmark", "figure", "spread (min–max)", "unit", "baseline", "ratio",
                      "target", "met"]
        var rows = [header]
        for result in results {
            let target = result.target.map {
                result.targetIsUpperBoundOnFigure ? "≤ \(BenchReport.number($0))"
                                                  : "≥ \(BenchReport.number($0))×"
            } ?? ""
            rows.append([
                result.key, BenchReport.number(result.median),
                "\(BenchReport.number(result.min))–\(BenchReport.number(result.max))",
                result.unit, result.baseline.map(BenchReport.number) ?? "",
                result.ratio.map { String(format: $0 < 0.01 ? "%.5f" : "%.2f", $0) } ?? "",
                target,
                result.targetMet.map { $0 ? "yes" : "NO" } ?? "",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            lines.append(row.indices.map { column in
                column == 0 || column == 3
                    ? row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - row[column].count)
                        + row[column]
            }.joined(separator: "  "))
        }
        lines.append("")
        for result in results {
            var parts: [String] = []
            if let label = result.baselineLabel { parts.append("baseline: \(label)") }
            if let note = result.note { parts.append(note) }
            if !parts.isEmpty {
                lines.append("  \(result.key): \(result.label); \(parts.joined(separator: "; "))")
            } else {
                lines.append("  \(result.key): \(result.label)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Three significant figures, grouped thousands, no exponent.
    static func number(_ value: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) >= 100 {
            let rounded = Int64(value.rounded())
            let text = String(rounded)
            var grouped = ""
            for (index, character) in text.reversed().enumerated() {
                if index > 0, index % 3 == 0, character != "-" { grouped.append(",") }
                grouped.append(character)
            }
            return String(grouped.reversed())
        }
        if abs(value) >= 10 { return String(format: "%.1f", value) }
        if abs(value) >= 1 { return String(format: "%.2f", value) }
        return String(format: "%.3g", value)
    }

    // MARK: - JSON

    /// One JSON object with flat, ordered keys: `<benchmark>.median`, `.min`, `.max`, `.unit`,
    /// `.repetitions`, `.baseline`, `.ratio`, `.target`, `.met`, plus `facts.<name>`.
    func json() -> String {
        var members: [(String, String)] = [("mode", BenchReport.quoted(mode))]
        for (key, value) in facts {
            // Counts stay JSON numbers; anything else is a string.
            let json = Int64(value) != nil ? value : BenchReport.quoted(value)
            members.append(("facts.\(key)", json))
        }
        for result in results {
            let key = result.key
            members.append(("\(key).label", BenchReport.quoted(result.label)))
            members.append(("\(key).median", BenchReport.jsonNumber(result.median)))
            members.append(("\(key).min", BenchReport.jsonNumber(result.min)))
            members.append(("\(key).max", BenchReport.jsonNumber(result.max)))
            members.append(("\(key).unit", BenchReport.quoted(result.unit)))
            members.append(("\(key).repetitions", String(result.repetitions)))
            if let baseline = result.baseline {
                members.append(("\(key).baseline", BenchReport.jsonNumber(baseline)))
                members.append(("\(key).baseline_label",
                                BenchReport.quoted(result.baselineLabel ?? "")))
            }
            if let ratio = result.ratio {
                members.append(("\(key).ratio", BenchReport.jsonNumber(ratio)))
            }
            if let target = result.target {
                members.append(("\(key).target", BenchReport.jsonNumber(target)))
                let applies = result.targetIsUpperBoundOnFigure
                    ? "figure (upper bound)" : "ratio (lower bound)"
                members.append(("\(key).target_applies_to", BenchReport.quoted(applies)))
            }
            if let met = result.targetMet { members.append(("\(key).met", met ? "true" : "false")) }
            if let note = result.note { members.append(("\(key).note", BenchReport.quoted(note))) }
        }
        let body = members.map { "  \(BenchReport.quoted($0.0)): \($0.1)" }
            .joined(separator: ",\n")
        return "{\n\(body)\n}"
    }

    static func jsonNumber(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return String(format: "%.6g", value)
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
