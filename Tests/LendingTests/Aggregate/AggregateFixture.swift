import Lending

/// Shorthands for the aggregate tests (namespaced: the test target is shared with other folders).
enum AggregateFixture {
    static let customer = CustomerID(validated: "C-1")
    static let loan = LoanID(validated: "L-1")
    static let loan2 = LoanID(validated: "L-2")
    static let wang = ActorID(validated: "ops.wang")
    static let li = ActorID(validated: "ops.li")

    /// A date from `YYYY-MM-DD`.
    static func date(_ text: String) -> BusinessDate {
        do { return try BusinessDate(parsing: text, field: "date") } catch {
            preconditionFailure("bad fixture date \(text)")
        }
    }

    /// An amount from yuan text, e.g. `899.75`.
    static func yuan(_ text: String) -> Money {
        do { return try Money(yuan: text, field: "amount") } catch {
            preconditionFailure("bad fixture amount \(text)")
        }
    }

    static func ref(_ text: String) -> PaymentReference { PaymentReference(validated: text) }

    /// 0.0004 a day, equal installments, 12 months, 3 grace days unless told otherwise.
    static func terms(
        millionths: Int64 = 400, method: RepaymentMethod = .equalInstallment,
        termMonths: Int64 = 12, graceDays: Int64 = 3
    ) -> LoanTerms {
        LoanTerms(dailyRate: DailyRate(millionths: millionths), method: method,
                  termMonths: termMonths, graceDays: graceDays)
    }

    /// A disbursement request known to be valid on its face.
    static func disbursement(
        _ loan: LoanID = loan, _ amount: String = "10000", on day: String = "2026-01-15",
        terms: LoanTerms = terms()
    ) -> LendingCommand {
        do {
            return .disburse(try DisbursementRequest(loanId: loan, principal: yuan(amount),
                                                     terms: terms, on: date(day)))
        } catch {
            preconditionFailure("bad fixture disbursement: \(error)")
        }
    }

    static func repay(
        _ reference: String, _ amount: String, on day: String, loan: LoanID = loan
    ) -> LendingCommand {
        .repay(loan: loan, amount: yuan(amount), on: date(day), reference: ref(reference),
               channel: nil)
    }

    /// A Shanghai local time on `day` at `hour:minute`.
    static func time(_ day: String, _ hour: Int64, _ minute: Int64 = 0) -> LocalTime {
        LocalTime(date: date(day), minuteOfDay: hour * 60 + minute)
    }

    /// The rule name of a refusal, or a description of any other outcome.
    static func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            guard let error = error as? LendingError else { return "other:\(error)" }
            switch error {
            case .refused(let rule, _): return rule
            case .invalidInput(let field, _, _): return "invalid:\(field)"
            case .notFound(let entity, _): return "not-found:\(entity)"
            case .invariantViolated(let what): return "bug:\(what)"
            }
        }
    }

    /// The event type names, in order.
    static func types(_ events: [DecidedEvent]) -> [String] { events.map(\.event.type) }
}

/// One customer's aggregate driven purely: decide, then fold the decided events with evolve,
/// keeping the recorded log, the business calendar (today, last closed day) and the policy.
struct CustomerHarness {
    var state: CustomerState
    /// Every event appended so far, in log order.
    var log: [DecidedEvent] = []
    var today: BusinessDate
    var lastClosedDay: BusinessDate?
    var policies = CollectionPolicyBook()
    /// The Shanghai wall-clock time, when a test needs it.
    var now: LocalTime?

    init(customer: CustomerID = AggregateFixture.customer, today: String = "2026-01-15") {
        state = CustomerState(customerId: customer)
        self.today = AggregateFixture.date(today)
    }

    /// A harness with a line of `limit` opened on `openedOn` and, when given, one loan.
    static func withLine(
        limit: String = "50000", openedOn: String = "2026-01-15", loan: LendingCommand? = nil
    ) throws -> CustomerHarness {
        var harness = CustomerHarness(today: openedOn)
        try harness.run(.openLine(limit: AggregateFixture.yuan(limit),
                                  on: AggregateFixture.date(openedOn)))
        if let loan { try harness.run(loan) }
        return harness
    }

    var context: DecisionContext {
        DecisionContext(today: today, lastClosedDay: lastClosedDay, policies: policies, now: now)
    }

    /// Decides `command` on the current state (nothing is folded).
    func decide(_ command: LendingCommand) throws(LendingError) -> Decision {
        try state.decide(command, context: context)
    }

    /// Folds what a decision appends into the state and the log.
    mutating func apply(_ decision: Decision) {
        guard case .append(let events) = decision else { return }
        apply(events)
    }

    mutating func apply(_ events: [DecidedEvent]) {
        for decided in events {
            state.evolve(decided.event, on: decided.effectiveDate)
            log.append(decided)
        }
    }

    /// Decides and folds `command`; returns the events it appended.
    @discardableResult
    mutating func run(_ command: LendingCommand) throws(LendingError) -> [DecidedEvent] {
        let decision = try decide(command)
        apply(decision)
        guard case .append(let events) = decision else { return [] }
        return events
    }

    /// Moves today to `day` (never backwards).
    mutating func advance(to day: String) {
        let target = AggregateFixture.date(day)
        precondition(target >= today, "today never goes backwards")
        today = target
    }

    /// Closes `day` (end of day over every loan, or only over `only`) and folds the result;
    /// returns its events.
    @discardableResult
    mutating func close(_ day: BusinessDate, only: Set<LoanID>? = nil) -> [DecidedEvent] {
        precondition(day <= today, "end of day never runs past today")
        let events = state.closeDay(day, policy: policies.policy(on: day), only: only)
        apply(events)
        lastClosedDay = day
        return events
    }

    @discardableResult
    mutating func close(_ day: String) -> [DecidedEvent] { close(AggregateFixture.date(day)) }

    /// Moves today to `day` and closes every day not yet closed through it, one at a time.
    /// Returns the events appended per day.
    @discardableResult
    mutating func closeDays(through day: String) -> [BusinessDate: [DecidedEvent]] {
        let target = AggregateFixture.date(day)
        if target > today { today = target }
        var next = lastClosedDay.map { $0.adding(days: 1) } ?? state.line?.openedOn ?? target
        var appended: [BusinessDate: [DecidedEvent]] = [:]
        while next <= target {
            appended[next] = close(next)
            next = next.adding(days: 1)
        }
        return appended
    }

    /// The state rebuilt from scratch by folding the recorded log.
    var replayed: CustomerState {
        var rebuilt = CustomerState(customerId: state.customerId)
        for decided in log { rebuilt.evolve(decided.event, on: decided.effectiveDate) }
        return rebuilt
    }

    func loan(_ id: LoanID = AggregateFixture.loan) -> LoanRecord {
        guard let record = state.loans[id] else { preconditionFailure("no loan \(id)") }
        return record
    }

    func statement(_ id: LoanID = AggregateFixture.loan, asOf day: String) -> LoanStatement {
        loan(id).statement(asOf: AggregateFixture.date(day))
    }
}
