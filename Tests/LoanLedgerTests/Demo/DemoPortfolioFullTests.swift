import EventStore
import Foundation
import Lending
import LoanLedger
import Projections
import Testing
import TestSupport

/// The full-size demo (a year and more, ~30 s in a debug build): behind an environment
/// variable so `swift test` stays fast.
@Suite struct DemoPortfolioFullTests {
    static var enabled: Bool {
        ProcessInfo.processInfo.environment["LOANLEDGER_DEMO_TESTS"] == "1"
    }

    @Test("The full demo holds every story the product needs, within a minute, twice alike")
    func fullPortfolio() throws {
        guard Self.enabled else {
            print("skipped: set LOANLEDGER_DEMO_TESTS=1 to build the full demo portfolio")
            return
        }
        let directory = try TemporaryDirectory(prefix: "demo")
        let path = directory.file("demo.sqlite")
        let start = Date()
        let cpuStart = clock()
        let summary = try DemoPortfolio.run(path: path, force: false,
                                            endingOn: DemoPortfolioTests.endingOn, progress: nil)
        let seconds = Date().timeIntervalSince(start)
        let cpuSeconds = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        print("demo: \(summary.customers) customers, \(summary.loans) loans, "
              + "\(summary.events) events, \(summary.elapsedDays) days in \(seconds) s "
              + "(\(cpuSeconds) s CPU)")
        // CPU time, not wall time: the machine is shared, and other work stretches the wall.
        #expect(cpuSeconds < 60)
        #expect(summary.customers >= 200)
        #expect(summary.loans >= 400)
        #expect(summary.elapsedDays >= 365)
        #expect(summary.loansByMethod.map(\.method)
                == ["equal-installment", "equal-principal", "interest-first"])
        #expect(summary.anomalies == [])
        #expect(summary.investigateCommand == "loanctl investigate \(summary.disputedLoan)")
        let types = try Self.eventTypes(path)
        for type in ["CreditLineClosed", "CreditLineReopened", "RepaymentReversed", "LoanReopened",
                     "LoanRestructured", "LoanWrittenOff", "RefundIssued", "DisputeResolved",
                     "InstallmentOverdue", "LoanCured", "RepaymentReallocated", "DayClosed"]
        {
            #expect(types.contains(type), "no \(type) in the demo")
        }
        let ledger = try Ledger.open(path: path, access: .read)
        let story = try ledger.investigate(summary.disputedLoan)
        let run = try #require(story.differences.first)
        #expect(run.fields.contains("penalty"))
        #expect(run.days.contains { $0.knownThen.stage == "early" })
        #expect(run.days.allSatisfy { $0.knownNow.dpd == 0 })
        #expect(run.explanations.map(\.type) == ["RepaymentReceived"])
        try Self.checkCollectionAudit(path)
        // The full size is deterministic too: a second run stores the same lines.
        let again = directory.file("again.sqlite")
        _ = try DemoPortfolio.run(path: again, force: false,
                                  endingOn: DemoPortfolioTests.endingOn, progress: nil)
        #expect(try DemoPortfolioTests.export(again) == DemoPortfolioTests.export(path))
    }

    /// Every channel used, visits by two collectors, legal only late, contact within hours,
    /// at most three calls per loan per day.
    static func checkCollectionAudit(_ path: String) throws {
        let store = try SQLiteEventStore(path: path, options: .init(mode: .readOnly))
        defer { store.close() }
        var actions: [CollectionActionRecorded] = []
        var after: Int64 = 0
        while true {
            let batch = try store.readAll(afterPosition: after, limit: 1_000)
            for event in batch where event.type == CollectionActionRecorded.type {
                actions.append(try EventCodec.decode(CollectionActionRecorded.self,
                                                     from: event.data))
            }
            guard let last = batch.last else { break }
            after = last.position
        }
        #expect(Set(actions.map(\.channel)) == Set(ContactChannel.allCases))
        #expect(actions.filter { $0.channel == .visit }.allSatisfy { $0.actors.count == 2 })
        #expect(actions.filter { $0.channel == .legal }.allSatisfy { $0.stage == .late })
        #expect(actions.filter { $0.channel != .legal }.allSatisfy {
            $0.at.minuteOfDay >= 8 * 60 && $0.at.minuteOfDay < 21 * 60
        })
        var calls: [String: Int] = [:]
        for action in actions where action.channel == .call {
            calls["\(action.loan)|\(action.at.date)", default: 0] += 1
        }
        #expect(calls.values.allSatisfy { $0 <= 3 })
    }

    static func eventTypes(_ path: String) throws -> Set<String> {
        let result = try ProcessRunner.sqlite3(path, "SELECT DISTINCT type FROM events;")
        return Set(result.standardOutput.split(separator: "\n").map(String.init))
    }
}
