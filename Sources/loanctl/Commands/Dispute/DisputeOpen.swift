import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `dispute open LOAN --on D --reason T`.
    struct DisputeOpen: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "open",
            abstract: "Open a dispute on a loan, pausing its collection.",
            discussion: LoanArguments.reasonNote,
            examples: ["loanctl dispute open L-1 --on 2026-03-18 "
                + "--reason 'customer contests penalty'"],
            arguments: [LoanArguments.loan],
            options: [GlobalOptions.on("The day the dispute opens, YYYY-MM-DD.")]
        )

        let loan: LoanID
        let on: BusinessDate
        let metadata: CommandMetadata

        init(validating invocation: Invocation) throws {
            loan = try invocation.loanArgument()
            on = try invocation.date("on")
            metadata = try invocation.metadata(reason: try invocation.reason())
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let outcome = try invocation.execute(.openDispute(loan: loan, on: on),
                                                 metadata: metadata)
            var report = WriteReport(outcome)
            report.add("loan", .string(loan.rawValue))
            return report.output
        }
    }
}
