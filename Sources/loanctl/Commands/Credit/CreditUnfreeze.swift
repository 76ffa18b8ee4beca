import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `credit unfreeze CUSTOMER --on D --reason T`.
    struct CreditUnfreeze: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "unfreeze",
            abstract: "Remove the manual freeze of a credit line.",
            discussion: CreditArguments.reasonNote,
            examples: ["loanctl credit unfreeze C-1 --on 2026-03-10 --reason 'documents received'"],
            arguments: [CreditArguments.customer],
            options: [GlobalOptions.on("The day the manual freeze ends, YYYY-MM-DD.")]
        )

        let customer: CustomerID
        let on: BusinessDate
        let metadata: CommandMetadata

        init(validating invocation: Invocation) throws {
            customer = try invocation.customerArgument()
            on = try invocation.date("on")
            metadata = try invocation.metadata(reason: try invocation.reason())
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let outcome = try invocation.execute(.unfreezeLine(on: on), for: customer,
                                                 metadata: metadata)
            return WriteReport(outcome).output
        }
    }
}
