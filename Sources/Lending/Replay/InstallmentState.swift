/// One installment of the schedule in force, as replayed to a date.
public struct InstallmentState: Sendable, Hashable, Codable {
    /// 1-based position in the schedule in force.
    public var number: Int64
    /// The due date.
    public var dueDate: BusinessDate
    /// Principal owed by this installment.
    public var principal: Money
    /// Interest owed (the scheduled interest; after a payoff settlement, what was charged).
    public var interest: Money
    /// Principal paid.
    public var paidPrincipal: Money
    /// Interest paid.
    public var paidInterest: Money
    /// Penalty accrued through the as-of date (zero unless the installment became overdue).
    public var penalty: Money
    /// Penalty paid.
    public var paidPenalty: Money
    /// Penalty waived.
    public var waivedPenalty: Money
    /// The status on the as-of date.
    public var status: InstallmentStatus
    /// The day it became overdue (due + grace + 1), if it did by the as-of date.
    public var overdueFrom: BusinessDate?
    /// The day it became fully paid, if it did.
    public var paidOn: BusinessDate?

    /// Creates a state (replay builds these).
    public init(
        number: Int64, dueDate: BusinessDate, principal: Money, interest: Money,
        paidPrincipal: Money, paidInterest: Money, penalty: Money, paidPenalty: Money,
        waivedPenalty: Money, status: InstallmentStatus, overdueFrom: BusinessDate?,
        paidOn: BusinessDate?
    ) {
        self.number = number
        self.dueDate = dueDate
        self.principal = principal
        self.interest = interest
        self.paidPrincipal = paidPrincipal
        self.paidInterest = paidInterest
        self.penalty = penalty
        self.paidPenalty = paidPenalty
        self.waivedPenalty = waivedPenalty
        self.status = status
        self.overdueFrom = overdueFrom
        self.paidOn = paidOn
    }

    /// Principal not yet paid.
    public var unpaidPrincipal: Money { principal - paidPrincipal }
    /// Interest not yet paid.
    public var unpaidInterest: Money { interest - paidInterest }
    /// Penalty accrued and neither paid nor waived.
    public var unpaidPenalty: Money { penalty - paidPenalty - waivedPenalty }
    /// Everything still owed on this installment.
    public var unpaidTotal: Money { unpaidPrincipal + unpaidInterest + unpaidPenalty }
}
