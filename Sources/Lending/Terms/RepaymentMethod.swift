/// How a loan's schedule is built.
public enum RepaymentMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// 等额本息: equal total installments.
    case equalInstallment = "equal-installment"
    /// 等额本金: equal principal, interest on the outstanding.
    case equalPrincipal = "equal-principal"
    /// 先息后本: interest monthly, principal with the last installment.
    case interestFirst = "interest-first"

    /// Parses the kebab-case name.
    /// - Throws: ``LendingError/invalidInput(field:value:rule:)``.
    public init(parsing text: String) throws(LendingError) {
        guard let method = RepaymentMethod(rawValue: text) else {
            throw .invalid("method", text,
                           "must be equal-installment, equal-principal or interest-first")
        }
        self = method
    }
}
