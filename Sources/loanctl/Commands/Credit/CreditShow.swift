import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `credit show CUSTOMER [--as-of D] [--known-at K]`.
    struct CreditShow: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "show",
            abstract: "Show a credit line: status, freeze reasons, limit, available and loans.",
            examples: ["loanctl credit show C-1 --as-of 2026-04-01 --json"],
            arguments: [CreditArguments.customer],
            options: [GlobalOptions.asOf, GlobalOptions.knownAt]
        )

        let customer: CustomerID
        let asOf: BusinessDate?
        let knownAt: KnownAt?

        init(validating invocation: Invocation) throws {
            customer = try invocation.customerArgument()
            asOf = try invocation.optionalDate("as-of")
            knownAt = try invocation.knownAt()
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let ledger = try invocation.openLedger(.read)
            let view = try ledger.creditLine(customer, asOf: asOf, knownAt: knownAt)
            return CommandOutput(text: view.text, json: view.json)
        }
    }
}
