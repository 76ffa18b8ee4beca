import Lending

/// A loan as of a business date, as known at a position of the log.
public struct LoanView: Sendable {
    public var customer: CustomerID
    /// The money replay on ``asOf``.
    public var statement: LoanStatement
    /// The stage the policy gives for the statement's DPD and overdue amount.
    public var stage: CollectionStage
    public var disputeOpen: Bool
    /// The last position the answer saw.
    public var knownAtPosition: Int64
    public var asOf: BusinessDate { statement.asOf }
}

/// A credit line as of a business date, as known at a position of the log.
public struct CreditLineView: Sendable {
    /// One loan drawn on the line.
    public struct LoanSummary: Sendable {
        public var loan: LoanID
        public var status: LoanStatus
        public var outstandingPrincipal: Money
        public var dpd: Int64
    }
    public var customer: CustomerID
    public var asOf: BusinessDate
    public var status: CreditLine.Status
    public var freezeReasons: [FreezeReason]
    public var limit: Money
    public var outstandingPrincipal: Money
    public var available: Money
    public var loans: [LoanSummary]
    public var knownAtPosition: Int64
}

/// One event of a history listing.
public struct HistoryEntry: Sendable {
    public var position: Int64
    public var version: Int64
    public var type: String
    public var effectiveDate: String
    /// Microseconds since 1970, UTC.
    public var recordedAt: Int64
    public var actor: String
    public var reason: String?
    /// The event's JSON as stored.
    public var data: [UInt8]
}

/// One loan to work in collection.
public struct QueueEntry: Sendable {
    public var loan: LoanID
    public var customer: CustomerID
    public var stage: CollectionStage
    public var dpd: Int64
    public var overdueAmount: Money
    public var lastActionAt: String?
    public var disputeOpen: Bool
}

/// Portfolio aging on a date.
public struct PortfolioView: Sendable {
    /// Where the answer came from.
    public enum Source: String, Sendable { case snapshot, replay }
    public struct Bucket: Sendable {
        public var bucket: String
        public var loans: Int64
        public var outstandingPrincipal: Money
    }
    public var asOf: BusinessDate
    public var source: Source
    public var buckets: [Bucket]
    public var knownAtPosition: Int64
}

/// The end-of-day status and the anchor to keep.
public struct DayStatus: Sendable {
    public var lastClosedDay: BusinessDate?
    public var head: ChainHeadView
    public var today: BusinessDate
}

/// A chain head in display form.
public struct ChainHeadView: Sendable {
    public var position: Int64
    /// Lower-case hex.
    public var hash: String
    /// `POSITION:HASH`.
    public var anchor: String { "\(position):\(hash)" }
}
