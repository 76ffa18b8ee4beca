import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `collection record LOAN --channel CH --at T --by A[,B] [--outcome O] [--note N]`.
    struct CollectionRecord: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "record",
            abstract: "Record a collection action, checked against the collection policy.",
            discussion: "Channels: sms, push, email, call, agency, visit, legal, as the loan's "
                + "stage allows. Contact only 08:00 to 21:00 Asia/Shanghai, at most 3 calls a "
                + "loan a day, none while a dispute is open; a visit needs two collectors.",
            examples: ["loanctl collection record L-1 --channel call "
                + "--at 2026-03-18T10:30:00+08:00 --by ops.wang --outcome promised-to-pay"],
            arguments: [LoanArguments.loan],
            options: [
                .value("channel", valueName: "CH",
                       help: "How: sms, push, email, call, agency, visit or legal.",
                       isRequired: true),
                .value("at", valueName: "T",
                       help: "When, as an RFC 3339 time with offset.", isRequired: true),
                .value("by", valueName: "A[,B]",
                       help: "Who acted: actor ids separated by commas.", isRequired: true),
                .value("outcome", valueName: "O",
                       help: "What came of it, such as promised-to-pay."),
                .value("note", valueName: "N", help: "A one-line note."),
            ]
        )

        let request: CollectionActionRequest
        let metadata: CommandMetadata

        init(validating invocation: Invocation) throws {
            let loan = try invocation.loanArgument()
            let channel = try ContactChannel(parsing: try invocation.required("channel"))
            let at = try LocalTime(rfc3339: try invocation.required("at"), field: "at")
            let actors = try CollectionRecord.actors(try invocation.required("by"))
            request = CollectionActionRequest(
                loanId: loan, channel: channel, at: at, actors: actors,
                outcome: invocation.parsed.value("outcome"), note: invocation.parsed.value("note"))
            try request.validate()
            metadata = try invocation.metadata(reason: nil)
        }

        /// `A,B` → two actor ids; an empty or malformed part names `by`.
        static func actors(_ text: String) throws -> [ActorID] {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            return try parts.map { part in
                guard ActorID.isValid(String(part)) else {
                    throw CommandFailure.invalid(
                        "by", text, "must be actor ids of 1 to 64 characters of A-Z a-z 0-9 - _ . :"
                            + " separated by commas")
                }
                return ActorID(validated: String(part))
            }
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let outcome = try invocation.execute(.recordCollectionAction(request),
                                                 metadata: metadata)
            var report = WriteReport(outcome)
            report.add("loan", .string(request.loanId.rawValue))
            report.add("channel", .string(request.channel.rawValue))
            report.add("at", .string(request.at.description))
            report.add("by", .array(request.actors.map { .string($0.rawValue) }))
            let recorded = LoanFigures.events(outcome) { event -> CollectionActionRecorded? in
                if case .collectionActionRecorded(let e) = event { return e }
                return nil
            }
            if let action = recorded.first {
                report.add("stage", .string(action.stage.rawValue))
            }
            return report.output
        }
    }
}
