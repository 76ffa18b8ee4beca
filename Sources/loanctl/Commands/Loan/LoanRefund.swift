import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `loan refund LOAN --amount A --on D --ref REF --reason T`.
    struct LoanRefund: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "refund",
            abstract: "Pay back an overpaid balance.",
            discussion: LoanArguments.reasonNote,
            examples: ["loanctl loan refund L-1 --amount 120.50 --on 2026-04-05 --ref RF-1 "
                + "--reason 'overpaid after reversal'"],
            arguments: [LoanArguments.loan],
            options: [
                LoanArguments.amount("The amount paid back, in yuan; at most the overpaid."),
                GlobalOptions.on("The day of the refund, YYYY-MM-DD."),
                LoanArguments.reference("The refund's own reference, unique across all loans."),
            ]
        )

        let loan: LoanID
        let amount: Money
        let on: BusinessDate
        let reference: PaymentReference
        let metadata: CommandMetadata

        init(validating invocation: Invocation) throws {
            loan = try invocation.loanArgument()
            amount = try invocation.positiveAmount("amount")
            on = try invocation.date("on")
            reference = try PaymentReference(try invocation.required("ref"))
            metadata = try invocation.metadata(reason: try invocation.reason())
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let command = LendingCommand.refund(loan: loan, amount: amount, on: on,
                                                reference: reference)
            let outcome = try invocation.execute(command, metadata: metadata)
            var report = WriteReport(outcome)
            report.add("loan", .string(loan.rawValue))
            report.add("ref", .string(reference.rawValue))
            report.add("amount", Format.money(amount))
            return report.output
        }
    }
}
