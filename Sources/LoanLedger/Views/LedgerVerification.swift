import EventStore

/// What `verify` found: the hash chain, then the read models against a fresh replay.
public struct LedgerVerification: Sendable {
    public var chain: VerificationReport
    /// The first read-model difference (table, key, column, stored vs replayed), nil when equal.
    public var readModelDifference: String?
    /// Rows compared.
    public var rowsCompared: Int
    /// True when the chain is intact and the read models equal a fresh replay.
    public var isIntact: Bool { chain.isIntact && readModelDifference == nil }
}

/// What `rebuild` did.
public struct RebuildReport: Sendable {
    public var eventsProcessed: Int64
    public var rows: Int
}
