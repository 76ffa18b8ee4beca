import Lending
import LoanLedger

extension Invocation {
    /// Opens the store for writing and runs one lending command.
    ///
    /// - Parameters:
    ///   - command: The command, its values already checked on their face.
    ///   - customer: The customer, for commands that name no loan.
    ///   - metadata: Actor, reason and request id, read before the store is opened.
    /// - Returns: What was written, or the first result of a repeated request.
    /// - Throws: ``LedgerError`` from opening the store or from the command.
    func execute(
        _ command: LendingCommand, for customer: CustomerID? = nil, metadata: CommandMetadata
    ) throws -> CommandOutcome {
        let ledger = try openLedger(.write)
        return try ledger.execute(command, for: customer, metadata: metadata)
    }
}
