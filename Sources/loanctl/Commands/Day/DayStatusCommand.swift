import CommandLineKit
import LoanLedger

extension LoanCtl {
    /// `day status`.
    struct DayStatusCommand: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "status",
            abstract: "Show the last closed business day and the log's head, an anchor to keep.",
            discussion: "Keep the anchor POSITION:HASH outside the database; "
                + "'verify --expect-head' checks the log against it later.",
            examples: ["loanctl day status --json"]
        )

        init(validating invocation: Invocation) throws {}

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let status = try invocation.openLedger(.read).dayStatus()
            var block = KeyValueBlock()
            block.append("today", status.today.description)
            block.append("last closed day", status.lastClosedDay?.description ?? "none")
            block.append("head position", String(status.head.position))
            block.append("head hash", status.head.hash)
            block.append("anchor", status.head.anchor)
            let json = JSONValue.object([
                ("today", Format.date(status.today)),
                ("lastClosedDay", Format.date(status.lastClosedDay)),
                ("head", .object([
                    ("position", .integer(status.head.position)),
                    ("hash", .string(status.head.hash)),
                ])),
                ("anchor", .string(status.head.anchor)),
            ])
            return CommandOutput(text: block.render(), json: json)
        }
    }
}
