/// The customer aggregate: the credit line and every loan drawn on it (stream `customer-<id>`).
///
/// It is the consistency boundary for available credit. Built only by ``evolve(_:on:)``, which
/// never re-validates: a recorded fact stands even if a later backdated fact would have refused it.
public struct CustomerState: Sendable, Hashable, Codable {
    public var customerId: CustomerID
    /// Nil until `CreditLineOpened`.
    public var line: CreditLine?
    public var loans: [LoanID: LoanRecord]
    /// Loan ids in disbursement order (deterministic iteration).
    public var loanOrder: [LoanID]
    /// Repayment and refund references used in this stream.
    public var references: [PaymentReference: PaymentReferenceUse]
    /// The number of events folded (the stream version).
    public var version: Int64
    /// The latest effective date of any event folded.
    public var latestEffectiveDate: BusinessDate?

    /// The state of a stream with no events.
    public init(customerId: CustomerID) {
        self.customerId = customerId
        line = nil
        loans = [:]
        loanOrder = []
        references = [:]
        version = 0
        latestEffectiveDate = nil
    }

    /// The loans in disbursement order.
    public var orderedLoans: [LoanRecord] { loanOrder.compactMap { loans[$0] } }

    /// The stream id of a customer: `customer-<id>`.
    public static func streamId(for customer: CustomerID) -> String {
        "customer-\(customer.rawValue)"
    }
}
