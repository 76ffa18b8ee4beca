import CommandLineKit
import Lending
import LoanLedger

extension LoanView {
    /// The keys of CLI.md's `loan show`, in its order.
    var json: JSONValue {
        let s = statement
        return .object([
            ("loan", .string(s.contract.loanId.rawValue)),
            ("customer", .string(customer.rawValue)),
            ("status", .string(s.status.rawValue)),
            ("restructured", .bool(s.restructured)),
            ("dpd", .integer(s.dpd)),
            ("stage", .string(stage.rawValue)),
            ("totals", LoanView.totals(s.totals)),
            ("outstandingPrincipal", Format.money(s.outstandingPrincipal)),
            ("overdue", .object([
                ("principal", Format.money(s.overdue.principal)),
                ("interest", Format.money(s.overdue.interest)),
                ("penalty", Format.money(s.overdue.penalty)),
                ("total", Format.money(s.overdue.total)),
            ])),
            ("schedule", .array(s.installments.map(LoanView.installment))),
        ])
    }

    private static func totals(_ t: LoanTotals) -> JSONValue {
        .object([
            ("disbursed", Format.money(t.disbursed)),
            ("capitalisedInterest", Format.money(t.capitalisedInterest)),
            ("paidPrincipal", Format.money(t.paidPrincipal)),
            ("paidInterest", Format.money(t.paidInterest)),
            ("paidPenalty", Format.money(t.paidPenalty)),
            ("waivedPenalty", Format.money(t.waivedPenalty)),
            ("writtenOff", Format.money(t.writtenOff)),
            ("recovered", Format.money(t.recovered)),
            ("overpaid", Format.money(t.overpaid)),
        ])
    }

    private static func installment(_ i: InstallmentState) -> JSONValue {
        .object([
            ("number", .integer(i.number)),
            ("dueDate", Format.date(i.dueDate)),
            ("principal", Format.money(i.principal)),
            ("interest", Format.money(i.interest)),
            ("penalty", Format.money(i.penalty)),
            ("paidPrincipal", Format.money(i.paidPrincipal)),
            ("paidInterest", Format.money(i.paidInterest)),
            ("paidPenalty", Format.money(i.paidPenalty)),
            ("status", .string(i.status.rawValue)),
        ])
    }

    /// A summary block, the totals, and the schedule as a table with amounts right-aligned.
    var text: String {
        let s = statement
        var block = KeyValueBlock()
        block.append("loan", s.contract.loanId.rawValue)
        block.append("customer", customer.rawValue)
        block.append("as of", asOf.description)
        block.append("status", s.status.rawValue)
        block.append("restructured", Format.yesNo(s.restructured))
        block.append("dpd", String(s.dpd))
        block.append("stage", stage.rawValue)
        block.append("dispute open", Format.yesNo(disputeOpen))
        block.append("outstanding principal", s.outstandingPrincipal.description)
        block.append("overdue", "\(s.overdue.total) (principal \(s.overdue.principal), "
                     + "interest \(s.overdue.interest), penalty \(s.overdue.penalty))")
        var totals = KeyValueBlock(indent: 2)
        if case .object(let members) = LoanView.totals(s.totals) {
            for (key, value) in members { totals.append(key, WriteReport.scalarText(value)) }
        }
        var table = TextTable(columns: [
            .init("#", alignment: .right), .init("DUE"), .init("PRINCIPAL", alignment: .right),
            .init("INTEREST", alignment: .right), .init("PENALTY", alignment: .right),
            .init("PAID PRIN", alignment: .right), .init("PAID INT", alignment: .right),
            .init("PAID PEN", alignment: .right), .init("STATUS"),
        ])
        for i in s.installments {
            table.append([String(i.number), i.dueDate.description, i.principal.description,
                          i.interest.description, i.penalty.description,
                          i.paidPrincipal.description, i.paidInterest.description,
                          i.paidPenalty.description, i.status.rawValue])
        }
        return block.render() + "totals:\n" + totals.render() + "\n" + table.render()
    }
}
