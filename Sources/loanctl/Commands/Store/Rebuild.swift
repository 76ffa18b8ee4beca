import CommandLineKit
import LoanLedger

extension LoanCtl {
    /// `rebuild`.
    struct Rebuild: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "rebuild",
            abstract: "Rebuild every read model from the log.",
            discussion: "Recomputes into shadow tables in batches, then swaps them in in one "
                + "transaction; appends may continue meanwhile.",
            examples: ["loanctl rebuild"]
        )

        init(validating invocation: Invocation) throws {}

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let ledger = try invocation.openLedger(.write)
            let progress = ProgressReporter(label: "rebuild", isSuppressed: invocation.isJSON)
            defer { progress.finish() }
            let report = try ledger.rebuild { done, total in progress.update(done, total) }
            let text = "rebuilt the read models from \(report.eventsProcessed) events "
                + "(\(report.rows) rows)\n"
            return CommandOutput(text: text, json: .object([
                ("eventsProcessed", .integer(report.eventsProcessed)),
                ("rows", .integer(Int64(report.rows))),
            ]))
        }
    }
}
