import CommandLineKit
import Lending
import LoanLedger

/// Key figures of write commands, taken from the events they wrote.
enum LoanFigures {
    /// A repayment's split: `{penalty, interest, principal, overpaid, recoveredPrincipal,
    /// recoveredInterest, recoveredPenalty, refundShortfall}`.
    static func allocation(_ allocation: Allocation) -> JSONValue {
        .object([
            ("penalty", Format.money(allocation.penalty)),
            ("interest", Format.money(allocation.interest)),
            ("principal", Format.money(allocation.principal)),
            ("overpaid", Format.money(allocation.overpaid)),
            ("recoveredPrincipal", Format.money(allocation.recoveredPrincipal)),
            ("recoveredInterest", Format.money(allocation.recoveredInterest)),
            ("recoveredPenalty", Format.money(allocation.recoveredPenalty)),
            ("refundShortfall", Format.money(allocation.refundShortfall)),
        ])
    }

    /// A schedule as JSON `[{number, dueDate, principal, interest, total}]` and as a table.
    static func schedule(_ installments: [ScheduledInstallment]) -> (JSONValue, String) {
        var table = TextTable(columns: [
            .init("#", alignment: .right), .init("DUE"), .init("PRINCIPAL", alignment: .right),
            .init("INTEREST", alignment: .right), .init("TOTAL", alignment: .right),
        ])
        var rows: [JSONValue] = []
        for item in installments {
            table.append([String(item.number), item.dueDate.description,
                          item.principal.description, item.interest.description,
                          item.total.description])
            rows.append(.object([
                ("number", .integer(item.number)),
                ("dueDate", Format.date(item.dueDate)),
                ("principal", Format.money(item.principal)),
                ("interest", Format.money(item.interest)),
                ("total", Format.money(item.total)),
            ]))
        }
        return (.array(rows), "schedule:\n" + table.render())
    }

    /// The payloads of one kind among the events an outcome lists.
    static func events<Payload>(
        _ outcome: CommandOutcome, _ extract: (LendingEvent) -> Payload?
    ) -> [Payload] {
        outcome.events.compactMap { extract($0.event) }
    }

    /// Whether the outcome closed the loan (`LoanClosed` among its events).
    static func closesLoan(_ outcome: CommandOutcome) -> Bool {
        outcome.events.contains { decoded in
            if case .loanClosed = decoded.event { return true }
            return false
        }
    }
}
