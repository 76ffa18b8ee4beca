/// One row of a loan's contractual schedule: what is due on a date.
///
/// Fixed at disbursement (or at a restructure) and recorded in the event that created it, so
/// replay never rebuilds an old loan's schedule from changed rules.
public struct ScheduledInstallment: Sendable, Hashable, Codable {
    /// 1-based position in the schedule.
    public var number: Int64
    /// The day it is due.
    public var dueDate: BusinessDate
    /// Principal due.
    public var principal: Money
    /// Interest due.
    public var interest: Money

    /// Creates a row.
    public init(number: Int64, dueDate: BusinessDate, principal: Money, interest: Money) {
        self.number = number
        self.dueDate = dueDate
        self.principal = principal
        self.interest = interest
    }

    /// Principal plus interest.
    public var total: Money { principal + interest }
}
