import CommandLineKit
import Lending
import LoanLedger

/// `investigate --json`: the ``LoanLedger/Investigation`` fields, in CLI.md's conventions.
enum InvestigationJSON {
    static func document(_ story: Investigation) -> JSONValue {
        let c = story.contract
        return .object([
            ("loan", .string(story.loan.rawValue)),
            ("customer", .string(story.customer.rawValue)),
            ("lastClosedDay", Format.date(story.lastClosedDay)),
            ("headPosition", .integer(story.headPosition)),
            ("contract", .object([
                ("principal", Format.money(c.principal)),
                ("disbursedOn", Format.date(c.disbursedOn)),
                ("method", .string(c.method)),
                ("termMonths", .integer(c.termMonths)),
                ("dailyRate", .string(c.dailyRate)),
                ("graceDays", .integer(c.graceDays)),
                ("firstDueDate", Format.date(c.firstDueDate)),
                ("lastDueDate", Format.date(c.lastDueDate)),
            ])),
            ("summary", .array(story.summary.map { .string($0) })),
            ("entries", .array(story.entries.map(entry))),
            ("collectionActions", .array(story.collectionActions.map(entry))),
            ("timeline", .array(story.timeline.map(day))),
            ("differences", .array(story.differences.map(difference))),
        ])
    }

    private static func entry(_ e: Investigation.Entry) -> JSONValue {
        .object([
            ("position", .integer(e.position)),
            ("effectiveDate", Format.date(e.effectiveDate)),
            ("recordedAt", .string(e.recordedAtText)),
            ("type", .string(e.type)),
            ("actor", .string(e.actor)),
            ("reason", e.reason.map { .string($0) } ?? .null),
            ("sentence", .string(e.sentence)),
            ("backdated", .bool(e.isBackdated)),
            ("knownThen", balance(e.knownThen)),
            ("knownNow", balance(e.knownNow)),
        ])
    }

    private static func balance(_ b: Investigation.Balance) -> JSONValue {
        .object([
            ("outstandingPrincipal", Format.money(b.outstandingPrincipal)),
            ("interestDue", Format.money(b.interestDue)),
            ("penaltyDue", Format.money(b.penaltyDue)),
            ("dpd", .integer(b.dpd)),
        ])
    }

    private static func view(_ v: Investigation.DayView) -> JSONValue {
        .object([
            ("dpd", .integer(v.dpd)),
            ("stage", .string(v.stage)),
            ("penaltyAccrued", Format.money(v.penaltyAccrued)),
            ("outstandingPrincipal", Format.money(v.outstandingPrincipal)),
            ("line", .string(v.line)),
        ])
    }

    private static func day(_ d: Investigation.DayComparison) -> JSONValue {
        .object([
            ("date", Format.date(d.date)),
            ("closedAtPosition", .integer(d.closedAtPosition)),
            ("knownThen", view(d.knownThen)),
            ("knownNow", view(d.knownNow)),
            ("differingFields", .array(d.differingFields.map { .string($0) })),
        ])
    }

    private static func difference(_ run: Investigation.DifferenceRun) -> JSONValue {
        .object([
            ("from", Format.date(run.from)),
            ("through", Format.date(run.through)),
            ("fields", .array(run.fields.map { .string($0) })),
            ("days", .array(run.days.map(day))),
            ("explanations", .array(run.explanations.map { x in
                .object([
                    ("position", .integer(x.position)),
                    ("effectiveDate", Format.date(x.effectiveDate)),
                    ("recordedAt", .string(x.recordedAtText)),
                    ("type", .string(x.type)),
                    ("sentence", .string(x.sentence)),
                ])
            })),
        ])
    }
}
