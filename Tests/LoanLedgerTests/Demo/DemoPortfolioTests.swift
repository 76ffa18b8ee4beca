import Foundation
import Lending
import LoanLedger
import Testing
import TestSupport

@Suite struct DemoPortfolioTests {
    @Test("Demo builds the portfolio the brief asks for")
    func builds() throws {
        let directory = try TemporaryDirectory(prefix: "demo")
        let path = directory.file("demo.sqlite")
        let start = Date()
        let summary = try DemoPortfolio.run(
            path: path, force: false, endingOn: BusinessDate(year: 2026, month: 11, day: 27),
            progress: nil)
        print("demo: \(summary.customers) customers, \(summary.loans) loans, "
              + "\(summary.events) events, \(Date().timeIntervalSince(start)) s")
        print(summary.anomalies)
        #expect(summary.customers >= 200)
        #expect(summary.loans >= 400)
    }
}
