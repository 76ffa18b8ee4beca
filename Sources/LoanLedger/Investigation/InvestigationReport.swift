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
        out += story.summary.map { "- " + $0 }
        out += ["", "Contract"] + contractLines(story.contract).map { "  " + $0 }
        out += ["", "Events in business order (* recorded after the close of the day it concerns)"]
        out += eventLines(story.entries)
        out += ["", "Collection actions"]
        out += story.collectionActions.isEmpty
            ? ["  none"]
            : story.collectionActions.map { "  \($0.effectiveDate)  " + $0.sentence }
        out += ["", "What we knew then vs what we know now"]
        out += differenceLines(story)
        return out.map(trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    static func contractLines(_ c: Investigation.ContractSummary) -> [String] {
        [
            "principal     \(c.principal)",
            "disbursed on  \(c.disbursedOn)",
            "method        \(c.method), \(c.termMonths) monthly installments",
            "daily rate    \(c.dailyRate) (grace \(c.graceDays) days)",
            "due dates     \(c.firstDueDate) … \(c.lastDueDate)",
        ]
    }

    private static func eventLines(_ entries: [Investigation.Entry]) -> [String] {
        let header = "  " + row(["effective", "recorded (Asia/Shanghai)", "type", "by"],
                                widths: [11, 26, 25, 17])
            + balanceHeader("now") + "  " + balanceHeader("then")
        var lines = [header]
        for entry in entries {
            let mark = entry.isBackdated ? "*" : " "
            let then = entry.knownThen == entry.knownNow
                ? "(same)" : balanceText(entry.knownThen)
            lines.append(mark + " " + row([
                entry.effectiveDate.description, entry.recordedAtText, entry.type,
                entry.actor,
            ], widths: [11, 26, 25, 17]) + balanceText(entry.knownNow) + "  " + then)
            lines.append("      " + entry.sentence)
            if let reason = entry.reason, !reason.isEmpty {
                lines.append("      reason: " + reason)
            }
        }
        return lines
    }

    private static func balanceHeader(_ side: String) -> String {
        row(["principal \(side)", "interest", "penalty", "dpd"], widths: [14, 10, 9, 4],
            right: true)
    }

    private static func balanceText(_ b: Investigation.Balance) -> String {
        row([b.outstandingPrincipal.description, b.interestDue.description,
             b.penaltyDue.description, String(b.dpd)], widths: [14, 10, 9, 4], right: true)
    }

    private static func differenceLines(_ story: Investigation) -> [String] {
        guard !story.differences.isEmpty else {
            return ["  no difference: every closed day looks the same then and now"]
        }
        var lines: [String] = []
        for run in story.differences {
            let span = run.from == run.through ? "\(run.from)" : "\(run.from) – \(run.through)"
            lines.append("  \(span): \(run.fields.joined(separator: ", ")) differ")
            let widths = [11, 9, 4, 11, 8, 13, 9, 15, 10, 18, 18]
            lines.append("    " + row(["date", "dpd then", "now", "stage then", "now",
                                       "penalty then", "now", "principal then", "now",
                                       "line then", "now"], widths: widths))
            for day in run.days {
                let t = day.knownThen, n = day.knownNow
                lines.append("    " + row([
                    day.date.description, String(t.dpd), String(n.dpd), t.stage, n.stage,
                    t.penaltyAccrued.description, n.penaltyAccrued.description,
                    t.outstandingPrincipal.description, n.outstandingPrincipal.description,
                    t.line, n.line,
                ], widths: widths))
            }
            lines.append(run.explanations.isEmpty
                ? "    explained by: no later money fact (operational record only)"
                : "    explained by:")
            for fact in run.explanations {
                lines.append("      #\(fact.position) \(fact.type) effective "
                             + "\(fact.effectiveDate), recorded \(fact.recordedAtText): "
                             + fact.sentence)
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
