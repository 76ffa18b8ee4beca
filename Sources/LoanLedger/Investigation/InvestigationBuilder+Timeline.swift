import Lending
import Projections

extension InvestigationBuilder {
    /// One comparison per closed business day of the loan's life, walking the log once: the
    /// "then" state is folded forward to each day's `DayClosed` position.
    /// - Complexity: O(events + days × loans of the customer × their facts).
    func timeline(_ record: LoanRecord) -> [Investigation.DayComparison] {
        guard let last = lastClosedDay, last >= record.contract.disbursedOn else { return [] }
        var then = CustomerState(customerId: history.state.customerId)
        var next = 0
        var lineNow = LineRecord()
        let lineEvents = history.events.filter { Self.isLineEvent($0.event) }.sorted {
            ($0.effectiveDate, $0.recorded.position) < ($1.effectiveDate, $1.recorded.position)
        }
        var nextLine = 0
        var rows: [Investigation.DayComparison] = []
        var day = record.contract.disbursedOn
        while day <= last {
            defer { day = day.adding(days: 1) }
            guard let closedAt = dayCloses[day] else { continue }
            while next < history.events.count,
                history.events[next].recorded.position <= closedAt
            {
                then.evolve(history.events[next].event, on: history.events[next].effectiveDate)
                next += 1
            }
            while nextLine < lineEvents.count, lineEvents[nextLine].effectiveDate <= day {
                lineNow.apply(lineEvents[nextLine].event)
                nextLine += 1
            }
            guard let loanThen = then.loans[loan] else { continue }
            let knownThen = view(loanThen, on: day, line: Self.describe(then.line))
            let overdueNow = history.state.orderedLoans.contains {
                $0.contract.disbursedOn <= day && $0.statement(asOf: day).isOverdue
            }
            let knownNow = view(record, on: day, line: lineNow.describe(overdue: overdueNow))
            rows.append(Investigation.DayComparison(
                date: day, closedAtPosition: closedAt, knownThen: knownThen,
                knownNow: knownNow, differingFields: Self.differences(knownThen, knownNow)))
        }
        return rows
    }

    private func view(_ loan: LoanRecord, on day: BusinessDate, line: String)
        -> Investigation.DayView
    {
        let statement = loan.statement(asOf: day)
        let stage = policies.policy(on: day).stage(
            dpd: statement.dpd, overdueAmount: statement.overdue.total,
            graceDays: loan.contract.terms.graceDays)
        return Investigation.DayView(
            dpd: statement.dpd, stage: stage.rawValue,
            penaltyAccrued: statement.installments.map(\.penalty).sum(),
            outstandingPrincipal: statement.outstandingPrincipal, line: line)
    }

    static func differences(_ a: Investigation.DayView, _ b: Investigation.DayView)
        -> [String]
    {
        var fields: [String] = []
        if a.dpd != b.dpd { fields.append("dpd") }
        if a.stage != b.stage { fields.append("stage") }
        if a.penaltyAccrued != b.penaltyAccrued { fields.append("penalty") }
        if a.outstandingPrincipal != b.outstandingPrincipal { fields.append("principal") }
        if a.line != b.line { fields.append("line") }
        return fields
    }

    static func isLineEvent(_ event: LendingEvent) -> Bool {
        switch event {
        case .creditLineOpened, .creditLineFrozen, .creditLineUnfrozen, .creditLineClosed,
            .creditLineReopened:
            return true
        default:
            return false
        }
    }

    /// `active`, `frozen (manual, overdue)` or `closed`, from a folded line.
    static func describe(_ line: CreditLine?) -> String {
        guard let line else { return "none" }
        return LineRecord.describe(closed: line.lifecycle == .closed,
                                   reasons: Set(line.freezeReasons))
    }

    // MARK: - Differences

    /// Maximal runs of consecutive days that differ, each with the facts that explain it.
    func differenceRuns(_ timeline: [Investigation.DayComparison])
        -> [Investigation.DifferenceRun]
    {
        var runs: [Investigation.DifferenceRun] = []
        for row in timeline where !row.differingFields.isEmpty {
            if var run = runs.last, run.through.adding(days: 1) == row.date {
                run.through = row.date
                run.days.append(row)
                run.fields = Self.union(run.fields, row.differingFields)
                runs[runs.count - 1] = run
            } else {
                runs.append(Investigation.DifferenceRun(
                    from: row.date, through: row.date, fields: row.differingFields,
                    days: [row], explanations: []))
            }
        }
        for index in runs.indices { runs[index].explanations = explanations(for: runs[index]) }
        return runs
    }

    /// Money facts recorded after a day of the run had closed, effective on or before it.
    private func explanations(for run: Investigation.DifferenceRun)
        -> [Investigation.Explanation]
    {
        var found: [Investigation.Explanation] = []
        for decoded in history.events where Self.isMoneyFact(decoded.event) {
            let effect = Self.effectDate(decoded)
            let explains = run.days.contains {
                decoded.recorded.position > $0.closedAtPosition && effect <= $0.date
            }
            guard explains else { continue }
            found.append(Investigation.Explanation(
                position: decoded.recorded.position, effectiveDate: decoded.effectiveDate,
                recordedAtText: Self.timeText(decoded.recorded.recordedAt),
                type: decoded.recorded.type,
                sentence: InvestigationNarrative.sentence(for: decoded.event)))
        }
        return found
    }

    private static func union(_ a: [String], _ b: [String]) -> [String] {
        let order = ["dpd", "stage", "penalty", "principal", "line"]
        let all = Set(a + b)
        return order.filter { all.contains($0) }
    }
}

/// A credit line's recorded lifecycle and non-overdue freeze reasons, folded in business order.
struct LineRecord {
    var exists = false
    var closed = false
    var reasons: Set<FreezeReason> = []

    mutating func apply(_ event: LendingEvent) {
        switch event {
        case .creditLineOpened: exists = true
        case .creditLineFrozen(let e): reasons.insert(e.reason)
        case .creditLineUnfrozen(let e): reasons.remove(e.reason)
        case .creditLineClosed: closed = true
        case .creditLineReopened: closed = false
        default: break
        }
    }

    /// The description with the `overdue` reason replaced by the recomputed answer.
    func describe(overdue: Bool) -> String {
        guard exists else { return "none" }
        var reasons = self.reasons
        reasons.remove(.overdue)
        if overdue { reasons.insert(.overdue) }
        return LineRecord.describe(closed: closed, reasons: reasons)
    }

    static func describe(closed: Bool, reasons: Set<FreezeReason>) -> String {
        if closed { return "closed" }
        guard !reasons.isEmpty else { return "active" }
        return "frozen (" + reasons.sorted().map(\.rawValue).joined(separator: ", ") + ")"
    }
}
