import Lending

extension DemoSimulation {
    /// One planned contact: days after the missed due date, minute, channel, outcome.
    typealias Contact = (day: Int64, minute: Int64, channel: ContactChannel, outcome: String)

    /// Reminders and calls while a late payer has not paid yet.
    func planLateCollection(_ index: Int, due: BusinessDate, paidOn: BusinessDate) {
        let contacts: [Contact] = [
            (2, 10 * 60, .sms, "reminder sent"),
            (5, 14 * 60, .call, "promised to pay"),
            (12, 15 * 60 + 30, .call, "no answer"),
            (12, 15 * 60 + 35, .push, "reminder sent"),
            (20, 11 * 60, .email, "statement sent"),
        ]
        for contact in contacts where due.adding(days: contact.day) < paidOn {
            plan(.collect(loan: index, channel: contact.channel, outcome: contact.outcome),
                 on: due.adding(days: contact.day), minute: contact.minute)
        }
    }

    /// A borrower stopped paying: collection through the stages, then the loan's ending.
    func startDefault(_ index: Int, missedDue: BusinessDate, path: DefaultPath) {
        var contacts: [Contact] = [
            (1, 9 * 60 + 30, .sms, "reminder sent"),
            (4, 10 * 60, .push, "reminder sent"),
            (5, 9 * 60 + 15, .call, "no answer"),
            (5, 14 * 60 + 20, .call, "no answer"),
            (5, 19 * 60 + 45, .call, "promised to pay"),
            (12, 11 * 60, .email, "statement sent"),
            (22, 16 * 60, .call, "refused to pay"),
            (35, 10 * 60, .agency, "assigned to agency"),
            (45, 15 * 60, .call, "no answer"),
            (95, 10 * 60, .legal, "lawyer's letter sent"),
            (130, 10 * 60, .legal, "claim filed"),
        ]
        if loans[index].isLarge {
            contacts += [(17, 10 * 60, .agency, "assigned to agency"),
                         (20, 10 * 60 + 30, .visit, "met borrower at home")]
        }
        let endDay: Int64
        switch path {
        case .restructure:
            endDay = 40
            plan(.restructure(loan: index), on: missedDue.adding(days: endDay), minute: 11 * 60)
        case .cureAndReopen:
            endDay = 100
            plan(.cure(loan: index), on: missedDue.adding(days: endDay), minute: 10 * 60)
            plan(.reopenLine(customer: loans[index].customer),
                 on: missedDue.adding(days: endDay + 2), minute: 10 * 60 + 30)
        case .writeOffAndRecover:
            endDay = 120
            plan(.writeOff(loan: index), on: missedDue.adding(days: endDay), minute: 17 * 60)
            for day: Int64 in [150, 180, 210] {
                plan(.recover(loan: index), on: missedDue.adding(days: day), minute: 10 * 60)
            }
        case .staysLate:
            endDay = Int64.max
        }
        for contact in contacts where contact.day < endDay {
            plan(.collect(loan: index, channel: contact.channel, outcome: contact.outcome),
                 on: missedDue.adding(days: contact.day), minute: contact.minute)
        }
    }

    /// Records a contact when the loan's stage allows it today; a plan made stale by a payment
    /// is dropped here (the demo's own check, so the ledger is never asked to refuse).
    func collect(_ index: Int, channel: ContactChannel, outcome: String) throws(DemoError) {
        guard let record = loans[index].record, !loans[index].isDisputeOpen else { return }
        let statement = record.statement(asOf: today)
        guard statement.status == .active || statement.status == .writtenOff else { return }
        let stage = policy.stage(dpd: statement.dpd, overdueAmount: statement.overdue.total,
                                 graceDays: record.contract.terms.graceDays)
        guard policy.allows(channel, at: stage) else { return }
        if channel == .visit, statement.overdue.total < policy.visitOverdueAmountMin { return }
        let actors = Self.actors(for: channel)
        let at = LocalTime(unixSeconds: clock.nowMicroseconds() / 1_000_000)
        let request = CollectionActionRequest(
            loanId: loans[index].id, channel: channel, at: at,
            actors: actors.map { ActorID(validated: $0) }, outcome: outcome,
            note: "DPD \(statement.dpd), overdue \(statement.overdue.total)")
        try execute(.recordCollectionAction(request), customer: loans[index].customer,
                    actor: actors[0],
                    step: "collection \(channel) on \(loans[index].id) at \(at)")
    }

    private static func actors(for channel: ContactChannel) -> [String] {
        switch channel {
        case .sms, .push, .email: return ["system:reminders"]
        case .call: return ["collector.wang"]
        case .agency: return ["agency.huaxin"]
        case .visit: return ["collector.wang", "collector.li"]
        case .legal: return ["legal.sun"]
        }
    }
}
