import Lending

extension InvestigationReport {
    /// The story as one self-contained HTML page: no scripts, fonts, styles or images fetched
    /// from anywhere; readable when printed. It holds the summary, the contract, an inline SVG
    /// chart of outstanding principal and DPD per closed day (as known then: orange dashed; as
    /// known now: blue solid; with a legend), the events table, the collection actions and
    /// the differences between then and now. Every text is escaped.
    ///
    /// ```swift
    /// try InvestigationReport.html(story).write(toFile: "L-7.html", atomically: true,
    ///                                           encoding: .utf8)
    /// ```
    /// - Complexity: O(entries + timeline days).
    public static func html(_ story: Investigation) -> String {
        let title = "Investigation of loan \(story.loan) (customer \(story.customer))"
        var out = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<title>\(HTML.escape(title))</title>", "<style>", HTML.styles, "</style>",
            "</head>", "<body>", "<h1>\(HTML.escape(title))</h1>",
            "<section>", "<h2>Summary</h2>", "<ul>",
        ]
        out += story.summary.map { "<li>\(HTML.escape($0))</li>" }
        out += ["</ul>", "</section>", "<section>", "<h2>Contract</h2>", "<table class=\"kv\">",
                "<tbody>"]
        out += contractLines(story.contract).map { line in
            let key = String(line.prefix(14)).trimmingSpaces
            let value = String(line.dropFirst(14))
            return "<tr><th>\(HTML.escape(key))</th><td>\(HTML.escape(value))</td></tr>"
        }
        out += ["</tbody>", "</table>", "</section>",
                "<section class=\"chart\">", "<h2>Balance and days past due over time</h2>",
                InvestigationChart.svg(story.timeline, loan: story.loan, id: "chart-all"),
                "</section>"]
        out += closeUp(story)
        out += eventsTable(story.entries)
        out += collectionSection(story.collectionActions)
        out += differencesSection(story.differences)
        out += ["<footer>", "<p>From the log up to position \(story.headPosition)"
                    + (story.lastClosedDay.map { "; last closed business day \($0)" } ?? "")
                    + ". Rows marked as recorded late were recorded after the close of the day "
                    + "they concern.</p>", "</footer>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    /// The chart again over the days around the differences, where a year-wide chart shows
    /// only a sliver.
    private static func closeUp(_ story: Investigation) -> [String] {
        guard let first = story.differences.first else { return [] }
        let margin: Int64 = 7
        let last = story.differences.last { $0.from.days(until: first.from) > -120 } ?? first
        let from = first.from.adding(days: -margin)
        let through = last.through.adding(days: margin)
        let window = story.timeline.filter { $0.date >= from && $0.date <= through }
        guard window.count < story.timeline.count else { return [] }
        return ["<section class=\"chart\">",
                "<h2>Close-up: \(from) – \(through)</h2>",
                InvestigationChart.svg(window, loan: story.loan, id: "chart-close-up"),
                "</section>"]
    }

    private static func eventsTable(_ entries: [Investigation.Entry]) -> [String] {
        var out = [
            "<section>", "<h2>Events in business order</h2>", "<table>", "<thead>",
            "<tr><th>Effective</th><th>Recorded (Asia/Shanghai)</th><th>Event</th><th>By</th>"
                + "<th>What happened</th><th class=\"num\">Principal</th>"
                + "<th class=\"num\">Interest due</th><th class=\"num\">Penalty due</th>"
                + "<th class=\"num\">DPD</th><th>As known then</th></tr>",
            "</thead>", "<tbody>",
        ]
        for entry in entries {
            let now = entry.knownNow, then = entry.knownThen
            let thenText = then == now
                ? "same"
                : "principal \(then.outstandingPrincipal), interest \(then.interestDue), "
                    + "penalty \(then.penaltyDue), DPD \(then.dpd)"
            let late = entry.isBackdated ? " <strong>(recorded late)</strong>" : ""
            let reason = entry.reason.map { "<br><em>Reason: \(HTML.escape($0))</em>" } ?? ""
            out.append("<tr\(entry.isBackdated ? " class=\"late\"" : "")>"
                + "<td class=\"date\">" + entry.effectiveDate.description + "</td><td>"
                + HTML.escape(entry.recordedAtText) + late + "</td>" + cell(entry.type)
                + cell(entry.actor) + "<td>" + HTML.escape(entry.sentence) + reason + "</td>"
                + number(now.outstandingPrincipal.description)
                + number(now.interestDue.description) + number(now.penaltyDue.description)
                + number(String(now.dpd)) + cell(thenText) + "</tr>")
        }
        out += ["</tbody>", "</table>", "</section>"]
        return out
    }

    private static func collectionSection(_ actions: [Investigation.Entry]) -> [String] {
        var out = ["<section>", "<h2>Collection actions</h2>"]
        guard !actions.isEmpty else { return out + ["<p>None.</p>", "</section>"] }
        out.append("<ul>")
        out += actions.map { "<li>\(HTML.escape($0.sentence))</li>" }
        return out + ["</ul>", "</section>"]
    }

    private static func differencesSection(_ runs: [Investigation.DifferenceRun]) -> [String] {
        var out = ["<section>", "<h2>What we knew then vs what we know now</h2>"]
        guard !runs.isEmpty else {
            return out + ["<p>No difference: every closed day looks the same then and now.</p>",
                          "</section>"]
        }
        for run in runs {
            let span = run.from == run.through ? "\(run.from)" : "\(run.from) – \(run.through)"
            out += ["<h3>\(HTML.escape(span)): \(HTML.escape(run.fields.joined(separator: ", ")))"
                        + " differ</h3>", "<table>", "<thead>",
                    "<tr><th>Date</th><th class=\"num\">DPD then</th><th class=\"num\">DPD now"
                        + "</th><th>Stage then</th><th>Stage now</th><th class=\"num\">Penalty "
                        + "then</th><th class=\"num\">Penalty now</th><th class=\"num\">"
                        + "Principal then</th><th class=\"num\">Principal now</th>"
                        + "<th>Line then</th>"
                        + "<th>Line now</th></tr>", "</thead>", "<tbody>"]
            for day in run.days {
                let t = day.knownThen, n = day.knownNow
                out.append("<tr><td class=\"date\">\(day.date)</td>" + number(String(t.dpd))
                    + number(String(n.dpd)) + cell(t.stage) + cell(n.stage)
                    + number(t.penaltyAccrued.description) + number(n.penaltyAccrued.description)
                    + number(t.outstandingPrincipal.description)
                    + number(n.outstandingPrincipal.description)
                    + cell(t.line) + cell(n.line) + "</tr>")
            }
            out += ["</tbody>", "</table>"]
            out.append(run.explanations.isEmpty
                ? "<p>Explained by no later money fact: the difference is in the operational "
                    + "record only.</p>"
                : "<p>Explained by:</p>")
            if !run.explanations.isEmpty {
                out.append("<ul>")
                out += run.explanations.map {
                    "<li>#\($0.position) \(HTML.escape($0.type)), effective \($0.effectiveDate), "
                        + "recorded \(HTML.escape($0.recordedAtText)): \(HTML.escape($0.sentence))"
                        + "</li>"
                }
                out.append("</ul>")
            }
        }
        return out + ["</section>"]
    }

    private static func cell(_ text: String) -> String { "<td>\(HTML.escape(text))</td>" }
    private static func number(_ text: String) -> String {
        "<td class=\"num\">\(HTML.escape(text))</td>"
    }
}

/// HTML escaping and the page's inline styles.
enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// System fonts only: nothing is fetched. Print rules keep rows and the chart whole.
    static let styles = """
        body { font-family: system-ui, sans-serif; margin: 24px; color: #212529; }
        h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
        h3 { font-size: 1em; }
        table { border-collapse: collapse; width: 100%; font-size: 12px; }
        th, td { border-bottom: 1px solid #dee2e6; padding: 3px 6px; text-align: left;
                 vertical-align: top; }
        th { background: #f1f3f5; }
        .date { white-space: nowrap; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.kv { width: auto; } table.kv th { background: none; }
        tr.late td { background: #fff4e6; }
        footer { margin-top: 2em; font-size: 11px; color: #495057; }
        @media print {
          body { margin: 0; font-size: 11px; }
          tr, .chart, h3 { page-break-inside: avoid; }
          tr.late td { background: #fff4e6 !important; -webkit-print-color-adjust: exact;
                       print-color-adjust: exact; }
        }
        """
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
