import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `credit history CUSTOMER`.
    struct CreditHistory: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "history",
            abstract: "List every event of a customer's stream, in log order.",
            examples: ["loanctl credit history C-1 --json"],
            arguments: [CreditArguments.customer]
        )

        let customer: CustomerID

        init(validating invocation: Invocation) throws {
            customer = try invocation.customerArgument()
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let ledger = try invocation.openLedger(.read)
            let entries = try ledger.history(ofCustomer: customer)
            return try HistoryListing(subjectKey: "customer", subject: customer.rawValue,
                                      entries: entries).output()
        }
    }
}
