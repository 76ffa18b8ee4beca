import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `credit adjust CUSTOMER --limit A --on D --reason T`.
    struct CreditAdjust: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "adjust",
            abstract: "Raise or lower a credit limit.",
            discussion: CreditArguments.reasonNote,
            examples: ["loanctl credit adjust C-1 --limit 80000 --on 2026-03-10 "
                + "--reason 'annual review'"],
            arguments: [CreditArguments.customer],
            options: [CreditArguments.limit, GlobalOptions.on("The day the new limit applies.")]
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
            let outcome = try invocation.execute(.adjustLimit(limit: limit, on: on), for: customer,
                                                 metadata: metadata)
            var report = WriteReport(outcome)
            report.add("limit", Format.money(limit))
            return report.output
        }
    }
}
