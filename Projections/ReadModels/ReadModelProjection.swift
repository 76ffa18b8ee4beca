import EventStore
import Lending

/// Writes the read models for one set of tables: customer rows after each customer append,
/// the last closed day and the portfolio snapshot at each `DayClosed`.
///
/// The same code runs inline (in the append's own transaction, live tables) and in catch-up
/// and rebuild (position order, shadow or live tables), so a rebuild equals the incremental
/// result by construction.
public struct ReadModelProjection: Sendable {
    public let schema: ReadModelSchema
    public let policies: CollectionPolicyBook

    public init(schema: ReadModelSchema, policies: CollectionPolicyBook) {
        self.schema = schema
        self.policies = policies
    }

    /// The last closed business day recorded in the tables.
    public func lastClosedDay(_ context: any ReadContext) throws -> BusinessDate? {
        let rows = try context.rows(in: schema.ledger, where: ["key": .text("last_closed_day")],
                                    orderBy: [], limit: 1)
        guard let text = rows.first?["value"]?.text else { return nil }
        return try BusinessDate(parsing: text, field: "last_closed_day")
    }

    /// Rewrites every row of `state`'s customer.
    public func writeCustomer(_ state: CustomerState, _ context: any WriteContext) throws {
        let rows = CustomerRows(state, lastClosedDay: try lastClosedDay(context),
                                policies: policies)
        for row in rows.loans { try context.upsert(schema.loans, row) }
        for row in rows.collection { try context.upsert(schema.collection, row) }
        if let line = rows.creditLine { try context.upsert(schema.creditLines, line) }
        for row in rows.limitHistory { try context.upsert(schema.limitHistory, row) }
    }

    /// Applies a `DayClosed`: records the day, revalues the visited customers' rows after it and
    /// snapshots the portfolio aging on it.
    ///
    /// - Parameter states: The visited customers (``DayClosed/visitedCustomers``), folded
    ///   through the day's events.
    public func applyDayClosed(
        _ closed: DayClosed, states: [CustomerState], statementsAfterDay: [LoanID: LoanStatement],
        _ context: any WriteContext
    ) throws {
        try context.upsert(schema.ledger, ["key": .text("last_closed_day"),
                                           "value": .text(closed.day.description)])
        for state in states { try writeCustomer(state, context) }
        try writeDayClosed(closed.day, context, statementsAfterDay: statementsAfterDay)
    }

    /// Records a closed day and snapshots the portfolio aging on it.
    ///
    /// - Parameter statementsAfterDay: statements on `day` for the loans whose rows are valued
    ///   after `day` (facts dated later than the day being closed); all other loans are aged
    ///   from their rows.
    public func writeDayClosed(
        _ day: BusinessDate, _ context: any WriteContext,
        statementsAfterDay: [LoanID: LoanStatement]
    ) throws {
        try context.upsert(schema.ledger, ["key": .text("last_closed_day"),
                                           "value": .text(day.description)])
        var count: [PortfolioBucket: Int64] = [:]
        var principal: [PortfolioBucket: Int64] = [:]
        for row in try context.rows(in: schema.loans, where: [:], orderBy: ["loan_id"],
                                    limit: nil)
        {
            guard let aged = try age(row, on: day, statementsAfterDay) else { continue }
            count[aged.bucket, default: 0] += 1
            principal[aged.bucket, default: 0] += aged.outstanding
        }
        for bucket in PortfolioBucket.allCases {
            try context.upsert(schema.portfolio, [
                "day": .text(day.description), "bucket": .text(bucket.rawValue),
                "loans": .integer(count[bucket] ?? 0),
                "outstanding_principal": .integer(principal[bucket] ?? 0),
            ])
        }
    }

    /// The bucket and outstanding principal of one loan row on `day`; nil when it is not an
    /// open exposure (not yet disbursed, closed).
    private func age(_ row: Row, on day: BusinessDate, _ later: [LoanID: LoanStatement]) throws
        -> (bucket: PortfolioBucket, outstanding: Int64)?
    {
        guard let id = row["loan_id"]?.text, let disbursed = row["disbursed_on"]?.text,
            try BusinessDate(parsing: disbursed, field: "disbursed_on") <= day
        else { return nil }
        if let statement = later[LoanID(validated: id)] {
            guard statement.outstandingPrincipal.isPositive else { return nil }
            return (PortfolioBucket.of(dpd: statement.dpd, isOverdue: statement.isOverdue),
                    statement.outstandingPrincipal.fen)
        }
        let outstanding = row["outstanding_principal"]?.integer ?? 0
        guard outstanding > 0 else { return nil }
        var dpd: Int64 = 0
        if let since = row["dpd_since"]?.text {
            dpd = try BusinessDate(parsing: since, field: "dpd_since").days(until: day)
        }
        let graceDays = row["grace_days"]?.integer ?? LendingLimits.graceDaysDefault
        return (PortfolioBucket.of(dpd: dpd, isOverdue: dpd > graceDays), outstanding)
    }
}
