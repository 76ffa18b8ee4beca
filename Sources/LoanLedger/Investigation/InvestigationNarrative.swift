import Lending
import Projections

/// Plain-words sentences for events, for people reading a dispute file.
enum InvestigationNarrative {
    /// One sentence saying what the event records.
    static func sentence(for event: LendingEvent) -> String {
        switch event {
        case .creditLineOpened, .creditLimitAdjusted, .creditLineFrozen, .creditLineUnfrozen,
            .creditLineClosed, .creditLineReopened:
            return lineSentence(event)
        case .loanDisbursed, .repaymentReceived, .repaymentReallocated, .repaymentReversed,
            .refundIssued, .penaltyWaived, .loanRestructured, .loanWrittenOff:
            return moneySentence(event)
        default:
            return operationalSentence(event)
        }
    }

    private static func lineSentence(_ event: LendingEvent) -> String {
        switch event {
        case .creditLineOpened(let e):
            return "Credit line opened with a limit of \(e.limit)."
        case .creditLimitAdjusted(let e):
            return "Credit limit changed from \(e.previousLimit) to \(e.limit)."
        case .creditLineFrozen(let e):
            let cause = e.causedByLoan.map { " because of loan \($0)" } ?? ""
            return "Credit line frozen (reason '\(e.reason.rawValue)')\(cause): no new loans."
        case .creditLineUnfrozen(let e):
            return "Freeze reason '\(e.reason.rawValue)' lifted from the credit line"
                + correction(e.correctsFrom) + "."
        case .creditLineClosed(let e):
            switch e.cause {
            case .manual: return "Credit line closed by hand: no new loans."
            case .dpd91:
                let loan = e.causedByLoan.map { "loan \($0)" } ?? "a loan"
                return "Credit line closed automatically: \(loan) reached 91 days past due."
            }
        case .creditLineReopened(let e):
            return "Credit line reopened by hand with a limit of \(e.limit)."
        default:
            return event.type
        }
    }

    private static func moneySentence(_ event: LendingEvent) -> String {
        switch event {
        case .loanDisbursed(let e):
            let c = e.contract
            return "Loan disbursed: \(c.principal) over \(c.terms.termMonths) months, "
                + "\(c.terms.method.rawValue), \(c.terms.dailyRate) a day, "
                + "grace \(c.terms.graceDays) days."
        case .repaymentReceived(let e):
            let channel = e.channel.map { " via \($0)" } ?? ""
            return "Repayment \(e.reference) of \(e.amount) received\(channel) on "
                + "\(e.receivedOn); \(split(e.allocation))."
        case .repaymentReallocated(let e):
            return "Repayment \(e.reference) re-split because of \(e.cause): was "
                + "\(split(e.previous)); now \(split(e.current))."
        case .repaymentReversed(let e):
            return "Repayment \(e.reference) of \(e.amount), paid on \(e.paymentDate), reversed: "
                + "the loan is recomputed as if it had never been received."
        case .refundIssued(let e):
            return "Overpaid balance of \(e.amount) refunded to the customer (\(e.reference))."
        case .penaltyWaived(let e):
            return "Penalty of \(e.amount) waived."
        case .loanRestructured(let e):
            let o = e.outcome
            return "Restructured into \(e.termMonths) monthly installments: new principal "
                + "\(o.newPrincipal) (interest capitalised \(o.capitalisedInterest)), penalty "
                + "waived \(o.waivedPenalty)."
        case .loanWrittenOff(let e):
            return "Written off: principal \(e.principal), interest \(e.interest), penalty "
                + "\(e.penalty); later payments are recoveries."
        default:
            return event.type
        }
    }

    private static func operationalSentence(_ event: LendingEvent) -> String {
        switch event {
        case .loanClosed:
            return "Loan closed: paid off."
        case .loanReopened(let e):
            return "Loan reopened: \(e.cause) left a balance again."
        case .installmentOverdue(let e):
            return "Installment \(e.installment) (due \(e.dueDate)) became overdue: unpaid past "
                + "grace, penalty counts from \(e.dueDate.adding(days: 1))."
        case .loanCured(let e):
            return "Loan no longer overdue (\(e.reason.rawValue))" + correction(e.correctsFrom)
                + "."
        case .collectionStageChanged(let e):
            return "Collection stage \(e.from) → \(e.to) at DPD \(e.dpd), overdue "
                + "\(e.overdueAmount)" + correction(e.correctsFrom) + "."
        case .collectionActionRecorded(let e):
            let who = e.actors.map(\.rawValue).joined(separator: " and ")
            let outcome = e.outcome.map { ": \($0)" } ?? ""
            return "Collection \(e.channel) by \(who) at \(e.at) in stage \(e.stage)\(outcome)."
        case .disputeOpened:
            return "Dispute opened: collection paused."
        case .disputeResolved(let e):
            return "Dispute resolved \(e.outcome.rawValue): \(e.note)."
        default:
            return event.type
        }
    }

    private static func split(_ a: Allocation) -> String {
        var parts = ["penalty \(a.penalty)", "interest \(a.interest)", "principal \(a.principal)"]
        if a.overpaid.isPositive { parts.append("overpaid \(a.overpaid)") }
        if a.recovery.isPositive { parts.append("recovered \(a.recovery)") }
        if a.refundShortfall.isPositive { parts.append("refund shortfall \(a.refundShortfall)") }
        return parts.joined(separator: ", ")
    }

    private static func correction(_ correctsFrom: BusinessDate?) -> String {
        correctsFrom.map { " — a correction: the record was wrong from \($0)" } ?? ""
    }
}
