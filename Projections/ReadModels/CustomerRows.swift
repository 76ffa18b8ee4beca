import EventStore
import Lending

/// The read-model rows of one customer, built from the folded state.
///
/// Rows describe the customer as of ``valuationDate``: the later of the last closed business day
/// and the customer's latest effective date. Both come from the log, never from a clock, so
/// building the rows twice from the same log gives identical rows.
public struct CustomerRows: Sendable, Equatable {
    public var loans: [Row]
    public var collection: [Row]
    public var creditLine: Row?
    public var limitHistory: [Row]

    /// The business date the rows are valued on.
    public static func valuationDate(_ state: CustomerState, lastClosedDay: BusinessDate?)
        -> BusinessDate?
    {
        switch (state.latestEffectiveDate, lastClosedDay) {
        case (nil, let closed): return closed
        case (let latest?, nil): return latest
        case (let latest?, let closed?): return Swift.max(latest, closed)
        }
    }

    /// Builds every row of `state`.
    /// - Complexity: O(loans × facts × installments).
    public init(_ state: CustomerState, lastClosedDay: BusinessDate?, policies: CollectionPolicyBook)
    {
        loans = []
        collection = []
        limitHistory = []
        creditLine = nil
        guard let valuation = CustomerRows.valuationDate(state, lastClosedDay: lastClosedDay)
        else { return }
        var outstanding = Money.zero
        for loan in state.orderedLoans {
            let statement = loan.statement(asOf: Swift.max(valuation, loan.contract.disbursedOn))
            outstanding += statement.outstandingPrincipal
            let reviewAfter = lastClosedDay ?? loan.contract.disbursedOn.adding(days: -1)
            let review = state.nextReviewDate(
                of: loan.contract.loanId, after: reviewAfter, policies: policies)
            loans.append(CustomerRows.loanRow(loan, statement, state, review: review))
            collection.append(CustomerRows.collectionRow(loan, statement, state))
        }
        if let line = state.line {
            creditLine = [
                "customer_id": .text(state.customerId.rawValue),
                "status": .text(line.status.rawValue),
                "freeze_reasons": .text(line.freezeReasons.sorted().map(\.rawValue)
                    .joined(separator: ",")),
                "opened_on": .text(line.openedOn.description),
                "as_of": .text(valuation.description),
                "credit_limit": .integer(line.limit.fen),
                "outstanding_principal": .integer(outstanding.fen),
                "available": .integer(Money.max(.zero, line.limit - outstanding).fen),
                "loans": .integer(Int64(state.loanOrder.count)),
            ]
            for (index, change) in line.limitHistory.enumerated() {
                limitHistory.append([
                    "customer_id": .text(state.customerId.rawValue),
                    "seq": .integer(Int64(index + 1)),
                    "effective_date": .text(change.effectiveDate.description),
                    "credit_limit": .integer(change.limit.fen),
                ])
            }
        }
    }

    static func dateCell(_ date: BusinessDate?) -> Cell {
        date.map { .text($0.description) } ?? .null
    }

    /// The due date of the oldest installment past due and unpaid (DPD counts from it).
    static func dpdSince(_ statement: LoanStatement) -> BusinessDate? {
        guard statement.dpd > 0 else { return nil }
        return statement.asOf.adding(days: -statement.dpd)
    }

    static func loanRow(
        _ loan: LoanRecord, _ s: LoanStatement, _ state: CustomerState, review: BusinessDate?
    ) -> Row {
        let unpaidDue = s.installments.filter { $0.dueDate <= s.asOf }
        let interestDue = unpaidDue.map { $0.interest - $0.paidInterest }.sum()
        let penaltyDue = s.installments.map { $0.penalty - $0.paidPenalty - $0.waivedPenalty }.sum()
        return [
            "loan_id": .text(loan.contract.loanId.rawValue),
            "customer_id": .text(state.customerId.rawValue),
            "status": .text(s.status.rawValue),
            "stage": .text(loan.recordedStage.rawValue),
            "method": .text(loan.contract.terms.method.rawValue),
            "disbursed_on": .text(loan.contract.disbursedOn.description),
            "as_of": .text(s.asOf.description),
            "next_due_date": dateCell(s.nextDueDate),
            "dpd_since": dateCell(dpdSince(s)),
            "next_review": dateCell(review),
            "restructured": .integer(s.restructured ? 1 : 0),
            "grace_days": .integer(loan.contract.terms.graceDays),
            "dpd": .integer(s.dpd),
            "principal": .integer(loan.contract.principal.fen),
            "outstanding_principal": .integer(s.outstandingPrincipal.fen),
            "interest_due": .integer(interestDue.fen),
            "penalty_due": .integer(penaltyDue.fen),
            "overdue_total": .integer(s.overdue.total.fen),
            "capitalised_interest": .integer(s.totals.capitalisedInterest.fen),
            "paid_principal": .integer(s.totals.paidPrincipal.fen),
            "paid_interest": .integer(s.totals.paidInterest.fen),
            "paid_penalty": .integer(s.totals.paidPenalty.fen),
            "waived_penalty": .integer(s.totals.waivedPenalty.fen),
            "written_off": .integer(s.totals.writtenOff.fen),
            "recovered": .integer(s.totals.recovered.fen),
            "overpaid": .integer(s.totals.overpaid.fen),
            "refunded": .integer(s.totals.refunded.fen),
        ]
    }

    static func collectionRow(_ loan: LoanRecord, _ s: LoanStatement, _ state: CustomerState)
        -> Row
    {
        let action = loan.lastAction
        return [
            "loan_id": .text(loan.contract.loanId.rawValue),
            "customer_id": .text(state.customerId.rawValue),
            "stage": .text(loan.recordedStage.rawValue),
            "stage_since": dateCell(loan.recordedStageSince),
            "last_action_at": action.map { .text($0.at.description) } ?? .null,
            "last_action_channel": action.map { .text($0.channel.rawValue) } ?? .null,
            "last_action_by": action.map {
                .text($0.actors.map(\.rawValue).joined(separator: ","))
            } ?? .null,
            "dpd_since": dateCell(dpdSince(s)),
            "as_of": .text(s.asOf.description),
            "dpd": .integer(s.dpd),
            "overdue_amount": .integer(s.overdue.total.fen),
            "calls_on_last_action_day": .integer(Int64(action.map {
                loan.callsByDay[$0.at.date] ?? 0 } ?? 0)),
            "dispute_open": .integer(loan.isDisputeOpen ? 1 : 0),
        ]
    }
}
