import CommandLineKit
import Lending
import LoanLedger

extension CreditLineView {
    /// `{customer, status, freezeReasons, limit, outstandingPrincipal, available, loans}`,
    /// each loan `{loan, status, outstandingPrincipal, dpd}` (CLI.md, `credit show`).
    var json: JSONValue {
        .object([
            ("customer", .string(customer.rawValue)),
            ("status", .string(status.rawValue)),
            ("freezeReasons", .array(freezeReasons.map { .string($0.rawValue) })),
            ("limit", Format.money(limit)),
            ("outstandingPrincipal", Format.money(outstandingPrincipal)),
            ("available", Format.money(available)),
            ("loans", .array(loans.map { loan in
                .object([
                    ("loan", .string(loan.loan.rawValue)),
                    ("status", .string(loan.status.rawValue)),
                    ("outstandingPrincipal", Format.money(loan.outstandingPrincipal)),
                    ("dpd", .integer(loan.dpd)),
                ])
            })),
        ])
    }

    /// A key-value block, then the loans as a table with amounts right-aligned.
    var text: String {
        var block = KeyValueBlock()
        block.append("customer", customer.rawValue)
        block.append("as of", asOf.description)
        block.append("status", status.rawValue)
        let reasons = freezeReasons.map(\.rawValue).joined(separator: ", ")
        block.append("freeze reasons", reasons.isEmpty ? "-" : reasons)
        block.append("limit", limit.description)
        block.append("outstanding principal", outstandingPrincipal.description)
        block.append("available", available.description)
        guard !loans.isEmpty else { return block.render() + "\nno loans\n" }
        var table = TextTable(columns: [
            .init("LOAN"), .init("STATUS"), .init("OUTSTANDING", alignment: .right),
            .init("DPD", alignment: .right),
        ])
        for loan in loans {
            table.append([loan.loan.rawValue, loan.status.rawValue,
                          loan.outstandingPrincipal.description, String(loan.dpd)])
        }
        return block.render() + "\n" + table.render()
    }
}
