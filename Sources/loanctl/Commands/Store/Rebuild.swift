import CommandLineKit
import LoanLedger

extension LoanCtl {
    /// `rebuild [--projection NAME]`.
    struct Rebuild: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "rebuild",
            abstract: "Rebuild the read models from the log.",
            discussion: "Recomputes into shadow tables in batches, then swaps them in in one "
                + "transaction; appends may continue meanwhile.",
            examples: ["loanctl rebuild", "loanctl rebuild --projection read-models"],
            options: [.value("projection", valueName: "NAME",
                             help: "The projection to rebuild; the ledger has one, read-models.")]
        )

        /// The ledger's projections. Its read models (loans, credit lines, collection,
        /// portfolio days, ledger status) form one projection with one checkpoint, so they are
        /// rebuilt together.
        static let projections = ["read-models"]

        init(validating invocation: Invocation) throws {
            if let name = invocation.parsed.value("projection"),
               !Rebuild.projections.contains(name)
            {
                throw CommandFailure.invalid(
                    "projection", name,
                    "must be one of: \(Rebuild.projections.joined(separator: ", "))")
            }
        }

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
