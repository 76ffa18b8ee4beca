import Foundation
import Lending
import LoanLedger
import Testing
import TestSupport

@Suite struct InvestigationHTMLTests {
    /// The late-record story plus a dispute whose reason holds markup, to check escaping.
    static func story() throws -> Investigation {
        let (fixture, _) = try InvestigationTests.lateRecord()
        try fixture.run(.openDispute(loan: fixture.loan, on: InvestigationFixture.date(2, 21)),
                        actor: "care.zhao", reason: "<script>alert('x')</script> & \"paid\"")
        try fixture.run(.resolveDispute(loan: fixture.loan, on: InvestigationFixture.date(2, 21),
                                        outcome: .upheld, note: "receipt <b>confirmed</b>"),
                        actor: "care.zhao", minute: 11 * 60)
        return try fixture.ledger.investigate(fixture.loan)
    }

    @Test("The HTML page is self-contained: no script, no external reference")
    func selfContained() throws {
        let html = InvestigationReport.html(try Self.story())
        for forbidden in ["http://", "https://", "<script", "src=", "@import", "url("] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                              + "&quot;paid&quot;"))
        #expect(html.contains("receipt &lt;b&gt;confirmed&lt;/b&gt;"))
    }

    @Test("The HTML page has balanced tags, an SVG chart with a legend, and every event")
    func structure() throws {
        let story = try Self.story()
        let html = InvestigationReport.html(story)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(try TagBalance.check(html) == [])
        #expect(html.contains("<svg"))
        #expect(html.contains("as known now"))
        #expect(html.contains("as known then"))
        #expect(html.contains("stroke-dasharray"))
        for entry in story.entries {
            #expect(html.contains(HTMLText.escape(entry.sentence)), "missing \(entry.type)")
        }
        #expect(html.contains("2026-02-05 – 2026-02-11: dpd, stage, penalty, principal, line"))
    }

    @Test("The tag matcher itself finds unbalanced markup", arguments: [
        "<p><b></p>", "<table><tr></table>", "<svg><g></svg>", "<ul><li>",
    ])
    func tagMatcherFindsProblems(_ html: String) throws {
        #expect(try TagBalance.check(html) != [])
    }

    @Test("The HTML page renders in a real browser (LOANLEDGER_BROWSER_TESTS=1)")
    func rendersInBrowser() throws {
        guard ProcessInfo.processInfo.environment["LOANLEDGER_BROWSER_TESTS"] == "1" else {
            print("skipped: set LOANLEDGER_BROWSER_TESTS=1 to render the report in chromium")
            return
        }
        let browser = try #require(
            ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
                .first { FileManager.default.isExecutableFile(atPath: $0) },
            "LOANLEDGER_BROWSER_TESTS=1 but no chromium found")
        let directory = try TemporaryDirectory(prefix: "browser")
        let page = directory.file("report.html")
        let png = directory.file("report.png")
        try InvestigationReport.html(try Self.story())
            .write(toFile: page, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(browser, [
            "--headless", "--no-sandbox", "--disable-gpu", "--screenshot=\(png)",
            "--window-size=1200,1600", "file://\(page)",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let bytes = try #require(FileManager.default.contents(atPath: png))
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // A blank 1200×1600 page compresses to a few kilobytes; text, tables and the chart
        // make many distinct byte values over tens of kilobytes.
        #expect(bytes.count > 20_000, "PNG of \(bytes.count) bytes looks blank")
        #expect(Set(bytes).count > 200)
    }
}

/// The test's own escaping, written independently of the one under test.
enum HTMLText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}

/// A small tag matcher: every opened element is closed in order (void and self-closing
/// elements aside). Returns the problems found.
enum TagBalance {
    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "input", "link"]

    static func check(_ html: String) throws -> [String] {
        var stack: [String] = []
        var problems: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else {
                return problems + ["unterminated tag"]
            }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") || tag.hasSuffix("/") { continue }
            let name = tag.split(whereSeparator: { $0 == " " || $0 == "\n" }).first
                .map(String.init)?.lowercased() ?? ""
            if name.hasPrefix("/") {
                let closing = String(name.dropFirst())
                if stack.last == closing { stack.removeLast() } else {
                    problems.append("</\(closing)> closes <\(stack.last ?? "nothing")>")
                }
            } else if !voidElements.contains(name) {
                stack.append(name)
            }
        }
        return problems + stack.map { "<\($0)> never closed" }
    }
}
