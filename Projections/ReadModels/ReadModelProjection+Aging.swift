import EventStore
import Lending

/// Loans whose rows are valued after a day being closed (facts dated later than that day),
/// with their statements on that day: the snapshot ages them from the statements instead.
public struct LaterValuations: Sendable {
    /// The loan rows valued after the day.
    public var rows: [Row]
    /// Statements on the day of those loans already disbursed by then.
    public var statements: [LoanID: LoanStatement]

    public init(rows: [Row], statements: [LoanID: LoanStatement]) {
        self.rows = rows
        self.statements = statements
    }

    /// No row valued after the day (the usual case: days are closed as time passes).
    public static let none = LaterValuations(rows: [], statements: [:])
}

extension ReadModelProjection {
    static let maxValuationKey = "max_valuation_date"

    /// The latest valuation date any customer row was ever written with (never decreases).
    func maxValuationDate(_ context: any ReadContext) throws -> BusinessDate? {
        let rows = try context.rows(in: schema.ledger,
                                    where: ["key": .text(Self.maxValuationKey)],
                                    orderBy: [], limit: 1)
        guard let text = rows.first?["value"]?.text else { return nil }
        return try BusinessDate(parsing: text, field: Self.maxValuationKey)
    }

    /// Raises the recorded latest valuation date to `date` when it is later.
    func noteValuation(_ date: BusinessDate, _ context: any WriteContext) throws {
        if let known = try maxValuationDate(context), known >= date { return }
        try context.upsert(schema.ledger, ["key": .text(Self.maxValuationKey),
                                           "value": .text(date.description)])
    }

    /// The rows valued after `day` and their statements on `day`. Reads no loan row at all when
    /// no row was ever valued after `day`.
    public func laterValuations(
        _ day: BusinessDate, _ context: any ReadContext,
        load: (CustomerID) throws -> CustomerState
    ) throws -> LaterValuations {
        guard let latest = try maxValuationDate(context), latest > day else { return .none }
        let rows = try context.rows(in: schema.loans, where: [:], orderBy: ["loan_id"],
                                    limit: nil)
            .filter { ($0["as_of"]?.text ?? "") > day.description }
        var customers = Set<String>()
        for row in rows { if let customer = row["customer_id"]?.text { customers.insert(customer) } }
        var statements: [LoanID: LoanStatement] = [:]
        for customer in customers.sorted() {
            let state = try load(CustomerID(validated: customer))
            for loan in state.orderedLoans where loan.contract.disbursedOn <= day {
                statements[loan.contract.loanId] = loan.statement(asOf: day)
            }
        }
        return LaterValuations(rows: rows, statements: statements)
    }

    /// Replaces a loan row and moves its contribution in the aging basis.
    func upsertLoanRow(_ row: Row, _ context: any WriteContext) throws {
        guard let id = row["loan_id"] else { return }
        let old = try context.rows(in: schema.loans, where: ["loan_id": id], orderBy: [],
                                   limit: 1).first
        try context.upsert(schema.loans, row)
        if let old { try addToBasis(old, sign: -1, context) }
        try addToBasis(row, sign: 1, context)
    }

    /// The basis key and amounts of an open loan row; nil when nothing is outstanding.
    private func basisKey(_ row: Row) -> Row? {
        guard let outstanding = row["outstanding_principal"]?.integer, outstanding > 0 else {
            return nil
        }
        return ["dpd_since": .text(row["dpd_since"]?.text ?? "-"),
                "grace_days": .integer(row["grace_days"]?.integer
                    ?? LendingLimits.graceDaysDefault)]
    }

    private func addToBasis(_ row: Row, sign: Int64, _ context: any WriteContext) throws {
        guard let key = basisKey(row), let outstanding = row["outstanding_principal"]?.integer
        else { return }
        let current = try context.rows(in: schema.agingBasis, where: key, orderBy: [],
                                       limit: 1).first
        let loans = (current?["loans"]?.integer ?? 0) + sign
        let principal = (current?["outstanding_principal"]?.integer ?? 0) + sign * outstanding
        precondition(loans >= 0 && principal >= 0, "aging basis went negative")
        if loans == 0 {
            try context.delete(from: schema.agingBasis, where: key)
        } else {
            var updated = key
            updated["loans"] = .integer(loans)
            updated["outstanding_principal"] = .integer(principal)
            try context.upsert(schema.agingBasis, updated)
        }
    }

    /// Portfolio aging on `day`: the basis aged on the day, with the rows valued after it
    /// replaced by their statements on the day.
    func aging(on day: BusinessDate, later: LaterValuations, _ context: any ReadContext) throws
        -> [PortfolioBucket: (loans: Int64, principal: Int64)]
    {
        var totals: [PortfolioBucket: (loans: Int64, principal: Int64)] = [:]
        func add(_ bucket: PortfolioBucket, _ loans: Int64, _ principal: Int64) {
            let current = totals[bucket] ?? (0, 0)
            totals[bucket] = (current.loans + loans, current.principal + principal)
        }
        for basis in try context.rows(in: schema.agingBasis, where: [:],
                                      orderBy: ["dpd_since", "grace_days"], limit: nil)
        {
            let bucket = try Self.bucket(since: basis["dpd_since"]?.text,
                                         grace: basis["grace_days"]?.integer, on: day)
            add(bucket, basis["loans"]?.integer ?? 0,
                basis["outstanding_principal"]?.integer ?? 0)
        }
        for row in later.rows {
            guard basisKey(row) != nil, let outstanding = row["outstanding_principal"]?.integer
            else { continue }
            let bucket = try Self.bucket(since: row["dpd_since"]?.text,
                                         grace: row["grace_days"]?.integer, on: day)
            add(bucket, -1, -outstanding)
            guard let id = row["loan_id"]?.text,
                let statement = later.statements[LoanID(validated: id)],
                statement.outstandingPrincipal.isPositive
            else { continue }
            add(PortfolioBucket.of(dpd: statement.dpd, isOverdue: statement.isOverdue), 1,
                statement.outstandingPrincipal.fen)
        }
        return totals
    }

    private static func bucket(since: String?, grace: Int64?, on day: BusinessDate) throws
        -> PortfolioBucket
    {
        guard let since, since != "-" else { return .current }
        let dpd = try BusinessDate(parsing: since, field: "dpd_since").days(until: day)
        return PortfolioBucket.of(dpd: dpd, isOverdue: dpd > (grace ?? LendingLimits.graceDaysDefault))
    }
}
