import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `demo [--force] [--seed N]`.
    struct Demo: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "demo",
            abstract: "Build a realistic sample portfolio in a new store and print what it shows.",
            discussion: "About 220 customers and 400 loans over 400 simulated business days ending "
                + "yesterday, each day closed by end of day: punctual and late payers, every "
                + "collection stage, a restructure, a write-off, a refund, and one disputed debt "
                + "to "
                + "investigate. The same seed and day give the same log, byte for byte.",
            examples: ["loanctl --db demo.sqlite demo", "loanctl --db demo.sqlite demo --force"],
            options: [
                .flag("force", help: "Replace an existing store at --db."),
                .value("seed", valueName: "N", help: "The seed of every random choice."),
            ]
        )

        let force: Bool
        let seed: UInt64?

        init(validating invocation: Invocation) throws {
            force = invocation.parsed.flag("force")
            if let text = invocation.parsed.value("seed") {
                guard let seed = UInt64(text) else {
                    throw CommandFailure.invalid("seed", text, "must be a whole number")
                }
                self.seed = seed
            } else {
                seed = nil
            }
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let progress = ProgressReporter(label: "demo", isSuppressed: invocation.isJSON)
            defer { progress.finish() }
            let endingOn = invocation.today.adding(days: -1)
            let report: (Int, Int) -> Void = { done, total in
                progress.update(Int64(done), Int64(total))
            }
            let summary = try seed.map {
                try DemoPortfolio.run(path: invocation.databasePath, force: force,
                                      endingOn: endingOn, seed: $0, progress: report)
            } ?? DemoPortfolio.run(path: invocation.databasePath, force: force,
                                   endingOn: endingOn, progress: report)
            let ledger = try invocation.openLedger(.read)
            let portfolio = try ledger.portfolio(asOf: summary.lastDay)
            let queue = try ledger.collectionQueue(on: summary.lastDay)
            return Demo.output(summary, portfolio: portfolio, queue: queue)
        }

        /// How many queued loans the tour shows.
        static let queueShownMax = 8

        static func output(_ summary: DemoSummary, portfolio: PortfolioView, queue: [QueueEntry])
            -> CommandOutput
        {
            var block = KeyValueBlock()
            block.append("store", summary.path)
            block.append("period", "\(summary.firstDay) … \(summary.lastDay) "
                         + "(\(summary.elapsedDays) business days, each closed)")
            block.append("customers", String(summary.customers))
            block.append("loans", String(summary.loans) + " ("
                         + summary.loansByMethod.map { "\($0.loans) \($0.method)" }
                            .joined(separator: ", ") + ")")
            block.append("events", String(summary.events))
            var table = TextTable(columns: [.init("LOAN"), .init("CUSTOMER"), .init("STORY")])
            for highlight in summary.highlights {
                table.append([highlight.loan.rawValue, highlight.customer.rawValue,
                              highlight.label])
            }
            var aging = TextTable(columns: [
                .init("BUCKET"), .init("LOANS", alignment: .right),
                .init("OUTSTANDING", alignment: .right),
            ])
            for bucket in portfolio.buckets {
                aging.append([bucket.bucket, String(bucket.loans),
                              bucket.outstandingPrincipal.description])
            }
            var work = TextTable(columns: [
                .init("LOAN"), .init("STAGE"), .init("DPD", alignment: .right),
                .init("OVERDUE", alignment: .right),
            ])
            for entry in queue.prefix(queueShownMax) {
                work.append([entry.loan.rawValue, entry.stage.rawValue, String(entry.dpd),
                             entry.overdueAmount.description])
            }
            var text = block.render() + "\n" + table.render()
                + "\nportfolio aging on \(portfolio.asOf) (loanctl portfolio):\n" + aging.render()
                + "\ncollection queue on \(summary.lastDay), \(queue.count) loans to work "
                + "(loanctl collection queue):\n" + work.render()
                + "\nstart with: \(summary.investigateCommand)\n"
            if !summary.anomalies.isEmpty {
                text += "\nanomalies:\n" + summary.anomalies.map { "  \($0)\n" }.joined()
            }
            let json = JSONValue.object([
                ("store", .string(summary.path)),
                ("firstDay", Format.date(summary.firstDay)),
                ("lastDay", Format.date(summary.lastDay)),
                ("elapsedDays", .integer(Int64(summary.elapsedDays))),
                ("customers", .integer(Int64(summary.customers))),
                ("loans", .integer(Int64(summary.loans))),
                ("loansByMethod", .object(summary.loansByMethod.map {
                    ($0.method, JSONValue.integer(Int64($0.loans)))
                })),
                ("events", .integer(summary.events)),
                ("disputedLoan", .string(summary.disputedLoan.rawValue)),
                ("highlights", .array(summary.highlights.map {
                    .object([("loan", .string($0.loan.rawValue)),
                             ("customer", .string($0.customer.rawValue)),
                             ("story", .string($0.label))])
                })),
                ("portfolio", .array(portfolio.buckets.map {
                    .object([("bucket", .string($0.bucket)), ("loans", .integer($0.loans)),
                             ("outstandingPrincipal", Format.money($0.outstandingPrincipal))])
                })),
                ("queuedLoans", .integer(Int64(queue.count))),
                ("investigate", .string(summary.investigateCommand)),
                ("anomalies", .array(summary.anomalies.map { .string($0) })),
            ])
            let failure = summary.anomalies.isEmpty ? nil : CommandFailure(
                message: "demo finished with \(summary.anomalies.count) anomalies — the ledger's "
                    + "answers did not match the scenario; please report this bug",
                exitCode: .software)
            return CommandOutput(text: text, json: json, failure: failure)
        }
    }
}
