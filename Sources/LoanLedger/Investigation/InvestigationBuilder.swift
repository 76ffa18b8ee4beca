import Lending
import Projections

/// Builds an ``Investigation`` from a customer's folded history. Pure: no store access.
struct InvestigationBuilder {
    let loan: LoanID
    let history: CustomerHistory
    /// Business day → position of its `DayClosed`.
    let dayCloses: [BusinessDate: Int64]
    let policies: CollectionPolicyBook
    let lastClosedDay: BusinessDate?
    let headPosition: Int64

    /// The loan as known now.
    var record: LoanRecord {
        guard let record = history.state.loans[loan] else {
            preconditionFailure("the caller checked that the loan exists")
        }
        return record
    }

    func build() -> Investigation {
        let record = self.record
        let entries = self.entries(record)
        let timeline = self.timeline(record)
        let runs = differenceRuns(timeline)
        let contract = Self.summary(of: record.contract)
        var story = Investigation(
            loan: loan, customer: history.state.customerId, contract: contract,
            lastClosedDay: lastClosedDay, headPosition: headPosition, entries: entries,
            collectionActions: entries.filter { $0.type == CollectionActionRecorded.type },
            timeline: timeline, differences: runs, summary: [])
        story.summary = InvestigationSummary.sentences(story, record: record,
                                                       asOf: lastClosedDay)
        return story
    }

    static func summary(of contract: LoanContract) -> Investigation.ContractSummary {
        Investigation.ContractSummary(
            principal: contract.principal, disbursedOn: contract.disbursedOn,
            method: contract.terms.method.rawValue, termMonths: contract.terms.termMonths,
            dailyRate: contract.terms.dailyRate.description,
            graceDays: contract.terms.graceDays,
            firstDueDate: contract.schedule.first?.dueDate ?? contract.disbursedOn,
            lastDueDate: contract.schedule.last?.dueDate ?? contract.disbursedOn)
    }

    // MARK: - Entries

    /// The events of the story in business order, each with both balances.
    private func entries(_ record: LoanRecord) -> [Investigation.Entry] {
        var factsKnown = 0
        var entries: [Investigation.Entry] = []
        let closedOn = lastClosedDay.flatMap {
            $0 >= record.contract.disbursedOn ? record.statement(asOf: $0).closedOn : nil
        }
        for decoded in history.events {
            if decoded.event.loanId == loan, Self.isMoneyFact(decoded.event) { factsKnown += 1 }
            guard isPartOfStory(decoded, record: record, closedOn: closedOn) else { continue }
            let date = Swift.max(decoded.effectiveDate, record.contract.disbursedOn)
            let then = LoanReplay.evaluate(record.contract,
                                           facts: Array(record.facts.prefix(factsKnown)),
                                           asOf: date)
            let position = decoded.recorded.position
            entries.append(Investigation.Entry(
                position: position, effectiveDate: decoded.effectiveDate,
                recordedAt: decoded.recorded.recordedAt,
                recordedAtText: Self.timeText(decoded.recorded.recordedAt),
                type: decoded.recorded.type, actor: decoded.metadata.actor,
                reason: decoded.metadata.reason,
                sentence: InvestigationNarrative.sentence(for: decoded.event),
                isBackdated: isBackdated(decoded),
                knownNow: Self.balance(record.statement(asOf: date), on: date),
                knownThen: Self.balance(then, on: date)))
        }
        return entries.sorted {
            ($0.effectiveDate, $0.position) < ($1.effectiveDate, $1.position)
        }
    }

    /// The loan's own events, and the line's freezes, closures and reopenings in its life
    /// (from disbursement to the day it was paid off, if it was).
    private func isPartOfStory(_ decoded: EventCodec.Decoded, record: LoanRecord,
                               closedOn: BusinessDate?) -> Bool
    {
        switch decoded.event {
        case .creditLineFrozen, .creditLineUnfrozen, .creditLineClosed, .creditLineReopened:
            return decoded.effectiveDate >= record.contract.disbursedOn
                && closedOn.map { decoded.effectiveDate <= $0 } ?? true
        default:
            return decoded.event.loanId == loan
        }
    }

    /// True for the events whose fold appends to `LoanRecord.facts`.
    static func isMoneyFact(_ event: LendingEvent) -> Bool {
        switch event {
        case .repaymentReceived, .repaymentReversed, .refundIssued, .penaltyWaived,
            .loanRestructured, .loanWrittenOff:
            return true
        default:
            return false
        }
    }

    /// The business date an event's effect starts on: a reversal acts at its payment's date.
    static func effectDate(_ decoded: EventCodec.Decoded) -> BusinessDate {
        if case .repaymentReversed(let e) = decoded.event { return e.paymentDate }
        return decoded.effectiveDate
    }

    /// Recorded after its effect date had been closed, or a correction naming an earlier date.
    private func isBackdated(_ decoded: EventCodec.Decoded) -> Bool {
        switch decoded.event {
        case .loanCured(let e) where e.correctsFrom != nil: return true
        case .collectionStageChanged(let e) where e.correctsFrom != nil: return true
        case .creditLineUnfrozen(let e) where e.correctsFrom != nil: return true
        default: break
        }
        guard let closed = dayCloses[Self.effectDate(decoded)] else { return false }
        return decoded.recorded.position > closed
    }

    static func balance(_ statement: LoanStatement, on date: BusinessDate)
        -> Investigation.Balance
    {
        if statement.writeOff != nil {
            return Investigation.Balance(
                outstandingPrincipal: statement.outstandingPrincipal,
                interestDue: statement.overdue.interest, penaltyDue: statement.overdue.penalty,
                dpd: statement.dpd)
        }
        let due = statement.installments.filter { $0.dueDate <= date }
        return Investigation.Balance(
            outstandingPrincipal: statement.outstandingPrincipal,
            interestDue: due.map(\.unpaidInterest).sum(),
            penaltyDue: statement.installments.map(\.unpaidPenalty).sum(), dpd: statement.dpd)
    }

    /// RFC 3339 in Asia/Shanghai, to the second.
    static func timeText(_ microseconds: Int64) -> String {
        let seconds = microseconds >= 0
            ? microseconds / 1_000_000 : (microseconds - 999_999) / 1_000_000
        return LocalTime(unixSeconds: seconds).description
    }
}
