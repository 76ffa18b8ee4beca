import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `credit freeze CUSTOMER --on D --reason T`.
    struct CreditFreeze: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "freeze",
            abstract: "Freeze a credit line by hand.",
            discussion: CreditArguments.reasonNote,
            examples: ["loanctl credit freeze C-1 --on 2026-03-10 --reason 'fraud check'"],
            arguments: [CreditArguments.customer],
            options: [GlobalOptions.on("The day the freeze starts, YYYY-MM-DD.")]
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
            let outcome = try invocation.execute(.freezeLine(on: on), for: customer,
                                                 metadata: metadata)
            return WriteReport(outcome).output
        }
    }
}
