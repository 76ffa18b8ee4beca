import Foundation
import Testing
import TestSupport

/// `portfolio`, `verify`, `rebuild`, `export`, `import`, `investigate` and `demo` end to end.
@Suite("Store-wide commands")
struct StoreCommandTests {
    @Test("portfolio buckets loans by days past due, with totals")
    func portfolio() throws {
        let book = try BookFixture.get()
        let view = try book.loanctl.json(["portfolio", "--as-of", "2026-03-19"])
        let buckets = try #require(view["buckets"] as? [[String: Any]])
        #expect(buckets.map { $0["bucket"] as? String }
            == ["current", "1-30", "31-60", "61-90", "91+"])
        #expect(buckets.map { $0["loans"] as? Int } == [1, 1, 0, 0, 1])
        #expect(buckets[4]["outstandingPrincipal"] as? String == "3000.00")
        let total = try #require(view["total"] as? [String: Any])
        #expect(total["outstandingPrincipal"] as? String == "14220.25")
    }

    @Test("verify passes on an intact store and prints what it checked")
    func verify() throws {
        let book = try BookFixture.get()
        let output = try book.loanctl.succeed(["verify"])
        #expect(output.contains("chain:          intact\n"))
        #expect(output.contains("read models:    equal a fresh replay"))
    }

    @Test("rebuild recomputes the read models and verify still passes")
    func rebuild() throws {
        let directory = try TemporaryDirectory(prefix: "rebuild")
        let loanctl = try StoreFailureTests.copyOfBook(in: directory)
        let before = try loanctl.anchor()
        let report = try loanctl.json(["rebuild", "--projection", "read-models"])
        #expect((report["eventsProcessed"] as? Int ?? 0) > 0)
        #expect(try loanctl.anchor() == before)
        #expect(try loanctl.run(["verify"]).status == 0)
    }

    @Test("export then import into an empty store gives the same log, byte for byte")
    func exportImportRoundTrip() throws {
        let book = try BookFixture.get()
        let directory = try TemporaryDirectory(prefix: "roundtrip")
        let lines = try book.loanctl.succeed(["export"])
        #expect(lines.split(separator: "\n").count == 198)
        let file = directory.file("log.jsonl")
        let written = try book.loanctl.json(["export", "--out", file])
        #expect(written["events"] as? Int == 198)
        let target = Loanctl(directory: directory.path, database: directory.file("new.sqlite"))
        let imported = try target.json(["import", file])
        #expect(imported["events"] as? Int == 198)
        #expect(imported["anchor"] as? String == written["anchor"] as? String)
        #expect(try target.succeed(["export"]) == lines)
        #expect(try target.run(["verify"]).status == 0)
    }

    @Test("investigate tells the story as text, JSON and a self-contained HTML page")
    func investigate() throws {
        let book = try BookFixture.get()
        let directory = try TemporaryDirectory(prefix: "investigate")
        let html = directory.file("L-1.html")
        let text = try book.loanctl.succeed(["investigate", "L-1", "--html", html])
        #expect(text.hasPrefix("Investigation of loan L-1 (customer C-1)\n"))
        #expect(text.hasSuffix("HTML report written to \(html)\n"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("<script"))
        let story = try book.loanctl.json(["investigate", "L-1"])
        #expect(story["loan"] as? String == "L-1")
        let entries = try #require(story["entries"] as? [[String: Any]])
        #expect(entries.first?["type"] as? String == "LoanDisbursed")
    }

    @Test("demo builds a sample portfolio (set LOANCTL_SLOW_TESTS=1: it takes about a minute)")
    func demo() throws {
        guard ProcessInfo.processInfo.environment["LOANCTL_SLOW_TESTS"] == "1" else {
            print("skipped 'demo': set LOANCTL_SLOW_TESTS=1 to build the demo portfolio")
            return
        }
        let (directory, loanctl) = try Loanctl.fresh("demo")
        let summary = try loanctl.json(["demo"])
        #expect(summary["lastDay"] as? String == "2026-03-19")
        #expect((summary["anomalies"] as? [Any])?.isEmpty == true)
        let refused = try loanctl.run(["demo"])
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("pass --force to replace it"))
        #expect(try loanctl.run(["verify"]).status == 0)
        withExtendedLifetime(directory) {}
    }
}
