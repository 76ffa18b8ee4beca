import Lending

/// Random but plausible commands for one customer on its harness's `today`: loans drawn,
/// repayments on time, late, partial, backdated and payoffs, reversals, refunds, waivers,
/// restructures, write-offs, line changes, disputes and calls. Some are refused by the rules;
/// that is part of what is exercised.
struct RandomActivity {
    var rng: AggregateRandom
    /// Loans drawn so far (ids are `L-<customer>-<n>`, unique across a portfolio).
    var loansDrawn = 0
    var referencesUsed = 0
    /// How often (per mille a day) each loan's borrower does something: diligent, late or a
    /// defaulter, drawn when the loan is.
    var activityPerMille: [LoanID: Int64] = [:]

    init(seed: UInt64) { rng = AggregateRandom(seed: seed) }

    /// The commands for one day, decided from `h`'s state as it stands (the caller runs them
    /// in order, so later ones may be refused by what earlier ones did).
    mutating func commands(for h: CustomerHarness) -> [LendingCommand] {
        let today = h.today
        guard let line = h.state.line else {
            return [.openLine(limit: .yuan(rng.pick([20_000, 100_000, 300_000, 300_000])),
                              on: today)]
        }
        var commands: [LendingCommand] = []
        if h.state.loanOrder.count < 5, rng.chance(perMille: 60) {
            commands.append(disbursement(h))
        }
        for loan in h.state.orderedLoans where loan.contract.disbursedOn <= today {
            let perMille = activityPerMille[loan.contract.loanId] ?? 100
            if rng.chance(perMille: perMille) { commands += loanCommands(loan, h) }
            if rng.chance(perMille: 30) { commands.append(collection(loan, h)) }
        }
        commands += lineCommands(line, today: today)
        return commands
    }

    mutating func disbursement(_ h: CustomerHarness) -> LendingCommand {
        loansDrawn += 1
        let id = LoanID(validated: "L-\(h.state.customerId)-\(loansDrawn)")
        activityPerMille[id] = rng.pick([150, 150, 40, 8])
        let available = h.state.availableCredit(asOf: h.today)
        let large = rng.chance(perMille: 150)
        let principal = large ? Money.yuan(rng.int(20_000...200_000))
            : Money(fen: rng.int(1_000...Swift.max(1_000, Swift.min(available.fen, 5_000_000))))
        let terms = LoanTerms(
            dailyRate: DailyRate(millionths: rng.int(50...986)),
            method: rng.pick(RepaymentMethod.allCases), termMonths: rng.pick([3, 6, 9, 12]),
            graceDays: rng.pick([0, 1, 3, 3, 3, 5, 15]))
        // Valid on its face by construction; the line and available credit decide the rest.
        let request = try? DisbursementRequest(loanId: id, principal: principal, terms: terms,
                                               on: h.today)
        return request.map(LendingCommand.disburse) ?? .freezeLine(on: h.today)
    }

    mutating func loanCommands(_ loan: LoanRecord, _ h: CustomerHarness) -> [LendingCommand] {
        let id = loan.contract.loanId
        let today = h.today
        let statement = loan.statement(asOf: today)
        if statement.dpd >= LendingLimits.dpdLineClose, statement.status == .active,
            rng.chance(perMille: 300)
        {
            return [.writeOff(loan: id, on: today)]
        }
        if statement.isOverdue, rng.chance(perMille: 150) {
            return [.restructure(loan: id, termMonths: rng.int(3...36),
                                 on: recent(loan, today: today))]
        }
        let penalty = statement.installments.map(\.unpaidPenalty).sum()
        if penalty.isPositive, rng.chance(perMille: 100) {
            let day = recent(loan, today: today)
            let owed = loan.statement(asOf: day).installments.map(\.unpaidPenalty).sum()
            guard owed.isPositive else { return [] }
            return [.waivePenalty(loan: id, amount: rng.money(upTo: owed), on: day)]
        }
        switch rng.int(0...99) {
        case 0..<25:
            return repayment(id, statement.overdue.total, on: today)
        case 25..<45:
            let next = statement.installments.first { $0.status != .paid }
            return repayment(id, next?.unpaidTotal ?? .zero, on: today)
        case 45..<60:
            guard statement.payoff.amount.isPositive else { return [] }
            return repayment(id, rng.money(upTo: statement.payoff.amount), on: today)
        case 60..<68:
            return repayment(id, statement.payoff.amount, on: today)
        case 68..<80:
            let back = Swift.max(loan.contract.disbursedOn, today.adding(days: -rng.int(1...9)))
            let payoff = loan.statement(asOf: back).payoff.amount
            guard payoff.isPositive else { return [] }
            return repayment(id, rng.money(upTo: payoff), on: back)
        case 80..<86:
            let live = h.state.references.filter { $0.value.loan == id && !$0.value.isReversed
                && $0.value.kind == .repayment }.keys.sorted()
            guard !live.isEmpty else { return [] }
            let reference = rng.pick(live)
            let paid = h.state.references[reference]?.date ?? today
            return [.reverse(loan: id, reference: reference,
                             on: Swift.max(paid, recent(loan, today: today)))]
        case 86..<90:
            guard statement.dpd > 0 else { return [] }
            return [.restructure(loan: id, termMonths: rng.int(3...36), on: today)]
        case 90..<93:
            return [.writeOff(loan: id, on: today)]
        case 93..<96:
            let unpaid = statement.installments.map(\.unpaidPenalty).sum()
            guard unpaid.isPositive else { return [] }
            return [.waivePenalty(loan: id, amount: rng.money(upTo: unpaid), on: today)]
        default:
            guard statement.overpaidBalance.isPositive else { return [] }
            referencesUsed += 1
            return [.refund(loan: id, amount: statement.overpaidBalance, on: today,
                            reference: PaymentReference(validated: "RF-\(id)-\(referencesUsed)"))]
        }
    }

    /// Today, or now and then a few days back (a backdated fact), never before the loan.
    mutating func recent(_ loan: LoanRecord, today: BusinessDate) -> BusinessDate {
        guard rng.chance(perMille: 300) else { return today }
        return Swift.max(loan.contract.disbursedOn, today.adding(days: -rng.int(1...6)))
    }

    /// A call at 10:00 Shanghai, or a dispute opened or resolved.
    mutating func collection(_ loan: LoanRecord, _ h: CustomerHarness) -> LendingCommand {
        let id = loan.contract.loanId
        switch rng.int(0...9) {
        case 0:
            return loan.isDisputeOpen
                ? .resolveDispute(loan: id, on: h.today, outcome: rng.pick([.upheld, .rejected]),
                                  note: "checked")
                : .openDispute(loan: id, on: h.today)
        default:
            let at = LocalTime(date: h.today, minuteOfDay: rng.int(7 * 60...22 * 60))
            return .recordCollectionAction(CollectionActionRequest(
                loanId: id, channel: rng.pick([.sms, .call, .call, .visit]), at: at,
                actors: [AggregateFixture.wang, AggregateFixture.li]))
        }
    }

    mutating func repayment(_ loan: LoanID, _ amount: Money, on day: BusinessDate)
        -> [LendingCommand]
    {
        guard amount.isPositive else { return [] }
        referencesUsed += 1
        let reference = PaymentReference(validated: "P-\(loan)-\(referencesUsed)")
        return [.repay(loan: loan, amount: amount, on: day, reference: reference, channel: nil)]
    }

    mutating func lineCommands(_ line: CreditLine, today: BusinessDate) -> [LendingCommand] {
        switch rng.int(0...999) {
        case 0..<15: return [.adjustLimit(limit: .yuan(rng.int(0...400_000)), on: today)]
        case 15..<25: return [line.freezeReasons.contains(.manual)
            ? .unfreezeLine(on: today) : .freezeLine(on: today)]
        case 25..<27: return [.closeLine(on: today)]
        case 30..<45: return [.reopenLine(limit: .yuan(rng.int(0...300_000)), on: today)]
        default: return []
        }
    }
}

extension CustomerHarness {
    /// Runs `command`, folding what it appends; a refusal leaves the state as it was.
    /// Returns the decision, or the error it was refused with.
    @discardableResult
    mutating func attempt(_ command: LendingCommand) -> Result<Decision, LendingError> {
        do {
            let decision = try decide(command)
            apply(decision)
            return .success(decision)
        } catch {
            return .failure(error)
        }
    }
}
