/// An event `decide` chose to append, with the business date it is effective on.
public struct DecidedEvent: Sendable, Hashable {
    public var event: LendingEvent
    public var effectiveDate: BusinessDate
    public init(_ event: LendingEvent, on effectiveDate: BusinessDate) {
        self.event = event
        self.effectiveDate = effectiveDate
    }
}
