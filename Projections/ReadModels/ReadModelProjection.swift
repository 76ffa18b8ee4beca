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
        let closed = try lastClosedDay(context)
        let rows = CustomerRows(state, lastClosedDay: closed, policies: policies)
        if let valuation = CustomerRows.valuationDate(state, lastClosedDay: closed) {
            try noteValuation(valuation, context)
        }
        for row in rows.loans { try upsertLoanRow(row, context) }
        for row in rows.collection { try context.upsert(schema.collection, row) }
        if let line = rows.creditLine { try context.upsert(schema.creditLines, line) }
        for row in rows.limitHistory { try context.upsert(schema.limitHistory, row) }
    }

    /// Applies a `DayClosed`: records the day, revalues the visited customers' rows after it and
    /// snapshots the portfolio aging on it.
    ///
    /// - Parameters:
    ///   - states: The visited customers (``DayClosed/visitedCustomers``), folded through the
    ///     day's events.
    ///   - later: The rows valued after the day (``laterValuations(_:_:load:)``), read before
    ///     the visited customers' rows are rewritten.
    public func applyDayClosed(
        _ closed: DayClosed, states: [CustomerState], later: LaterValuations,
        _ context: any WriteContext
    ) throws {
        try context.upsert(schema.ledger, ["key": .text("last_closed_day"),
                                           "value": .text(closed.day.description)])
        for state in states { try writeCustomer(state, context) }
        try writeDayClosed(closed.day, context, later: later)
    }

    /// Records a closed day and snapshots the portfolio aging on it, from the aging basis
    /// (O(distinct DPD start dates), not O(loans)).
    public func writeDayClosed(_ day: BusinessDate, _ context: any WriteContext,
                               later: LaterValuations) throws
    {
        try context.upsert(schema.ledger, ["key": .text("last_closed_day"),
                                           "value": .text(day.description)])
        let totals = try aging(on: day, later: later, context)
        for bucket in PortfolioBucket.allCases {
            let total = totals[bucket] ?? (0, 0)
            try context.upsert(schema.portfolio, [
                "day": .text(day.description), "bucket": .text(bucket.rawValue),
                "loans": .integer(total.loans),
                "outstanding_principal": .integer(total.principal),
            ])
        }
    }
}
