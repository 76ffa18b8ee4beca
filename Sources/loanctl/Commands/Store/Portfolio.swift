import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `portfolio [--as-of D] [--known-at K]`.
    struct Portfolio: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "portfolio",
            abstract: "Show portfolio aging: loans and outstanding principal by days past due.",
            discussion: "Buckets: current (including grace), 1-30, 31-60, 61-90, 91+. "
                + "Open loans only.",
            examples: ["loanctl portfolio --as-of 2026-03-19 --json"],
            options: [GlobalOptions.asOf, GlobalOptions.knownAt]
        )

        let asOf: BusinessDate?
        let knownAt: KnownAt?

        init(validating invocation: Invocation) throws {
            asOf = try invocation.optionalDate("as-of")
            knownAt = try invocation.knownAt()
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let view = try invocation.openLedger(.read).portfolio(asOf: asOf, knownAt: knownAt)
            var table = TextTable(columns: [
                .init("BUCKET"), .init("LOANS", alignment: .right),
                .init("OUTSTANDING", alignment: .right),
            ])
            var buckets: [JSONValue] = []
            for bucket in view.buckets {
                table.append([bucket.bucket, String(bucket.loans),
                              bucket.outstandingPrincipal.description])
                buckets.append(.object([
                    ("bucket", .string(bucket.bucket)),
                    ("loans", .integer(bucket.loans)),
                    ("outstandingPrincipal", Format.money(bucket.outstandingPrincipal)),
                ]))
            }
            let loans = view.buckets.map(\.loans).reduce(0, +)
            let total = view.buckets.map(\.outstandingPrincipal).sum()
            table.append(["total", String(loans), total.description])
            let text = "as of \(view.asOf) (known at position \(view.knownAtPosition), "
                + "from \(view.source.rawValue))\n" + table.render()
            return CommandOutput(text: text, json: .object([
                ("asOf", Format.date(view.asOf)),
                ("knownAtPosition", .integer(view.knownAtPosition)),
                ("source", .string(view.source.rawValue)),
                ("buckets", .array(buckets)),
                ("total", .object([("loans", .integer(loans)),
                                   ("outstandingPrincipal", Format.money(total))])),
            ]))
        }
    }
}
