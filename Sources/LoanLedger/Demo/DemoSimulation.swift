import EventStore
import Lending

/// Runs the demo: plans a population, then walks business days one by one, running each
/// day's tasks through the same ``Ledger`` commands a user runs and closing the day.
///
/// A class because it is one mutable simulation driven step by step; it never escapes
/// ``DemoPortfolio/run(path:force:endingOn:seed:progress:)``.
final class DemoSimulation {
    let ledger: Ledger
    let clock: SimulatedClock
    let firstDay: BusinessDate
    let lastDay: BusinessDate
    var random: SplitMix64
    var customers: [DemoCustomer] = []
    var loans: [DemoLoan] = []
    /// Tasks by business date; each day's list is sorted by minute before it runs.
    var agenda: [BusinessDate: [DemoTask]] = [:]
    var sequence = 0
    /// The business day being simulated.
    var today: BusinessDate
    /// The loan with the late-arriving repayment record.
    var disputedLoan: Int?
    /// Loans whose story is worth pointing at, in the order they were planned.
    var highlights: [(label: String, loan: Int)] = []
    /// True once the day loop started.
    var isRunning = false
    /// Expectations of the scenario that the ledger's answers did not meet (empty when healthy).
    var anomalies: [String] = []
    /// The collection policy the demo checks its own plans against before asking the ledger.
    let policy = CollectionPolicy.standard

    /// Customers the demo plans (at least 200 are needed; some loans may be refused credit).
    static let customerCount = 224
    /// Minute end of day runs each simulated day (23:00 Shanghai, after the contact window).
    static let endOfDayMinute: Int64 = 23 * 60
    /// Minute the first task of a day is planned at.
    static let openingMinute: Int64 = 8 * 60 + 30

    init(ledger: Ledger, clock: SimulatedClock, seed: UInt64, firstDay: BusinessDate,
         lastDay: BusinessDate)
    {
        self.ledger = ledger
        self.clock = clock
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.today = firstDay
        random = SplitMix64(seed: seed)
    }

    /// Plans the population, then simulates every day from ``firstDay`` through ``lastDay``.
    /// - Throws: ``DemoError/commandFailed(step:error:)`` when a command is refused.
    func run(progress: ((Int, Int) -> Void)?) throws(DemoError) {
        planPopulation()
        isRunning = true
        let total = Int(firstDay.days(until: lastDay)) + 1
        var done = 0
        var day = firstDay
        while day <= lastDay {
            today = day
            let tasks = (agenda.removeValue(forKey: day) ?? []).sorted {
                ($0.minute, $0.sequence) < ($1.minute, $1.sequence)
            }
            for task in tasks {
                setClock(minute: task.minute)
                try perform(task.kind)
            }
            setClock(minute: Self.endOfDayMinute)
            do {
                try ledger.closeDays(through: day)
            } catch {
                throw .commandFailed(step: "day close \(day)", error: error)
            }
            done += 1
            progress?(done, total)
            day = day.adding(days: 1)
        }
    }

    /// Plans a task; tasks after the last simulated day are dropped (the story ends there).
    func plan(_ kind: DemoTask.Kind, on date: BusinessDate, minute: Int64) {
        guard date <= lastDay else { return }
        // Today's list was taken off the agenda when the day started: a task planned for
        // today while it runs would be lost silently.
        precondition(!isRunning || date > today, "tasks are planned for later days")
        sequence += 1
        agenda[date, default: []].append(DemoTask(minute: minute, sequence: sequence, kind: kind))
    }

    private func setClock(minute: Int64) {
        let target = LocalTime(date: today, minuteOfDay: minute).unixSeconds * 1_000_000
        clock.advance(to: Swift.max(target, clock.nowMicroseconds()))
    }

    private func perform(_ kind: DemoTask.Kind) throws(DemoError) {
        switch kind {
        case .openLine(let customer): try openLine(customer)
        case .disburse(let loan): try disburse(loan)
        case .pay(let loan): try payInstallment(loan)
        case .payoff(let loan): try payOff(loan)
        case .collect(let loan, let channel, let outcome):
            try collect(loan, channel: channel, outcome: outcome)
        case .backdatedPay(let loan, let date, let channel):
            try payBackdated(loan, on: date, channel: channel)
        case .reverse(let loan, let payment): try reverse(loan, payment: payment)
        case .refund(let loan): try refund(loan)
        case .openDispute(let loan): try openDispute(loan)
        case .resolveDispute(let loan): try resolveDispute(loan)
        case .restructure(let loan): try restructure(loan)
        case .writeOff(let loan): try writeOff(loan)
        case .recover(let loan): try recover(loan)
        case .cure(let loan): try cure(loan)
        case .reopenLine(let customer): try reopenLine(customer)
        }
    }

    /// Runs one command; on success refreshes the local copies of the customer's loans.
    @discardableResult
    func execute(_ command: LendingCommand, customer: Int, actor: String, reason: String? = nil,
                 step: String) throws(DemoError) -> CommandOutcome
    {
        let metadata = CommandMetadata(actor: ActorID(validated: actor), reason: reason)
        let outcome: CommandOutcome
        do {
            outcome = try ledger.execute(command, for: customers[customer].id, metadata: metadata)
        } catch {
            throw .commandFailed(step: step, error: error)
        }
        for index in customers[customer].loans {
            if let record = outcome.state.loans[loans[index].id] { loans[index].record = record }
        }
        return outcome
    }
}
