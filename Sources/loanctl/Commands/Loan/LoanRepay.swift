import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `loan repay LOAN --amount A --on D --ref REF [--channel C]`.
    struct LoanRepay: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "repay",
            abstract: "Record a repayment, idempotent by its reference.",
            discussion: "The same reference with the same loan, amount and date is applied once; "
                + "a repeat prints the first result and exits 0. An amount above the payoff is "
                + "refused.",
            examples: ["loanctl loan repay L-1 --amount 899.75 --on 2026-04-01 --ref PAY-1001"],
            arguments: [LoanArguments.loan],
            options: [
                LoanArguments.amount("The amount received, in yuan with at most 2 decimals."),
                GlobalOptions.on("The day the money was received, YYYY-MM-DD."),
                LoanArguments.reference("The payment reference, unique across all loans."),
                .value("channel", valueName: "C",
                       help: "How the money came in, such as bank-transfer; recorded as given."),
            ]
        )

        let loan: LoanID
        let amount: Money
        let on: BusinessDate
        let reference: PaymentReference
        let channel: String?
        let metadata: CommandMetadata

        init(validating invocation: Invocation) throws {
            loan = try invocation.loanArgument()
            amount = try invocation.positiveAmount("amount")
            on = try invocation.date("on")
            reference = try PaymentReference(try invocation.required("ref"))
            if let text = invocation.parsed.value("channel") {
                // Same shape as an id: it is a label, and it travels into events and exports.
                guard ActorID.isValid(text) else {
                    throw CommandFailure.invalid(
                        "channel", text, "must be 1 to 64 characters of A-Z a-z 0-9 - _ . :")
                }
                channel = text
            } else {
                channel = nil
            }
            metadata = try invocation.metadata(reason: nil)
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let command = LendingCommand.repay(loan: loan, amount: amount, on: on,
                                               reference: reference, channel: channel)
            let outcome = try invocation.execute(command, metadata: metadata)
            var report = WriteReport(outcome)
            report.add("loan", .string(loan.rawValue))
            report.add("ref", .string(reference.rawValue))
            report.add("amount", Format.money(amount))
            let received = LoanFigures.events(outcome) { event -> RepaymentReceived? in
                if case .repaymentReceived(let e) = event { return e }
                return nil
            }
            if let payment = received.first {
                report.add("allocation", LoanFigures.allocation(payment.allocation))
            }
            report.add("loanClosed", .bool(LoanFigures.closesLoan(outcome)))
            return report.output
        }
    }
}
