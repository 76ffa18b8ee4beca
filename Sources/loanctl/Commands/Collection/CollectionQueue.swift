import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `collection queue [--on D] [--stage S]`.
    struct CollectionQueue: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "queue",
            abstract: "List the loans to work, latest stage and largest overdue amount first.",
            discussion: "The queue is kept by end of day: it answers as of the last closed "
                + "business day. --on, when given, must be that day.",
            examples: ["loanctl collection queue --stage early"],
            options: [
                .value("on", valueName: "D", help: "The day to list; must be the last closed day."),
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
            let lastClosed = try ledger.lastClosedDay()
            if let on, on != lastClosed {
                let kept = lastClosed.map { "the last closed day, \($0)" } ?? "no closed day yet"
                throw CommandFailure(
                    message: "on '\(on)' — the queue is kept as of \(kept); "
                        + "run 'day close' first",
                    exitCode: .dataError)
            }
            let entries = try ledger.collectionQueue(stage: stage)
            return CollectionQueue.output(entries, asOf: lastClosed)
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
