import EventStore
import Foundation
import Lending
import Projections

/// A realistic log written straight through `store.append`: customers' lives simulated with the
/// pure domain, interleaved by business day as a live system would have written them (each
/// customer's events of a day in one append, then that day's `DayClosed`), with the loan index
/// claimed in the same transaction. It bypasses the Ledger's per-command reload, not the store.
struct GeneratedLog {
    /// What was written, for the benchmarks that query it.
    struct Summary {
        var events: Int64
        var customers: Int
        var loans: Int
        var days: Int
        /// A loan of a customer whose stream has about `typicalEvents` events.
        var typicalLoan: LoanID
        var typicalEvents: Int
        /// A loan of the one customer with about `heavyEvents` events.
        var heavyLoan: LoanID
        var heavyEvents: Int
        var firstDay: BusinessDate
        var lastDay: BusinessDate
    }

    /// One encoded event waiting for its day.
    private struct Pending {
        var customer: Int32
        var decided: DecidedEvent
        var event: NewEvent
        var loanDisbursed: LoanID?
        var isEndOfDay: Bool
    }

    static let base = BusinessDate(year: 2024, month: 1, day: 1)
    static let endOfDayMetadata = EventCodec.encode(EventMetadata(actor: "system:eod",
                                                                  reason: "end of day"))

    /// Simulates customers until `eventTarget` events exist (one of them heavy, with about
    /// `heavyEventTarget`), then appends everything to `store` day by day.
    static func write(
        to store: any EventStore, eventTarget: Int, heavyEventTarget: Int, seed: UInt64,
        progress: (String) -> Void
    ) throws -> Summary {
        var random = BenchRandom(seed: seed)
        var byDay: [Int64: [Pending]] = [:]
        var streams: [String] = []
        var total = 0
        var loans = 0
        var typical: (LoanID, Int)?
        var heavy: (LoanID, Int)?
        while total < eventTarget {
            let index = streams.count
            let isHeavy = index == 1
            let profile = isHeavy ? heavyProfile(heavyEventTarget)
                                  : typicalProfile(index, random: &random)
            let produced = CustomerSimulator.live(profile, seed: random.next())
            streams.append(CustomerState.streamId(for: profile.customer))
            var firstLoan: LoanID?
            for item in produced {
                var loanDisbursed: LoanID?
                if case .loanDisbursed(let e) = item.event.event {
                    loanDisbursed = e.contract.loanId
                    firstLoan = firstLoan ?? e.contract.loanId
                    loans += 1
                }
                let event = EventCodec.newEvent(
                    item.event, id: UUID(),
                    metadata: EventMetadata(actor: item.isEndOfDay ? "system:eod" : "ops.bench",
                                            reason: item.isEndOfDay ? "end of day" : nil))
                byDay[item.event.effectiveDate.daysSinceEpoch, default: []].append(Pending(
                    customer: Int32(index), decided: item.event, event: event,
                    loanDisbursed: loanDisbursed,
                    isEndOfDay: item.isEndOfDay))
            }
            total += produced.count
            if let firstLoan {
                if isHeavy { heavy = (firstLoan, produced.count) }
                let distance = abs(produced.count - 50)
                if !isHeavy, distance < abs((typical?.1 ?? 0) - 50) {
                    typical = (firstLoan, produced.count)
                }
            }
            if streams.count % 1_000 == 0 { progress("simulated \(streams.count) customers") }
        }
        let days = byDay.keys.sorted()
        guard let first = days.first, let last = days.last, let typical, let heavy else {
            preconditionFailure("the simulation produced no loans")
        }
        try appendByDay(byDay, streams: streams, from: first, through: last, store: store,
                        progress: progress)
        return Summary(
            events: try store.head().position, customers: streams.count, loans: loans,
            days: Int(last - first + 1), typicalLoan: typical.0, typicalEvents: typical.1,
            heavyLoan: heavy.0, heavyEvents: heavy.1,
            firstDay: BusinessDate(daysSinceEpoch: first),
            lastDay: BusinessDate(daysSinceEpoch: last))
    }

    private static func typicalProfile(_ index: Int, random: inout BenchRandom)
        -> CustomerSimulator.Profile
    {
        let start = base.adding(days: random.int(0...180))
        return CustomerSimulator.Profile(
            customer: CustomerID(validated: "C\(index)"), start: start,
            last: start.adding(days: 420), eventTarget: Int(random.int(35...60)),
            creditLimit: .yuan(60_000), principalYuan: 1_000...20_000, termsMonths: [3, 6, 9, 12],
            daysBetweenLoans: 10...60, latePercent: 10, defaultPercent: 5)
    }

    /// One customer with many short concurrent loans: the long-stream case for time travel.
    private static func heavyProfile(_ eventTarget: Int) -> CustomerSimulator.Profile {
        let start = base.adding(days: 30)
        return CustomerSimulator.Profile(
            customer: CustomerID(validated: "H1"), start: start, last: start.adding(days: 550),
            eventTarget: eventTarget, creditLimit: LendingLimits.creditLimitMax,
            principalYuan: 1_000...3_000, termsMonths: [3, 6], daysBetweenLoans: 1...1,
            latePercent: 0, defaultPercent: 0)
    }

    private static func appendByDay(
        _ byDay: [Int64: [Pending]], streams: [String], from first: Int64, through last: Int64,
        store: any EventStore, progress: (String) -> Void
    ) throws {
        // The folded states, so snapshots are written as the Ledger's append writes them.
        var states = streams.map {
            CustomerState(customerId: CustomerID(
                validated: String($0.dropFirst("customer-".count))))
        }
        for day in first...last {
            let pending = byDay[day] ?? []
            var groups: [Int32: [Pending]] = [:]
            var order: [Int32] = []
            for item in pending {
                if groups[item.customer] == nil { order.append(item.customer) }
                groups[item.customer, default: []].append(item)
            }
            var visited = Set<String>()
            var endOfDayEvents = 0
            for customer in order {
                let group = groups[customer] ?? []
                let stream = streams[Int(customer)]
                let owner = String(stream.dropFirst("customer-".count))
                let before = states[Int(customer)]
                var after = before
                for item in group {
                    after.evolve(item.decided.event, on: item.decided.effectiveDate)
                }
                let expected: ExpectedVersion = before.version == 0
                    ? .noStream : .exact(before.version)
                try store.append(to: stream, expectedVersion: expected,
                                 events: group.map(\.event)) { context, recorded in
                    for loan in group.compactMap(\.loanDisbursed) {
                        try context.claimUniqueKey(namespace: "loan", key: loan.rawValue,
                                                   owner: owner)
                    }
                    guard let last = recorded.last else { return }
                    try CustomerSnapshots.writeIfDue(
                        after, previousVersion: before.version, position: last.position,
                        interval: CustomerSnapshots.intervalDefault, context)
                }
                states[Int(customer)] = after
                let ends = group.filter(\.isEndOfDay).count
                if ends > 0 { visited.insert(owner) }
                endOfDayEvents += ends
            }
            try appendDayClosed(BusinessDate(daysSinceEpoch: day), visited: visited,
                                eventsAppended: endOfDayEvents, store: store)
            if (day - first) % 50 == 0 { progress("appended day \(day - first + 1)") }
        }
    }

    private static func appendDayClosed(
        _ day: BusinessDate, visited: Set<String>, eventsAppended: Int, store: any EventStore
    ) throws {
        let head = try store.head()
        let closed = DayClosed(
            day: day, headPosition: head.position,
            headHash: head.hash.map { String(format: "%02x", $0) }.joined(),
            loansVisited: Int64(eventsAppended), eventsAppended: Int64(eventsAppended),
            visitedCustomers: visited.sorted())
        let event = NewEvent(
            eventId: UUID(), type: DayClosed.type, schemaVersion: DayClosed.schemaVersion,
            effectiveDate: day.description, data: EventCodec.encode(closed),
            metadata: endOfDayMetadata)
        try store.append(to: DayClosed.streamId, expectedVersion: .any, events: [event]) { _, _ in }
    }
}
