import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `loan waive-penalty LOAN --amount A --on D --reason T`.
    struct LoanWaivePenalty: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "waive-penalty",
            abstract: "Waive penalty, oldest installment first.",
            discussion: LoanArguments.reasonNote + " At most the penalty unpaid on that date.",
            examples: ["loanctl loan waive-penalty L-1 --amount 12.00 --on 2026-04-20 "
                + "--reason 'dispute upheld'"],
            arguments: [LoanArguments.loan],
            options: [
                LoanArguments.amount("The penalty to waive, in yuan."),
                GlobalOptions.on("The day of the waiver, YYYY-MM-DD."),
            ]
        )

        let loan: LoanID
        let amount: Money
        let on: BusinessDate
        let metadata: CommandMetadata

        init(validating invocation: Invocation) throws {
            loan = try invocation.loanArgument()
            amount = try invocation.positiveAmount("amount")
            on = try invocation.date("on")
            metadata = try invocation.metadata(reason: try invocation.reason())
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let outcome = try invocation.execute(
                .waivePenalty(loan: loan, amount: amount, on: on), metadata: metadata)
            var report = WriteReport(outcome)
            report.add("loan", .string(loan.rawValue))
            report.add("amount", Format.money(amount))
            return report.output
        }
    }
}
