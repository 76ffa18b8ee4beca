import Lending

/// The story of one debt, as plain data: what happened in business order, the balance after
/// each fact, and where "what we knew then" differs from "what we know now".
///
/// Built by ``Ledger/investigate(_:)``; rendered by ``InvestigationReport`` as text or HTML
/// (and as JSON by the CLI from these fields). Times are microseconds since 1970 (UTC) with
/// a display form in Asia/Shanghai.
public struct Investigation: Sendable {
    /// The loan investigated.
    public var loan: LoanID
    /// Its customer.
    public var customer: CustomerID
    /// The contract as disbursed.
    public var contract: ContractSummary
    /// The last business day end of day had closed when the investigation ran.
    public var lastClosedDay: BusinessDate?
    /// The log position the investigation saw ("now").
    public var headPosition: Int64
    /// Every event of the loan, and its line's freezes, closures and reopenings, in business
    /// order (effective date, then position).
    public var entries: [Entry]
    /// The collection actions among ``entries``, in business order.
    public var collectionActions: [Entry]
    /// One row per business day from disbursement through ``lastClosedDay``: the chart's data.
    public var timeline: [DayComparison]
    /// Days on which then and now differ, grouped into runs of consecutive days.
    public var differences: [DifferenceRun]
    /// The story in a few sentences.
    public var summary: [String]
}

extension Investigation {
    /// The contract as disbursed.
    public struct ContractSummary: Sendable, Equatable {
        /// The amount disbursed.
        public var principal: Money
        /// The disbursement date.
        public var disbursedOn: BusinessDate
        /// `equal-installment`, `equal-principal` or `interest-first`.
        public var method: String
        /// Monthly installments at disbursement.
        public var termMonths: Int64
        /// The daily rate as a decimal, e.g. `0.0005`.
        public var dailyRate: String
        /// Days after a due date before an installment is overdue.
        public var graceDays: Int64
        /// The first installment's due date.
        public var firstDueDate: BusinessDate
        /// The last installment's due date (of the schedule at disbursement).
        public var lastDueDate: BusinessDate
    }

    /// What the loan owed on a date, as seen from one point of the log.
    public struct Balance: Sendable, Equatable {
        /// Principal owed (including written-off principal not yet recovered).
        public var outstandingPrincipal: Money
        /// Unpaid interest of installments due on or before the date.
        public var interestDue: Money
        /// Penalty accrued through the date and neither paid nor waived.
        public var penaltyDue: Money
        /// Days past due on the date.
        public var dpd: Int64
    }

    /// One event of the story.
    public struct Entry: Sendable {
        /// Global position in the log.
        public var position: Int64
        /// The business date the event is effective on.
        public var effectiveDate: BusinessDate
        /// Microseconds since 1970, UTC.
        public var recordedAt: Int64
        /// `recordedAt` in Asia/Shanghai, RFC 3339.
        public var recordedAtText: String
        /// The stored type, e.g. `RepaymentReceived`.
        public var type: String
        /// Who recorded it (a person, `payments:gateway`, `system:eod`…).
        public var actor: String
        /// Why, in the actor's words, if given.
        public var reason: String?
        /// What happened, in plain words.
        public var sentence: String
        /// True when it was recorded after the close of the business day its effect starts on
        /// (a backdated fact, or a correction naming an earlier date).
        public var isBackdated: Bool
        /// The loan on the effective date, from every fact known now.
        public var knownNow: Balance
        /// The loan on the effective date, from the facts known at this event's position.
        public var knownThen: Balance
    }

    /// What one side knew about one business day.
    public struct DayView: Sendable, Equatable {
        /// Days past due at the day's end.
        public var dpd: Int64
        /// `current`, `grace`, `early`, `mid` or `late`.
        public var stage: String
        /// Penalty accrued through the day (paid, waived or not).
        public var penaltyAccrued: Money
        /// Principal owed at the day's end.
        public var outstandingPrincipal: Money
        /// `active`, `frozen (overdue)`, `frozen (manual, restructured)`, `closed`…
        public var line: String
    }

    /// One business day seen as known then (at that day's close) and as known now.
    public struct DayComparison: Sendable {
        /// The business day compared.
        public var date: BusinessDate
        /// Position of that day's `DayClosed`: the log as the company knew it that evening.
        public var closedAtPosition: Int64
        /// The day as the log stood at its close.
        public var knownThen: DayView
        /// The day as the whole log shows it now.
        public var knownNow: DayView
        /// Names of the fields that differ: `dpd`, `stage`, `penalty`, `line`.
        public var differingFields: [String]
    }

    /// A fact recorded after a day's close that changes what we know about that day.
    public struct Explanation: Sendable {
        /// Global position of the fact in the log.
        public var position: Int64
        /// Its effective date.
        public var effectiveDate: BusinessDate
        /// When it was recorded, Asia/Shanghai, RFC 3339.
        public var recordedAtText: String
        /// The stored type, e.g. `RepaymentReceived`.
        public var type: String
        /// What it records, in plain words.
        public var sentence: String
    }

    /// Consecutive business days on which then and now differ.
    public struct DifferenceRun: Sendable {
        /// The first differing day.
        public var from: BusinessDate
        /// The last differing day.
        public var through: BusinessDate
        /// Union of the differing fields over the run.
        public var fields: [String]
        /// Each day of the run.
        public var days: [DayComparison]
        /// The facts, recorded later, that explain the difference (in log order).
        public var explanations: [Explanation]
    }
}
