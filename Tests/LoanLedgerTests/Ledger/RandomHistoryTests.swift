import EventStore
import Foundation
import Lending
import LoanLedger
import Projections
import Testing
import TestSupport

/// Randomized multi-customer histories with backdated facts and reversals: the read models
/// built incrementally must equal a rebuild, and every answer must equal the pure replay.
@Suite struct RandomHistoryTests {
    /// A seeded driver issuing valid-looking commands; refusals are part of the game.
    struct Driver {
        var random: SplitMix64
        let fixture: LedgerFixture
        var day: BusinessDate
        var loans: [(loan: String, customer: String)] = []
        var references: [(loan: String, ref: String)] = []
        var counter = 0

        mutating func pick<T>(_ items: [T]) -> T {
            items[Int(random.next() % UInt64(items.count))]
        }

        mutating func step() throws {
            counter += 1
            let roll = random.next() % 100
            let customer = "C-\(random.next() % 12)"
            do {
                switch roll {
                case 0..<6:
                    try fixture.run(.openLine(limit: .yuan(Int64(20_000 + random.next() % 80_000)),
                                              on: day), customer: customer)
                case 6..<20:
                    let loan = "L-\(counter)"
                    let method = pick(RepaymentMethod.allCases)
                    try fixture.disburse(loan, customer: customer,
                                         yuan: Int64(1_000 + random.next() % 20_000),
                                         term: pick([3, 6, 9, 12]), method: method,
                                         on: day.description)
                    loans.append((loan, customer))
                case 20..<70 where !loans.isEmpty:
                    let loan = pick(loans).loan
                    let back = Int64(random.next() % 40)
                    let date = day.adding(days: -back)
                    let ref = "P-\(counter)"
                    let quote = try fixture.ledger.payoff(LoanID(validated: loan), on: date)
                    guard quote.amount.isPositive else { return }
                    let amount = Money(fen: 1 + Int64(random.next()
                        % UInt64(quote.amount.fen)))
                    _ = try fixture.repay(loan, fen: random.next() % 5 == 0
                                          ? quote.amount.fen : amount.fen,
                                          on: date.description, ref: ref)
                    references.append((loan, ref))
                case 70..<76 where !references.isEmpty:
                    let (loan, ref) = pick(references)
                    try fixture.run(.reverse(loan: LoanID(validated: loan),
                                             reference: PaymentReference(validated: ref),
                                             on: day))
                default:
                    let next = day.adding(days: Int64(1 + random.next() % 6))
                    fixture.setToday(next.description)
                    try fixture.ledger.closeDays(through: next.adding(days: -1))
                    day = next
                }
            } catch let error as LedgerError where error.category != .bug {
                // A refusal (frozen line, above payoff, before disbursement…) writes nothing.
            }
        }
    }

    @Test("incremental read models equal a rebuild on a randomized history with corrections")
    func incrementalEqualsRebuild() throws {
        let seed = SplitMix64.seed()
        print("RandomHistoryTests seed \(seed)")
        let fixture = try LedgerFixture(today: "2026-01-05")
        var driver = Driver(random: SplitMix64(seed: seed), fixture: fixture,
                            day: LedgerFixture.date("2026-01-05"))
        let target = ProcessInfo.processInfo.environment["LOANLEDGER_LONG_TESTS"] == nil
            ? 2_500 : 10_000
        while try fixture.ledger.store.head().position < Int64(target) {
            try driver.step()
        }
        let verification = try fixture.ledger.verify()
        #expect(verification.chain.isIntact)
        #expect(verification.readModelDifference == nil,
                "\(verification.readModelDifference ?? "")")

        // Each day's portfolio snapshot equals a replay as known at that day's close.
        let closes = try fixture.ledger.store.readWholeStream(DayClosed.streamId)
        for recorded in closes.suffix(25) {
            let day = try BusinessDate(parsing: recorded.effectiveDate, field: "day")
            let snapshot = try fixture.ledger.portfolio(asOf: day)
            let replay = try fixture.ledger.portfolio(asOf: day,
                                                      knownAt: .position(recorded.position))
            #expect(snapshot.source == .snapshot)
            #expect(snapshot.buckets.map(\.loans) == replay.buckets.map(\.loans),
                    "portfolio on \(day)")
            #expect(snapshot.buckets.map(\.outstandingPrincipal)
                        == replay.buckets.map(\.outstandingPrincipal), "portfolio on \(day)")
        }

        // Every loan's answer equals the pure replay of its customer's events.
        for (loan, _) in driver.loans.prefix(20) {
            let view = try fixture.ledger.loan(LoanID(validated: loan), asOf: driver.day)
            let history = try CustomerHistory.load(view.customer, from: fixture.ledger.store)
            let record = try #require(history.state.loans[LoanID(validated: loan)])
            #expect(view.statement == LoanReplay.evaluate(record.contract, facts: record.facts,
                                                           asOf: driver.day))
        }
    }

    @Test("answers are identical with and without snapshots, at every as-of and known-at")
    func snapshotsChangeNoAnswer() throws {
        let seed = SplitMix64.seed()
        print("RandomHistoryTests snapshots seed \(seed)")
        let with = try LedgerFixture(today: "2026-01-05", snapshotInterval: 3)
        let without = try LedgerFixture(today: "2026-01-05", snapshotInterval: nil)
        var drivers = [with, without].map {
            Driver(random: SplitMix64(seed: seed), fixture: $0,
                   day: LedgerFixture.date("2026-01-05"))
        }
        while try with.ledger.store.head().position < 1_200 {
            for index in drivers.indices { try drivers[index].step() }
        }
        #expect(try with.ledger.store.head().position == without.ledger.store.head().position)
        let head = try with.ledger.store.head().position
        var random = SplitMix64(seed: seed ^ 0x5eed)
        for (loan, _) in drivers[0].loans {
            let id = LoanID(validated: loan)
            for _ in 0..<4 {
                let knownAt = KnownAt.position(Int64(random.next() % UInt64(head)) + 1)
                let asOf = drivers[0].day.adding(days: -Int64(random.next() % 120))
                let a = try? with.ledger.loan(id, asOf: asOf, knownAt: knownAt)
                let b = try? without.ledger.loan(id, asOf: asOf, knownAt: knownAt)
                #expect(a?.statement == b?.statement, "loan \(loan) as of \(asOf) at \(knownAt)")
                #expect(a?.stage == b?.stage)
            }
        }
        let snapshots = try with.ledger.store.read {
            try $0.rows(in: CustomerSnapshots.table.name, where: [:], orderBy: [], limit: nil)
        }
        #expect(snapshots.count > 10, "the test must exercise snapshots")
    }
}
