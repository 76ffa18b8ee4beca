import Lending

/// What the demo built, and where to look first.
public struct DemoSummary: Sendable {
    /// A loan worth looking at, with the story it tells.
    public struct Highlight: Sendable {
        /// What happened to it, in plain words.
        public var label: String
        /// The loan.
        public var loan: LoanID
        /// Its customer.
        public var customer: CustomerID
    }

    /// The store file.
    public var path: String
    /// Customers with a credit line.
    public var customers: Int
    /// Loans disbursed.
    public var loans: Int
    /// Loans disbursed per repayment method (`equal-installment`, …), sorted by method.
    public var loansByMethod: [(method: String, loans: Int)]
    /// Events in the log (its head position).
    public var events: Int64
    /// The first simulated business day.
    public var firstDay: BusinessDate
    /// The last simulated business day (closed by end of day).
    public var lastDay: BusinessDate
    /// Business days simulated, each closed by end of day.
    public var elapsedDays: Int
    /// The loan whose repayment record arrived late: the one to investigate.
    public var disputedLoan: LoanID
    /// Its customer.
    public var disputedCustomer: CustomerID
    /// Other loans showing one lifecycle story each (restructure, write-off, …).
    public var highlights: [Highlight]
    /// Scenario expectations the ledger's answers did not meet (empty on a healthy build).
    public var anomalies: [String]

    /// The command that tells the disputed loan's story.
    public var investigateCommand: String { "loanctl investigate \(disputedLoan)" }
}
