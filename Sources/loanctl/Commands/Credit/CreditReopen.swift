import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `credit reopen CUSTOMER --limit A --on D --reason T`.
    struct CreditReopen: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "reopen",
            abstract: "Reopen a closed credit line with a new limit.",
            discussion: CreditArguments.reasonNote
                + " Refused while a loan is overdue or a written-off balance is not recovered.",
            examples: ["loanctl credit reopen C-1 --limit 20000 --on 2026-03-15 "
                + "--reason 'settled'"],
            arguments: [CreditArguments.customer],
            options: [CreditArguments.limit, GlobalOptions.on("The day the line reopens.")]
        )

        let customer: CustomerID
        let limit: Money
        let on: BusinessDate
        let metadata: CommandMetadata

        init(validating invocation: Invocation) throws {
            customer = try invocation.customerArgument()
            limit = try invocation.amount("limit")
            on = try invocation.date("on")
            metadata = try invocation.metadata(reason: try invocation.reason())
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let outcome = try invocation.execute(.reopenLine(limit: limit, on: on), for: customer,
                                                 metadata: metadata)
            var report = WriteReport(outcome)
            report.add("limit", Format.money(limit))
            return report.output
        }
    }
}
