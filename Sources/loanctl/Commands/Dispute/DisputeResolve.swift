import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `dispute resolve LOAN --on D --outcome upheld|rejected --note N`.
    struct DisputeResolve: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "resolve",
            abstract: "Resolve an open dispute as upheld or rejected; collection resumes.",
            examples: ["loanctl dispute resolve L-1 --on 2026-03-19 --outcome upheld "
                + "--note 'penalty waived'"],
            arguments: [LoanArguments.loan],
            options: [
                GlobalOptions.on("The day the dispute is resolved, YYYY-MM-DD."),
                .value("outcome", valueName: "O", help: "How it ended: upheld or rejected.",
                       isRequired: true),
                .value("note", valueName: "N", help: "A one-line note on the decision.",
                       isRequired: true),
            ]
        )

        let loan: LoanID
        let on: BusinessDate
        let outcome: DisputeOutcome
        let note: String
        let metadata: CommandMetadata

        init(validating invocation: Invocation) throws {
            loan = try invocation.loanArgument()
            on = try invocation.date("on")
            let text = try invocation.required("outcome")
            guard let outcome = DisputeOutcome(rawValue: text) else {
                throw CommandFailure.invalid("outcome", text, "must be upheld or rejected")
            }
            self.outcome = outcome
            note = try invocation.required("note")
            try Invocation.checkFreeText(note, field: "note")
            metadata = try invocation.metadata(reason: nil)
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let result = try invocation.execute(
                .resolveDispute(loan: loan, on: on, outcome: outcome, note: note),
                metadata: metadata)
            var report = WriteReport(result)
            report.add("loan", .string(loan.rawValue))
            report.add("outcome", .string(outcome.rawValue))
            return report.output
        }
    }
}
