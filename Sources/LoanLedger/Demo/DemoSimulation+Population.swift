import Lending

extension DemoSimulation {
    /// Daily rates offered (0.03 % – 0.08 % a day, all under the 36 % a year ceiling).
    static let dailyRatesMillionths: [Int64] = [300, 400, 500, 650, 800]

    /// Plans every customer and loan: the special cases first (fixed roles), then a seeded
    /// crowd of punctual, slightly late, late and defaulting borrowers.
    func planPopulation() {
        let roles: [(DemoBehaviour, String)] = [
            (.disputed(delayed: 3), "repayment record arrived late; dispute upheld"),
            (.bouncedPayoff(at: 4), "payoff bounced and was reversed; paid again"),
            (.doublePaidLast, "last installment paid twice; overpayment refunded"),
            (.defaulter(.restructure, stopAfter: 2), "restructured in collection"),
            (.defaulter(.writeOffAndRecover, stopAfter: 1), "written off; recoveries follow"),
            (.defaulter(.cureAndReopen, stopAfter: 1),
             "line closed at DPD 91; arrears paid; line reopened"),
            (.defaulter(.staysLate, stopAfter: 1), "large debt: field visit, legal at 91+"),
        ]
        for index in 0..<Self.customerCount {
            let behaviour = index < roles.count ? roles[index].0 : crowdBehaviour()
            planCustomer(index, behaviour: behaviour, isLarge: index == 6)
            if index < roles.count {
                highlights.append((roles[index].1, customers[index].loans[0]))
            }
        }
        disputedLoan = customers[0].loans[0]
    }

    private func crowdBehaviour() -> DemoBehaviour {
        let draw = random.int(0...99)
        switch draw {
        case 0..<58: return .punctual
        case 58..<73: return .graceCurer
        case 73..<93: return .lateCurer
        case 93..<95: return .defaulter(.writeOffAndRecover, stopAfter: Int(random.int(1...2)))
        case 95..<96: return .defaulter(.restructure, stopAfter: Int(random.int(1...3)))
        default: return .defaulter(.staysLate, stopAfter: Int(random.int(1...3)))
        }
    }

    private func planCustomer(_ index: Int, behaviour: DemoBehaviour, isLarge: Bool) {
        let number = String(index + 1).leftPadded(to: 4)
        let isSpecial = index < 7
        var limit = isLarge ? Money.yuan(200_000) : Money.yuan(1_000 * random.int(20...100))
        if behaviour == .defaulter(.writeOffAndRecover, stopAfter: 1), isSpecial {
            // Large enough that several recoveries are needed: drawn after the random limit so
            // the rest of the population stays the same.
            limit = Money.max(limit, .yuan(60_000))
        }
        // Defaulters and special cases start early so their whole story fits in the year.
        let opensOn = firstDay.adding(days: isSpecial ? Int64(index) : random.int(0...90))
        customers.append(DemoCustomer(
            id: CustomerID(validated: "C-\(number)"), limit: limit, opensOn: opensOn,
            behaviour: behaviour, loans: []))
        plan(.openLine(customer: index), on: opensOn, minute: Self.openingMinute)
        var disburseOn = opensOn.adding(days: random.int(0...10))
        let extra = random.chance(30) ? 2 : 1
        let count = isSpecial || isDefaulter(behaviour) ? 1 : 1 + extra
        for ordinal in 1...count {
            let loan = planLoan(customer: index, ordinal: ordinal, behaviour: behaviour,
                                isLarge: isLarge, limit: limit)
            customers[index].loans.append(loan)
            plan(.disburse(loan: loan), on: disburseOn, minute: Self.openingMinute + 20)
            disburseOn = disburseOn.adding(days: random.int(60...200))
        }
    }

    private func planLoan(customer: Int, ordinal: Int, behaviour: DemoBehaviour, isLarge: Bool,
                          limit: Money) -> Int
    {
        let methods = RepaymentMethod.allCases
        var method = random.pick(methods)
        var term = random.pick([3, 6, 9, 12] as [Int64])
        var principal = Money.yuan(100 * random.int(10...Swift.max(10, limit.fen / 100 / 250)))
        switch behaviour {
        case .disputed:
            // Penalty runs on overdue principal only: the disputed installment must carry some.
            method = .equalInstallment
            term = 12
        case .doublePaidLast: term = 3
        case .bouncedPayoff, .defaulter: term = Swift.max(term, 9)
        default: break
        }
        if behaviour == .defaulter(.writeOffAndRecover, stopAfter: 1), customer < 7 {
            principal = .yuan(24_000)
        }
        if isLarge {
            principal = .yuan(180_000)
            method = .equalPrincipal
            term = 3
        }
        let rate = DailyRate(millionths: random.pick(Self.dailyRatesMillionths))
        let terms = LoanTerms(dailyRate: rate, method: method, termMonths: term)
        let id = "L-\(String(customer + 1).leftPadded(to: 4))-\(ordinal)"
        loans.append(DemoLoan(id: LoanID(validated: id), customer: customer, principal: principal,
                              terms: terms, behaviour: behaviour, isLarge: isLarge))
        return loans.count - 1
    }

    private func isDefaulter(_ behaviour: DemoBehaviour) -> Bool {
        if case .defaulter = behaviour { return true }
        return false
    }
}

extension String {
    /// The string with leading zeros up to `width` characters (ids like `C-0042`).
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
