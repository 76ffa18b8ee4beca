import Testing
import Lending

/// End of day visits only the loans whose `nextReviewDate` is the day being closed (the
/// `next_review` column of the loans read model). This proves the optimisation safe: over
/// random portfolios, closing every day over every loan appends exactly the same events.
@Suite struct EndOfDayVisitPropertyTests {
    typealias F = AggregateFixture

    static let seeds = AggregateRandom.seeds(
        base: 0x5EED_0E0D, count: 6 * AggregateRandom.heavyFactor)

    /// Review dates as the read model keeps them: recomputed for every loan of a customer when
    /// its stream changes or end of day visits it, after the last closed day, with the whole
    /// policy book (a new version can move stages on its first day).
    static func reviews(of h: CustomerHarness) -> [LoanID: BusinessDate] {
        var reviews: [LoanID: BusinessDate] = [:]
        for loan in h.state.orderedLoans {
            let after = h.lastClosedDay ?? loan.contract.disbursedOn.adding(days: -1)
            reviews[loan.contract.loanId] = h.state.nextReviewDate(
                of: loan.contract.loanId, after: after, policies: h.policies)
        }
        return reviews
    }

    /// Closes `day` over every loan of `every` and over the loans of `visited` due for review
    /// on it; returns what differs, if anything.
    static func closeBoth(
        _ day: BusinessDate, _ every: inout CustomerHarness, _ visited: inout CustomerHarness,
        _ reviews: inout [LoanID: BusinessDate]
    ) -> String? {
        let expected = every.close(day)
        let stale = reviews.filter { $0.value < day }
        guard stale.isEmpty else { return "\(day): review dates missed \(stale)" }
        let due = Set(reviews.filter { $0.value == day }.keys)
        var actual: [DecidedEvent] = []
        if due.isEmpty {
            visited.lastClosedDay = day
        } else {
            actual = visited.close(day, only: due)
            reviews = Self.reviews(of: visited)
        }
        guard actual == expected else {
            return "\(day): visiting \(due.sorted()) appended \(F.types(actual)), every loan "
                + "\(F.types(expected)) \(expected.map(\.event))"
        }
        return nil
    }

    @Test("End of day over 60 days equals end of day one day at a time", arguments: seeds)
    func visitOptimisationIsSafe(seed: UInt64) {
        print("EndOfDayVisitPropertyTests seed \(seed)")
        let customers = (1...3).map { CustomerID(validated: "C\($0)") }
        let start = F.date("2026-01-10")
        var every = customers.map { CustomerHarness(customer: $0, today: "2026-01-10") }
        // Regulation changes on a date: a stricter policy from day 70 moves stages on that day.
        var stricter = CollectionPolicy.standard
        stricter.effectiveFrom = start.adding(days: 70)
        stricter.midStartDPD = 21
        stricter.largeDebtMidStartDPD = 11
        stricter.lateStartDPD = 61
        for c in every.indices { every[c].policies = CollectionPolicyBook(versions: [stricter]) }
        var visited = every
        var activity = customers.indices.map { RandomActivity(seed: seed &+ UInt64($0)) }
        var reviews = visited.map { Self.reviews(of: $0) }
        var rng = AggregateRandom(seed: ~seed)
        var lastClosed = start.adding(days: -1)
        for offset in Int64(0)..<150 {
            let day = start.adding(days: offset)
            for c in customers.indices {
                every[c].today = day
                visited[c].today = day
                for command in activity[c].commands(for: every[c]) {
                    let outcome = every[c].attempt(command)
                    if case .failure(let error) = outcome {
                        #expect(error.category != .bug, "seed \(seed) \(command): \(error)")
                    }
                    #expect(visited[c].attempt(command) == outcome, "seed \(seed) \(command)")
                    if case .success(.append) = outcome {
                        reviews[c] = Self.reviews(of: visited[c])
                    }
                }
            }
            // End of day sometimes lags a few days behind, then catches up one day at a time.
            guard rng.chance(perMille: 800) || offset == 149 else { continue }
            while lastClosed < day {
                lastClosed = lastClosed.adding(days: 1)
                for c in customers.indices {
                    if let problem = Self.closeBoth(lastClosed, &every[c], &visited[c],
                                                    &reviews[c])
                    {
                        Issue.record("seed \(seed) \(customers[c]) \(problem)")
                        return
                    }
                }
            }
        }
        #expect(every.map(\.log) == visited.map(\.log))
    }
}
