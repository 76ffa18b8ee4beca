/// How a repayment or refund reference was used in this customer's stream.
public struct PaymentReferenceUse: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case repayment, refund }
    public var kind: Kind
    public var loan: LoanID
    public var amount: Money
    public var date: BusinessDate
    /// A reversed reference can never be used again, even with the same values.
    public var isReversed: Bool
}
