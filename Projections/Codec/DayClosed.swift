import Lending

/// End of day closed a business day: the record that anchors the log's head outside the chain.
///
/// Appended to the ``DayClosed/streamId`` stream with that day as effective date. `headPosition`
/// and `headHash` are the log's head just before this event: an anchor an operator can keep.
public struct DayClosed: Sendable, Hashable, Codable {
    public static let type = "DayClosed"
    public static let schemaVersion = 1
    /// The stream every `DayClosed` goes to; its version orders day closes.
    public static let streamId = "ledger-eod"

    public var day: BusinessDate
    public var headPosition: Int64
    /// Lower-case hex SHA-256.
    public var headHash: String
    /// Loans visited (those whose state could change that day).
    public var loansVisited: Int64
    /// Events appended for that day before this record.
    public var eventsAppended: Int64
    /// The customers visited, sorted: their read-model rows are revalued after the day, so a
    /// rebuild revalues exactly the same ones.
    public var visitedCustomers: [String]

    public init(day: BusinessDate, headPosition: Int64, headHash: String, loansVisited: Int64,
                eventsAppended: Int64, visitedCustomers: [String])
    {
        self.day = day
        self.headPosition = headPosition
        self.headHash = headHash
        self.loansVisited = loansVisited
        self.eventsAppended = eventsAppended
        self.visitedCustomers = visitedCustomers
    }
}
