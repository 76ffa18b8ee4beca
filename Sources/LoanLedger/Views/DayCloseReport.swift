import EventStore
import Lending

/// What `day close` did, day by day.
public struct DayCloseReport: Sendable {
    /// One closed day.
    public struct Day: Sendable {
        public var day: BusinessDate
        public var loansVisited: Int
        public var eventsAppended: Int
        /// The head the `DayClosed` record states (before itself).
        public var anchor: ChainHead
        /// The position of the `DayClosed` record.
        public var position: Int64
    }
    /// The days closed, oldest first (empty when everything was already closed).
    public var days: [Day]
    /// The last closed day after the run.
    public var lastClosedDay: BusinessDate?
}
