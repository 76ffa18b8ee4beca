import Foundation
import Lending
import Testing

@Suite struct CollectionPolicyBookTests {
    typealias Fixture = CollectionFixture

    /// The standard policy with a different call cap, in force from `date`.
    static func policy(from date: String, callsMax: Int) -> CollectionPolicy {
        var policy = CollectionPolicy.standard
        policy.effectiveFrom = Fixture.date(date)
        policy.callsPerLoanPerDayMax = callsMax
        return policy
    }

    @Test("Policy book: the standard policy applies when no version starts earlier")
    func standardByDefault() {
        let empty = CollectionPolicyBook()
        #expect(empty.policy(on: Fixture.date("2026-03-05")) == .standard)
        let book = CollectionPolicyBook(versions: [Self.policy(from: "2026-04-01", callsMax: 2)])
        #expect(book.policy(on: Fixture.date("2026-03-31")) == .standard)
    }

    @Test("Policy book: the version in force is the latest effective on or before the date",
          arguments: [
            ("2026-01-31", 3), ("2026-02-01", 5), ("2026-03-31", 5), ("2026-04-01", 2),
            ("2026-06-30", 2), ("2026-07-01", 4), ("2030-01-01", 4),
          ])
    func versionInForce(date: String, expectedCallsMax: Int) {
        // Adopted out of order: the book keeps them by effective date.
        let book = CollectionPolicyBook(versions: [
            Self.policy(from: "2026-07-01", callsMax: 4),
            Self.policy(from: "2026-02-01", callsMax: 5),
            Self.policy(from: "2026-04-01", callsMax: 2),
        ])
        #expect(book.versions.map(\.effectiveFrom) == book.versions.map(\.effectiveFrom).sorted())
        #expect(book.policy(on: Fixture.date(date)).callsPerLoanPerDayMax == expectedCallsMax)
    }

    @Test("Policy book: the same effective date replaces the version")
    func sameDateReplaces() {
        var book = CollectionPolicyBook()
        book.adopt(Self.policy(from: "2026-04-01", callsMax: 2))
        book.adopt(Self.policy(from: "2026-04-01", callsMax: 1))
        #expect(book.versions.count == 1)
        #expect(book.policy(on: Fixture.date("2026-04-01")).callsPerLoanPerDayMax == 1)
    }

    @Test("Policy book: a newer policy changes a compliance answer only from its date")
    func newerPolicyFromItsDate() {
        var book = CollectionPolicyBook()
        let facts = Fixture.facts(calls: 2)  // the third call of the day
        func rule(on day: String) -> String? {
            let request = Fixture.request(.call, at: "\(day)T10:00:00+08:00")
            return Fixture.refusedRule(request, facts, policy: book.policy(on: request.at.date))
        }
        #expect(rule(on: "2026-03-31") == nil)
        #expect(rule(on: "2026-04-01") == nil)
        book.adopt(Self.policy(from: "2026-04-01", callsMax: 2))
        #expect(rule(on: "2026-03-31") == nil)
        #expect(rule(on: "2026-04-01") == "call-cap")
        #expect(rule(on: "2026-05-20") == "call-cap")
    }

    @Test("Policy book: checking with the book uses the action's own Shanghai date")
    func checkWithBook() {
        let book = CollectionPolicyBook(versions: [Self.policy(from: "2026-04-01", callsMax: 2)])
        let facts = Fixture.facts(calls: 2)
        // Written as 31 March in New York, but 09:00 on 1 April in Shanghai: April policy.
        let april = Fixture.request(.call, at: "2026-03-31T20:00:00-05:00")
        // Written as 30 March in New York, 09:00 on 31 March in Shanghai: standard policy.
        let march = Fixture.request(.call, at: "2026-03-30T20:00:00-05:00")
        func rule(_ request: CollectionActionRequest) -> String? {
            do {
                try Compliance.check(request, facts: facts, book: book)
                return nil
            } catch {
                guard case .refused(let rule, _) = error else { return "unexpected" }
                return rule
            }
        }
        #expect(april.at.date == Fixture.date("2026-04-01"))
        #expect(rule(april) == "call-cap")
        #expect(march.at.date == Fixture.date("2026-03-31"))
        #expect(rule(march) == nil)
    }

    @Test("Policy book: a newer policy changes a stage only from its date")
    func newerPolicyStage() {
        var later = CollectionPolicy.standard
        later.effectiveFrom = Fixture.date("2026-04-01")
        later.largeDebtThreshold = .yuan(10_000)
        let book = CollectionPolicyBook(versions: [later])
        let before = book.policy(on: Fixture.date("2026-03-31"))
        let after = book.policy(on: Fixture.date("2026-04-01"))
        #expect(before.stage(dpd: 20, overdueAmount: .yuan(12_000), graceDays: 3) == .early)
        #expect(after.stage(dpd: 20, overdueAmount: .yuan(12_000), graceDays: 3) == .mid)
    }

    @Test("Policy book: encodes and decodes to the same book, in date order")
    func bookCodable() throws {
        let book = CollectionPolicyBook(versions: [
            Self.policy(from: "2026-07-01", callsMax: 4),
            Self.policy(from: "2026-02-01", callsMax: 5),
        ])
        let data = try JSONEncoder().encode(book)
        let decoded = try JSONDecoder().decode(CollectionPolicyBook.self, from: data)
        #expect(decoded == book)
    }

    @Test("Policy book: checkAdoptable validates the policy")
    func checkAdoptable() throws {
        let book = CollectionPolicyBook()
        try book.checkAdoptable(Self.policy(from: "2026-04-01", callsMax: 2))
        #expect(throws: LendingError.invalidInput(
            field: "callsPerLoanPerDayMax", value: "-1", rule: "must be 0 to 100")
        ) {
            try book.checkAdoptable(Self.policy(from: "2026-04-01", callsMax: -1))
        }
    }
}
