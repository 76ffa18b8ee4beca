import Lending

/// How the borrowers of one customer behave: the demo's cast.
enum DemoBehaviour: Equatable {
    /// Pays each installment on its due date or up to two days early; sometimes pays off.
    case punctual
    /// Often pays one to three days late: within grace, so never overdue and no penalty.
    case graceCurer
    /// Sometimes pays well after grace: overdue, penalty, collection, then cured by payment.
    case lateCurer
    /// Stops paying after `stopAfter` installments and follows `path`.
    case defaulter(DefaultPath, stopAfter: Int)
    /// Pays installment `delayed` on time, but its record arrives after end of day sent the
    /// customer to collection: the disputed debt.
    case disputed(delayed: Int)
    /// Pays off at installment `at`; the payment bounces and is reversed; pays again.
    case bouncedPayoff(at: Int)
    /// Pays the last installment twice (bank transfer recorded late, then the app): refunded.
    case doublePaidLast
}

/// What happens to a defaulted loan after collection.
enum DefaultPath: Equatable {
    /// Pays the arrears after DPD 91 (the line closed automatically); the line is reopened.
    case cureAndReopen
    /// Written off at DPD 120; partial recoveries follow.
    case writeOffAndRecover
    /// Negotiates a new 12-month schedule in the mid stage and pays it.
    case restructure
    /// Stays in collection to the end (late stage, legal).
    case staysLate
}

/// One customer of the demo and the loans it plans to draw.
struct DemoCustomer {
    var id: CustomerID
    var limit: Money
    var opensOn: BusinessDate
    var behaviour: DemoBehaviour
    /// Indices into the simulation's loans, in planned order.
    var loans: [Int]
}

/// One planned (and then disbursed) loan, with the demo's local copy of its money facts.
struct DemoLoan {
    var id: LoanID
    var customer: Int
    var principal: Money
    var terms: LoanTerms
    var behaviour: DemoBehaviour
    /// Attempts to disburse made so far (the line may be frozen or short of credit).
    var attempts: Int = 0
    /// The loan as the ledger returned it after the last command on this customer.
    var record: LoanRecord?
    /// Repayments sent so far (names the next reference).
    var payments: Int = 0
    /// True once nothing more is planned for it.
    var isFinished = false
    /// Set for loans large enough to escalate to the mid stage early and to earn a visit.
    var isLarge = false
    /// True while a dispute the demo opened is not resolved (collection pauses).
    var isDisputeOpen = false
}

/// Something the demo does at a simulated minute of a business day.
struct DemoTask {
    enum Kind {
        case openLine(customer: Int)
        case disburse(loan: Int)
        case pay(loan: Int)
        case payoff(loan: Int)
        case collect(loan: Int, channel: ContactChannel, outcome: String)
        case backdatedPay(loan: Int, on: BusinessDate, channel: String)
        case reverse(loan: Int, payment: Int)
        case refund(loan: Int)
        case openDispute(loan: Int)
        case resolveDispute(loan: Int)
        case restructure(loan: Int)
        case writeOff(loan: Int)
        case recover(loan: Int)
        case cure(loan: Int)
        case reopenLine(customer: Int)
    }

    /// Minute of the Shanghai day, 08:00–21:00 for contact.
    var minute: Int64
    /// Order of creation: ties on the same minute run in the order they were planned.
    var sequence: Int
    var kind: Kind
}
