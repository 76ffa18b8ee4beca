import Lending

/// The inline SVG chart of an investigation: outstanding principal and DPD per closed day, as
/// known then (orange, dashed) and as known now (blue, solid), with a legend.
enum InvestigationChart {
    static let width = 1_000
    static let left = 90
    static let right = 20
    static let plotWidth = width - left - right
    /// Top and bottom of the principal panel and of the DPD panel.
    static let principalPanel = (top: 60, bottom: 230)
    static let dpdPanel = (top: 280, bottom: 400)
    static let height = 450
    static let thenStyle = "stroke=\"#d9480f\" stroke-width=\"2\" stroke-dasharray=\"7 5\""
    static let nowStyle = "stroke=\"#1864ab\" stroke-width=\"2\""

    /// The `<svg>` element, or a short paragraph when no day of the loan has closed yet.
    /// - Parameter id: The element id of the chart's title (unique within the page).
    static func svg(_ timeline: [Investigation.DayComparison], loan: LoanID, id: String)
        -> String
    {
        guard !timeline.isEmpty else {
            return "<p>No business day of this loan has been closed yet: nothing to chart.</p>"
        }
        var parts = [
            "<svg viewBox=\"0 0 \(width) \(height)\" "
                + "width=\"100%\" role=\"img\" aria-labelledby=\"\(id)\">",
            "<title id=\"\(id)\">Outstanding principal and days past due of loan "
                + "\(HTML.escape(loan.rawValue)), as known then and as known now</title>",
            "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>",
        ]
        parts += legend()
        let principalMax = timeline.map {
            Swift.max($0.knownThen.outstandingPrincipal.fen, $0.knownNow.outstandingPrincipal.fen)
        }.max() ?? 0
        let dpdMax = timeline.map { Swift.max($0.knownThen.dpd, $0.knownNow.dpd) }.max() ?? 0
        parts += panel(title: "Outstanding principal", panel: principalPanel,
                       maxValue: principalMax, label: { Money(fen: $0).description },
                       then: timeline.map(\.knownThen.outstandingPrincipal.fen),
                       now: timeline.map(\.knownNow.outstandingPrincipal.fen))
        parts += panel(title: "Days past due", panel: dpdPanel, maxValue: dpdMax,
                       label: { String($0) }, then: timeline.map(\.knownThen.dpd),
                       now: timeline.map(\.knownNow.dpd))
        parts += dateAxis(timeline.map(\.date))
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private static func legend() -> [String] {
        [
            "<g font-size=\"13\" font-family=\"sans-serif\">",
            "<line x1=\"\(left)\" y1=\"20\" x2=\"\(left + 40)\" y2=\"20\" \(nowStyle)/>",
            "<text x=\"\(left + 48)\" y=\"24\">as known now (every fact recorded so far)</text>",
            "<line x1=\"\(left + 380)\" y1=\"20\" x2=\"\(left + 420)\" y2=\"20\" \(thenStyle)/>",
            "<text x=\"\(left + 428)\" y=\"24\">as known then (the log at each day's close)"
                + "</text>",
            "</g>",
        ]
    }

    private static func panel(
        title: String, panel: (top: Int, bottom: Int), maxValue: Int64,
        label: (Int64) -> String, then: [Int64], now: [Int64]
    ) -> [String] {
        let top = maxValue > 0 ? maxValue : 1
        func y(_ value: Int64) -> Int {
            panel.bottom - Int(Int64(panel.bottom - panel.top) * value / top)
        }
        return [
            "<g font-size=\"12\" font-family=\"sans-serif\">",
            "<text x=\"\(left)\" y=\"\(panel.top - 8)\" font-weight=\"bold\">"
                + "\(HTML.escape(title))</text>",
            "<line x1=\"\(left)\" y1=\"\(panel.bottom)\" x2=\"\(width - right)\" "
                + "y2=\"\(panel.bottom)\" stroke=\"#868e96\"/>",
            "<line x1=\"\(left)\" y1=\"\(panel.top)\" x2=\"\(left)\" y2=\"\(panel.bottom)\" "
                + "stroke=\"#868e96\"/>",
            "<text x=\"\(left - 6)\" y=\"\(panel.top + 4)\" text-anchor=\"end\">"
                + "\(HTML.escape(label(maxValue)))</text>",
            "<text x=\"\(left - 6)\" y=\"\(panel.bottom + 4)\" text-anchor=\"end\">"
                + "\(HTML.escape(label(0)))</text>",
            polyline(now.map(y), style: nowStyle),
            polyline(then.map(y), style: thenStyle),
            "</g>",
        ]
    }

    /// A step line: a day's value holds until the next day's (balances change overnight, not
    /// gradually in between).
    private static func polyline(_ ys: [Int], style: String) -> String {
        var points: [String] = []
        for (index, y) in ys.enumerated() {
            let position = x(index, count: ys.count)
            if index > 0, ys[index - 1] != y { points.append("\(position),\(ys[index - 1])") }
            points.append("\(position),\(y)")
        }
        return "<polyline fill=\"none\" \(style) points=\"\(points.joined(separator: " "))\"/>"
    }

    private static func x(_ index: Int, count: Int) -> Int {
        count <= 1 ? left : left + plotWidth * index / (count - 1)
    }

    /// Up to seven date labels: the first day, month starts spread evenly, the last day.
    private static func dateAxis(_ dates: [BusinessDate]) -> [String] {
        var indices = [0]
        let monthStarts = dates.indices.filter { dates[$0].civil.day == 1 }
        let step = Swift.max(1, (monthStarts.count + 4) / 5)
        for (n, index) in monthStarts.enumerated() where n % step == 0 {
            if index - (indices.last ?? 0) > dates.count / 12 { indices.append(index) }
        }
        if dates.count > 1, (dates.count - 1) - (indices.last ?? 0) > dates.count / 12 {
            indices.append(dates.count - 1)
        }
        var parts = ["<g font-size=\"11\" font-family=\"sans-serif\" fill=\"#495057\">"]
        for index in indices {
            let position = x(index, count: dates.count)
            parts.append("<line x1=\"\(position)\" y1=\"\(dpdPanel.bottom)\" x2=\"\(position)\" "
                         + "y2=\"\(dpdPanel.bottom + 5)\" stroke=\"#868e96\"/>")
            parts.append("<text x=\"\(position)\" y=\"\(dpdPanel.bottom + 20)\" "
                         + "text-anchor=\"middle\">\(dates[index])</text>")
        }
        parts.append("</g>")
        return parts
    }
}
