import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `day close --through D`.
    struct DayClose: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "close",
            abstract: "Run end-of-day processing for every day not yet closed, up to a date.",
            discussion: "Appends overdue notices, stage changes, freezes and closures, and a "
                + "DayClosed record per day with the log's head. Never past today; closing a day "
                + "again appends nothing.",
            examples: ["loanctl day close --through 2026-03-19"],
            options: [.value("through", valueName: "D", help: "The last day to close, YYYY-MM-DD.",
                             isRequired: true)]
        )

        let through: BusinessDate

        init(validating invocation: Invocation) throws {
            through = try invocation.date("through")
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let ledger = try invocation.openLedger(.write)
            let progress = ProgressReporter(label: "day close", isSuppressed: invocation.isJSON)
            defer { progress.finish() }
            let report = try ledger.closeDays(through: through) { done, total in
                progress.update(Int64(done), Int64(total))
            }
            return DayClose.output(report)
        }

        /// Text: a summary, the days on which something happened, and the anchor of the last
        /// day (a quiet day only appends its `DayClosed`, so listing them all says nothing).
        /// JSON: every day closed.
        static func output(_ report: DayCloseReport) -> CommandOutput {
            var table = TextTable(columns: [
                .init("DAY"), .init("LOANS", alignment: .right), .init("EVENTS", alignment: .right),
                .init("POSITION", alignment: .right),
            ])
            var days: [JSONValue] = []
            for day in report.days {
                if day.eventsAppended > 0 {
                    table.append([day.day.description, String(day.loansVisited),
                                  String(day.eventsAppended), String(day.position)])
                }
                days.append(.object([
                    ("day", Format.date(day.day)),
                    ("loansVisited", .integer(Int64(day.loansVisited))),
                    ("eventsAppended", .integer(Int64(day.eventsAppended))),
                    ("position", .integer(day.position)),
                    ("anchor", .string(day.anchor.description)),
                ]))
            }
            let json = JSONValue.object([
                ("lastClosedDay", Format.date(report.lastClosedDay)), ("days", .array(days)),
            ])
            guard let first = report.days.first, let last = report.days.last else {
                let day = report.lastClosedDay?.description ?? "none"
                return CommandOutput(text: "nothing to close; last closed day: \(day)\n",
                                     json: json)
            }
            let appended = report.days.map(\.eventsAppended).reduce(0, +)
            let noun = report.days.count == 1 ? "day" : "days"
            var text = "closed \(report.days.count) \(noun), \(first.day) … \(last.day): "
                + "\(appended) events appended besides the DayClosed records\n"
            if !table.rows.isEmpty {
                text += table.render()
            }
            text += "last closed day: \(last.day); 'loanctl day status' prints the anchor to keep\n"
            return CommandOutput(text: text, json: json)
        }
    }
}
