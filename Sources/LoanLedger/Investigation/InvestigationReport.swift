import Lending

/// Renders an ``Investigation`` for people: aligned text for a terminal, or one
/// self-contained HTML page (see ``html(_:)``).
public enum InvestigationReport {
    /// The story as aligned, readable text: summary, contract, events in business order with
    /// the balance after each (as known now, and as known then when it differs), collection
    /// actions, and the days where what we knew then differs from what we know now.
    ///
    /// ```swift
    /// print(InvestigationReport.text(try ledger.investigate(loan)))
    /// ```
    /// - Complexity: O(entries + differing days).
    public static func text(_ story: Investigation) -> String {
        var out: [String] = []
        let title = "Investigation of loan \(story.loan) (customer \(story.customer))"
        out += [title, String(repeating: "=", count: title.count), ""]
        out += story.summary.flatMap { wrap($0, first: "- ", rest: "  ") }
        out += ["", "Contract"] + contractLines(story.contract).map { "  " + $0 }
        out += ["", "Events in business order (times in Asia/Shanghai; * recorded after the "
                + "close of the day it concerns)"]
        out += eventLines(story.entries)
        out += ["", "Collection actions"]
        out += story.collectionActions.isEmpty
            ? ["  none"]
            : story.collectionActions.flatMap {
                wrap($0.sentence, first: "  \($0.effectiveDate)  ", rest: String(repeating: " ",
                                                                               count: 14))
            }
        out += ["", "What we knew then vs what we know now"]
        out += differenceLines(story)
        return out.map(trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    /// The width text wraps at (tables may be wider).
    static let lineWidth = 100

    static func contractLines(_ c: Investigation.ContractSummary) -> [String] {
        [
            "principal     \(c.principal)",
            "disbursed on  \(c.disbursedOn)",
            "method        \(c.method), \(c.termMonths) monthly installments",
            "daily rate    \(c.dailyRate) (grace \(c.graceDays) days)",
            "due dates     \(c.firstDueDate) … \(c.lastDueDate)",
        ]
    }

    private static let eventWidths = [11, 17, 25, 17]
    private static let balanceWidths = [11, 9, 8, 4]

    private static func eventLines(_ entries: [Investigation.Entry]) -> [String] {
        let header = "  " + row(["effective", "recorded", "event", "by"], widths: eventWidths)
            + row(["principal", "interest", "penalty", "dpd"], widths: balanceWidths,
                  right: true)
        var lines = [header]
        let indent = String(repeating: " ", count: 14)
        for entry in entries {
            let mark = entry.isBackdated ? "*" : " "
            // `2026-02-09T10:30:00+08:00` → `2026-02-09 10:30`: the header names the zone.
            let recorded = entry.recordedAtText.prefix(16).replacingOccurrences(of: "T",
                                                                               with: " ")
            lines.append(mark + " " + row([
                entry.effectiveDate.description, recorded, entry.type, entry.actor,
            ], widths: eventWidths) + balanceText(entry.knownNow))
            lines += wrap(entry.sentence, first: indent, rest: indent)
            // End of day's reason only repeats the date: left out.
            if let reason = entry.reason, !reason.isEmpty,
                entry.actor != Ledger.endOfDayActor.rawValue
            {
                lines += wrap("reason: " + reason, first: indent, rest: indent + "  ")
            }
            if entry.knownThen != entry.knownNow {
                let t = entry.knownThen
                lines.append(indent + "as known then: principal \(t.outstandingPrincipal), "
                             + "interest \(t.interestDue), penalty \(t.penaltyDue), DPD \(t.dpd)")
            }
        }
        return lines
    }

    private static func balanceText(_ b: Investigation.Balance) -> String {
        row([b.outstandingPrincipal.description, b.interestDue.description,
             b.penaltyDue.description, String(b.dpd)], widths: balanceWidths, right: true)
    }

    /// Words of `text` in lines of at most ``lineWidth`` columns (a longer word stands alone).
    static func wrap(_ text: String, first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first
        var isEmpty = true
        for word in text.split(separator: " ") {
            if !isEmpty, line.count + 1 + word.count > lineWidth {
                lines.append(line)
                line = rest
                isEmpty = true
            }
            line += (isEmpty ? "" : " ") + word
            isEmpty = false
        }
        lines.append(line)
        return lines
    }

    private static func differenceLines(_ story: Investigation) -> [String] {
        guard !story.differences.isEmpty else {
            return ["  no difference: every closed day looks the same then and now"]
        }
        var lines: [String] = []
        for run in story.differences {
            let span = run.from == run.through ? "\(run.from)" : "\(run.from) – \(run.through)"
            lines.append("  \(span): \(run.fields.joined(separator: ", ")) differ")
            let widths = [10, 9, 18, 16, 22]
            lines.append("    " + row(["date", "dpd", "stage", "penalty", "principal", "line"],
                                      widths: widths) + "   (each: then → now)")
            for day in run.days {
                let t = day.knownThen, n = day.knownNow
                lines.append("    " + row([
                    day.date.description, "\(t.dpd) → \(n.dpd)", "\(t.stage) → \(n.stage)",
                    "\(t.penaltyAccrued) → \(n.penaltyAccrued)",
                    "\(t.outstandingPrincipal) → \(n.outstandingPrincipal)",
                    "\(t.line) → \(n.line)",
                ], widths: widths))
            }
            lines.append(run.explanations.isEmpty
                ? "    explained by: no later money fact (operational record only)"
                : "    explained by:")
            for fact in run.explanations {
                lines += wrap("#\(fact.position) \(fact.type) effective \(fact.effectiveDate), "
                              + "recorded \(fact.recordedAtText): " + fact.sentence,
                              first: "      ", rest: "        ")
            }
        }
        return lines
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line = line.dropLast() }
        return String(line)
    }

    /// Cells padded to their widths (left-aligned, or right-aligned for numbers), one space
    /// between cells; a cell longer than its width pushes the rest right rather than being cut.
    static func row(_ cells: [String], widths: [Int], right: Bool = false) -> String {
        var out = ""
        for (index, cell) in cells.enumerated() {
            let width = index < widths.count ? widths[index] : cell.count
            let padding = String(repeating: " ", count: Swift.max(0, width - cell.count))
            out += right ? padding + cell : cell + padding
            if index < cells.count - 1 || right { out += " " }
        }
        return right ? String(out.dropLast()) : out
    }
}
