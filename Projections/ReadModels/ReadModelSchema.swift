import EventStore

/// The read-model tables, readable with the `sqlite3` shell. Amounts are integer fen, dates
/// `YYYY-MM-DD`, enums kebab-case. docs/projections.md describes each column.
///
/// One set of tables per prefix: `rm_` holds the live read models, `rb_` the shadow copy a
/// rebuild fills before it swaps the rows in.
public struct ReadModelSchema: Sendable, Equatable {
    public let prefix: String
    public var loans: String { prefix + "loans" }
    public var creditLines: String { prefix + "credit_lines" }
    public var limitHistory: String { prefix + "credit_limit_history" }
    public var collection: String { prefix + "collection" }
    public var portfolio: String { prefix + "portfolio_days" }
    public var ledger: String { prefix + "ledger" }
    /// Open loans grouped by the date their DPD counts from (`-` when none) and grace days:
    /// ages the whole portfolio on any day without reading every loan.
    public var agingBasis: String { prefix + "aging_basis" }

    /// The live read models.
    public static let live = ReadModelSchema(prefix: "rm_", checkpointName: "read-models")
    /// The shadow tables of a rebuild.
    public static let shadow = ReadModelSchema(prefix: "rb_", checkpointName: "read-models-rebuild")

    /// The checkpoint of this set of tables.
    public let checkpointName: String
    /// Bumped whenever a table or a row builder changes shape: a store built by other code is
    /// rebuilt before queries trust it.
    public static let codeVersion: Int64 = 2

    private func columns(_ text: [String], _ integers: [String]) -> [TableSchema.Column] {
        text.map { .init($0, .text) } + integers.map { .init($0, .integer) }
    }

    /// Every table, in creation order.
    public var tables: [TableSchema] {
        [
        TableSchema(
            name: loans,
            columns: columns(
                ["loan_id", "customer_id", "status", "stage", "method", "disbursed_on", "as_of",
                 "next_due_date", "dpd_since", "next_review"],
                ["restructured", "grace_days", "dpd", "principal", "outstanding_principal", "interest_due",
                 "penalty_due", "overdue_total", "capitalised_interest", "paid_principal",
                 "paid_interest", "paid_penalty", "waived_penalty", "written_off", "recovered",
                 "overpaid", "refunded"]),
            primaryKey: ["loan_id"], indexes: [["customer_id"], ["next_review"]]),
        TableSchema(
            name: creditLines,
            columns: columns(
                ["customer_id", "status", "freeze_reasons", "opened_on", "as_of"],
                ["credit_limit", "outstanding_principal", "available", "loans"]),
            primaryKey: ["customer_id"]),
        TableSchema(
            name: limitHistory,
            columns: columns(["customer_id", "effective_date"], ["seq", "credit_limit"]),
            primaryKey: ["customer_id", "seq"]),
        TableSchema(
            name: collection,
            columns: columns(
                ["loan_id", "customer_id", "stage", "stage_since", "last_action_at",
                 "last_action_channel", "last_action_by", "dpd_since", "as_of"],
                ["dpd", "overdue_amount", "calls_on_last_action_day", "dispute_open"]),
            primaryKey: ["loan_id"], indexes: [["stage"]]),
        TableSchema(
            name: portfolio,
            columns: columns(["day", "bucket"], ["loans", "outstanding_principal"]),
            primaryKey: ["day", "bucket"]),
        TableSchema(
            name: ledger, columns: columns(["key", "value"], []), primaryKey: ["key"]),
        TableSchema(
            name: agingBasis, columns: columns(["dpd_since"], ["grace_days", "loans",
                                                              "outstanding_principal"]),
            primaryKey: ["dpd_since", "grace_days"]),
        ]
    }
}
