import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `credit open CUSTOMER --limit A --on D [--reason T]`.
    struct CreditOpen: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "open",
            abstract: "Open a credit line for a customer.",
            examples: ["loanctl credit open C-1 --limit 50000 --on 2026-03-01"],
            arguments: [CreditArguments.customer],
            options: [CreditArguments.limit,
                      GlobalOptions.on("The day the line opens, YYYY-MM-DD.")]
        )

        let customer: CustomerID
        let limit: Money
        let on: BusinessDate
        let metadata: CommandMetadata

        init(validating invocation: Invocation) throws {
            customer = try invocation.customerArgument()
            limit = try invocation.amount("limit")
            on = try invocation.date("on")
            metadata = try invocation.metadata(reason: nil)
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let outcome = try invocation.execute(.openLine(limit: limit, on: on), for: customer,
                                                 metadata: metadata)
            var report = WriteReport(outcome)
            report.add("limit", Format.money(limit))
            return report.output
        }
    }
}
