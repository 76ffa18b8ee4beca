import Lending

/// Lives one customer's history with the pure domain: `decide` each command with a
/// ``DecisionContext`` whose `today` advances, `closeDay` on the days a loan can change, and
/// `evolve` every decided event, so the events are exactly what the Ledger would have written.
///
/// Behaviour mix per loan: most installments are paid on their due date, about one in ten
/// late (3–40 days, so penalty, overdue notices, cures and stage changes occur), and one loan
/// in twenty stops paying part-way (collection stages, the overdue freeze and the DPD-91 close).
struct CustomerSimulator {
    /// One decided event, and whether end of day (not a command) produced it.
    struct Produced {
        var event: DecidedEvent
        var isEndOfDay: Bool
    }

    /// The shape of one customer's life.
    struct Profile {
        var customer: CustomerID
        var start: BusinessDate
        /// No day after this is simulated.
        var last: BusinessDate
        /// New loans stop once this many events exist.
        var eventTarget: Int
        var creditLimit: Money
        var principalYuan: ClosedRange<Int64>
        var termsMonths: [Int64]
        var daysBetweenLoans: ClosedRange<Int64>
        var latePercent: Int64
        var defaultPercent: Int64
    }

    private let policies = CollectionPolicyBook()
    private(set) var state: CustomerState
    private(set) var produced: [Produced] = []
    private var random: BenchRandom
    private let profile: Profile
    private var payments: [BusinessDate: [LoanID]] = [:]
    private var active: Set<LoanID> = []
    private var nextLoanDay: BusinessDate?
    private var loansDrawn = 0
    private var referencesUsed = 0

    init(_ profile: Profile, seed: UInt64) {
        self.profile = profile
        state = CustomerState(customerId: profile.customer)
        random = BenchRandom(seed: seed)
    }

    /// Runs the whole life and returns the events in the order they were decided.
    static func live(_ profile: Profile, seed: UInt64) -> [Produced] {
        var simulator = CustomerSimulator(profile, seed: seed)
        simulator.run()
        return simulator.produced
    }

    mutating func run() {
        var day = profile.start
        apply(.openLine(limit: profile.creditLimit, on: day), today: day)
        nextLoanDay = day
        while day <= profile.last {
            if nextLoanDay == day { drawLoan(on: day) }
            for loan in payments.removeValue(forKey: day) ?? [] { pay(loan, on: day) }
            closeDay(day)
            guard let next = nextDay(after: day) else { break }
            day = next
        }
    }

    private mutating func closeDay(_ day: BusinessDate) {
        let decided = state.closeDay(day, policy: policies.policy(on: day), only: active)
        for event in decided {
            state.evolve(event.event, on: event.effectiveDate)
            produced.append(Produced(event: event, isEndOfDay: true))
        }
    }

    /// The next day something can happen: a loan, a payment or an end-of-day change.
    private mutating func nextDay(after day: BusinessDate) -> BusinessDate? {
        var candidates: [BusinessDate] = []
        if let loanDay = nextLoanDay { candidates.append(loanDay) }
        if let payment = payments.keys.min() { candidates.append(payment) }
        let policy = policies.policy(on: day.adding(days: 1))
        for loan in active {
            if let review = state.nextReviewDate(of: loan, after: day, policy: policy) {
                candidates.append(Swift.max(review, day.adding(days: 1)))
            } else if !payments.values.contains(where: { $0.contains(loan) }) {
                active.remove(loan)
            }
        }
        return candidates.min()
    }

    private mutating func drawLoan(on day: BusinessDate) {
        nextLoanDay = nil
        guard produced.count < profile.eventTarget, state.line?.lifecycle == .open else { return }
        // A frozen line (overdue) refuses new loans; try again once it may have thawed.
        guard state.line?.status == .active else {
            nextLoanDay = day.adding(days: random.int(profile.daysBetweenLoans))
            return
        }
        loansDrawn += 1
        let id = LoanID(validated: "L\(profile.customer.rawValue)-\(loansDrawn)")
        let principal = Money.yuan(random.int(profile.principalYuan))
        let terms = LoanTerms(
            dailyRate: DailyRate(millionths: random.pick([300, 400, 500, 600])),
            method: random.pick(RepaymentMethod.allCases),
            termMonths: random.pick(profile.termsMonths))
        guard let request = try? DisbursementRequest(loanId: id, principal: principal,
                                                     terms: terms, on: day),
            apply(.disburse(request), today: day), let loan = state.loans[id]
        else { return }
        active.insert(id)
        schedulePayments(of: loan, on: day)
        nextLoanDay = day.adding(days: random.int(profile.daysBetweenLoans))
    }

    private mutating func schedulePayments(of loan: LoanRecord, on day: BusinessDate) {
        let installments = loan.statement(asOf: day).installments
        let defaultsFrom = random.chance(profile.defaultPercent)
            ? random.int(1...Int64(installments.count)) : Int64.max
        for installment in installments where installment.number < defaultsFrom {
            let delay = random.chance(profile.latePercent) ? random.int(3...40) : 0
            let payDay = Swift.min(installment.dueDate.adding(days: delay), profile.last)
            payments[payDay, default: []].append(loan.contract.loanId)
        }
    }

    /// Pays everything due on or before `day` on `loan`, if anything is.
    private mutating func pay(_ id: LoanID, on day: BusinessDate) {
        guard let loan = state.loans[id] else { return }
        let statement = loan.statement(asOf: day)
        let due = statement.installments.filter { $0.dueDate <= day }.map(\.unpaidTotal).sum()
        guard due.isPositive else { return }
        referencesUsed += 1
        let reference = PaymentReference(
            validated: "R\(profile.customer.rawValue)-\(referencesUsed)")
        apply(.repay(loan: id, amount: due, on: day, reference: reference, channel: "bank"),
              today: day)
    }

    /// Decides and folds one command; false when the domain refused it.
    @discardableResult
    private mutating func apply(_ command: LendingCommand, today: BusinessDate) -> Bool {
        let context = DecisionContext(today: today, lastClosedDay: today.adding(days: -1),
                                      policies: policies)
        guard case .append(let events)? = try? state.decide(command, context: context) else {
            return false
        }
        for event in events {
            state.evolve(event.event, on: event.effectiveDate)
            produced.append(Produced(event: event, isEndOfDay: false))
        }
        return true
    }
}
