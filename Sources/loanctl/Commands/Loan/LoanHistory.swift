import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `loan history LOAN`.
    struct LoanHistory: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "history",
            abstract: "List the events of a loan, in log order.",
            examples: ["loanctl loan history L-1 --json"],
            arguments: [LoanArguments.loan]
        )

        let loan: LoanID

        init(validating invocation: Invocation) throws {
            loan = try invocation.loanArgument()
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let entries = try invocation.openLedger(.read).history(ofLoan: loan)
            return try HistoryListing(subjectKey: "loan", subject: loan.rawValue, entries: entries)
                .output()
        }
    }
}
