import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `loan show LOAN [--as-of D] [--known-at K]`.
    struct LoanShow: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "show",
            abstract: "Show a loan: status, DPD, stage, totals, overdue amounts and schedule.",
            discussion: "Installment status is pending (not yet due), due (past due, within "
                + "grace), overdue or paid.",
            examples: ["loanctl loan show L-1 --as-of 2026-05-01 --known-at position:12 --json"],
            arguments: [LoanArguments.loan],
            options: [GlobalOptions.asOf, GlobalOptions.knownAt]
        )

        let loan: LoanID
        let asOf: BusinessDate?
        let knownAt: KnownAt?

        init(validating invocation: Invocation) throws {
            loan = try invocation.loanArgument()
            asOf = try invocation.optionalDate("as-of")
            knownAt = try invocation.knownAt()
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let view = try invocation.openLedger(.read).loan(loan, asOf: asOf, knownAt: knownAt)
            return CommandOutput(text: view.text, json: view.json)
        }
    }
}
