import EventStore
import Lending
import Projections

extension Ledger {
    /// Portfolio aging (current incl. grace, 1–30, 31–60, 61–90, 91+): count and outstanding
    /// principal of open loans on `asOf` (default today), as known at `knownAt` (default now).
    ///
    /// A closed day asked about as known now answers from the snapshot taken at its
    /// `DayClosed`; any other question answers by replaying every customer known at that
    /// position (``PortfolioView/source`` says which).
    /// - Complexity: O(buckets) from a snapshot; O(events) by replay.
    public func portfolio(asOf: BusinessDate? = nil, knownAt: KnownAt? = nil)
        throws(LedgerError) -> PortfolioView
    {
        do {
            let date = asOf ?? today
            let position = try resolve(knownAt)
            if knownAt == nil, let snapshot = try portfolioSnapshot(date, position: position) {
                return snapshot
            }
            var count: [PortfolioBucket: Int64] = [:]
            var principal: [PortfolioBucket: Money] = [:]
            for customer in try customers(knownAt: position) {
                let state = try self.state(of: customer, knownAt: position)
                for loan in state.orderedLoans where loan.contract.disbursedOn <= date {
                    let s = loan.statement(asOf: date)
                    guard s.outstandingPrincipal.isPositive else { continue }
                    let bucket = PortfolioBucket.of(dpd: s.dpd, isOverdue: s.isOverdue)
                    count[bucket, default: 0] += 1
                    principal[bucket, default: .zero] += s.outstandingPrincipal
                }
            }
            return PortfolioView(
                asOf: date, source: .replay,
                buckets: PortfolioBucket.allCases.map {
                    .init(bucket: $0.rawValue, loans: count[$0] ?? 0,
                          outstandingPrincipal: principal[$0] ?? .zero)
                },
                knownAtPosition: position)
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    private func portfolioSnapshot(_ date: BusinessDate, position: Int64) throws
        -> PortfolioView?
    {
        guard try readModelsAreCurrent() else { return nil }
        let rows = try store.read {
            try $0.rows(in: ReadModelSchema.live.portfolio, where: ["day": .text(date.description)],
                        orderBy: ["bucket"], limit: nil)
        }
        guard !rows.isEmpty else { return nil }
        var byBucket: [String: Row] = [:]
        for row in rows { if let bucket = row["bucket"]?.text { byBucket[bucket] = row } }
        return PortfolioView(
            asOf: date, source: .snapshot,
            buckets: PortfolioBucket.allCases.map { bucket in
                let row = byBucket[bucket.rawValue]
                return .init(bucket: bucket.rawValue, loans: row?["loans"]?.integer ?? 0,
                             outstandingPrincipal: Money(
                                fen: row?["outstanding_principal"]?.integer ?? 0))
            },
            knownAtPosition: position)
    }

    /// Every customer whose stream has an event at or before `position`, sorted.
    func customers(knownAt position: Int64) throws -> [CustomerID] {
        var streams = Set<String>()
        var after: Int64 = 0
        while after < position {
            let batch = try store.readAll(afterPosition: after,
                                          limit: Swift.min(EventStoreLimits.readBatchMax,
                                                           Int(position - after)))
            for event in batch where event.streamId.hasPrefix("customer-") {
                streams.insert(event.streamId)
            }
            guard let last = batch.last else { break }
            after = last.position
        }
        return streams.sorted().map {
            CustomerID(validated: String($0.dropFirst("customer-".count)))
        }
    }
}
