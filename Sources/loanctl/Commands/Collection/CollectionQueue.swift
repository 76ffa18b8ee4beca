import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `collection queue [--on D] [--stage S]`.
    struct CollectionQueue: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "queue",
            abstract: "List the loans to work, latest stage and largest overdue amount first.",
            discussion: "Loans end of day has moved out of the current stage, with DPD, overdue "
                + "amount and stage computed for the day asked (default today).",
            examples: ["loanctl collection queue --stage early",
                       "loanctl collection queue --on 2026-03-20 --json"],
            options: [
                .value("on", valueName: "D", help: "The business day to compute the queue for."),
                .value("stage", valueName: "S",
                       help: "Only this stage: grace, early, mid or late."),
            ]
        )

        let on: BusinessDate?
        let stage: CollectionStage?

        init(validating invocation: Invocation) throws {
            on = try invocation.optionalDate("on")
            stage = try invocation.parsed.value("stage").map { text throws(LendingError) in
                try CollectionStage(parsing: text)
            }
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let ledger = try invocation.openLedger(.read)
            let day = on ?? invocation.today
            let entries = try ledger.collectionQueue(stage: stage, on: day)
            return CollectionQueue.output(entries, asOf: day)
        }

        static func output(_ entries: [QueueEntry], asOf: BusinessDate?) -> CommandOutput {
            var table = TextTable(columns: [
                .init("LOAN"), .init("CUSTOMER"), .init("STAGE"), .init("DPD", alignment: .right),
                .init("OVERDUE", alignment: .right), .init("LAST ACTION"), .init("DISPUTE"),
            ])
            var rows: [JSONValue] = []
            for entry in entries {
                table.append([entry.loan.rawValue, entry.customer.rawValue, entry.stage.rawValue,
                              String(entry.dpd), entry.overdueAmount.description,
                              entry.lastActionAt ?? "-", Format.yesNo(entry.disputeOpen)])
                rows.append(.object([
                    ("loan", .string(entry.loan.rawValue)),
                    ("customer", .string(entry.customer.rawValue)),
                    ("stage", .string(entry.stage.rawValue)),
                    ("dpd", .integer(entry.dpd)),
                    ("overdueAmount", Format.money(entry.overdueAmount)),
                    ("lastActionAt", entry.lastActionAt.map { .string($0) } ?? .null),
                    ("disputeOpen", .bool(entry.disputeOpen)),
                ]))
            }
            let header = "as of \(asOf?.description ?? "no closed day yet")\n"
            let text = header + (entries.isEmpty ? "no loans to work\n" : table.render())
            return CommandOutput(
                text: text, json: .object([("asOf", Format.date(asOf)), ("loans", .array(rows))]))
        }
    }
}
