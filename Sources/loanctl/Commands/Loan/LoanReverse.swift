import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `loan reverse LOAN --ref REF --on D --reason T`.
    struct LoanReverse: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "reverse",
            abstract: "Reverse a repayment (bounced, charged back), effective at its own date.",
            discussion: LoanArguments.reasonNote + " --on is the day the reversal was learned.",
            examples: ["loanctl loan reverse L-1 --ref PAY-1001 --on 2026-04-03 "
                + "--reason 'bounced'"],
            arguments: [LoanArguments.loan],
            options: [
                LoanArguments.reference("The reference of the repayment to reverse."),
                GlobalOptions.on("The day the reversal was learned, YYYY-MM-DD."),
            ]
        )

        let loan: LoanID
        let reference: PaymentReference
        let on: BusinessDate
        let metadata: CommandMetadata

        init(validating invocation: Invocation) throws {
            loan = try invocation.loanArgument()
            reference = try PaymentReference(try invocation.required("ref"))
            on = try invocation.date("on")
            metadata = try invocation.metadata(reason: try invocation.reason())
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let outcome = try invocation.execute(
                .reverse(loan: loan, reference: reference, on: on), metadata: metadata)
            var report = WriteReport(outcome)
            report.add("loan", .string(loan.rawValue))
            report.add("ref", .string(reference.rawValue))
            let reversed = LoanFigures.events(outcome) { event -> RepaymentReversed? in
                if case .repaymentReversed(let e) = event { return e }
                return nil
            }
            if let reversal = reversed.first {
                report.add("amount", Format.money(reversal.amount))
                report.add("paymentDate", Format.date(reversal.paymentDate))
            }
            return report.output
        }
    }
}
