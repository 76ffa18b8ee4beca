import EventStore
import Foundation
import Lending
import Projections

extension Ledger {
    /// Unique-key namespaces kept in the store beside the log.
    enum KeySpace {
        /// loan id → customer id (the loan index).
        static let loan = "loan"
        /// repayment or refund reference → loan id.
        static let reference = "payment-reference"
        /// request id → "stream|fromVersion|toVersion|fingerprint".
        static let request = "request"
    }

    /// Runs one command end to end and returns what it wrote.
    ///
    /// - Parameters:
    ///   - command: The command; values already checked on their face.
    ///   - customer: The customer, for commands that name no loan (credit line, disburse).
    ///     Commands naming a loan find the customer through the loan index.
    ///   - metadata: Actor, reason and request id.
    /// - Returns: The events written, or the first result for a repeated request.
    /// - Throws: ``LedgerError`` — `.lending` (refusals, not found, bad input), `.conflict`
    ///   after ``conflictAttemptsMax`` attempts, `.store` for storage failures.
    /// - Complexity: O(events of the customer) to read and fold the stream.
    @discardableResult
    public func execute(
        _ command: LendingCommand, for customer: CustomerID? = nil, metadata: CommandMetadata
    ) throws(LedgerError) -> CommandOutcome {
        do {
            try catchUp()
            let owner = try resolveCustomer(for: command, given: customer)
            if let earlier = try earlierResult(of: metadata.requestId, command: command,
                                               customer: owner)
            {
                return earlier
            }
            var attempt = 0
            while true {
                attempt += 1
                do {
                    return try attemptCommand(command, customer: owner, metadata: metadata)
                } catch let error as EventStoreError where error.isRetryable {
                    guard attempt < Ledger.conflictAttemptsMax else {
                        throw LedgerError.conflict(
                            "stream '\(CustomerState.streamId(for: owner))' after \(attempt) attempts")
                    }
                }
            }
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// The customer owning the loan the command names, or the given one.
    func resolveCustomer(for command: LendingCommand, given: CustomerID?) throws -> CustomerID {
        if case .disburse = command, let given { return given }
        if let loan = command.loan {
            return try customer(ofLoan: loan)
        }
        guard let given else {
            throw LedgerError.invalidInput(field: "customer", value: "", rule: "is required")
        }
        return given
    }

    /// The customer a loan belongs to, from the loan index.
    /// - Throws: ``LedgerError/lending(_:)`` with `.notFound` when no such loan exists.
    public func customer(ofLoan loan: LoanID) throws -> CustomerID {
        let owner = try store.read { try $0.uniqueKeyOwner(namespace: KeySpace.loan,
                                                           key: loan.rawValue) }
        guard let owner else { throw LendingError.notFound(entity: "loan", id: loan.rawValue) }
        return CustomerID(validated: owner)
    }

    private func attemptCommand(
        _ command: LendingCommand, customer: CustomerID, metadata: CommandMetadata
    ) throws -> CommandOutcome {
        let state = try self.state(of: customer)
        let context = try decisionContext()
        switch try state.decide(command, context: context) {
        case .alreadyApplied(let reference):
            return try firstResult(of: reference,
                                   in: try CustomerHistory.load(customer, from: store))
        case .append(let decided):
            return try append(decided, to: state, command: command, metadata: metadata,
                              context: context)
        }
    }

    /// Appends decided events with the loan index, reference keys, request key and read models
    /// in the same transaction.
    /// - Parameters:
    ///   - idFor: Event ids for derived events (end of day); default: from the request id.
    ///   - checkFirst: Runs first inside the append's transaction; a throw aborts the append
    ///     (end of day checks that its day is still open).
    func append(
        _ decided: [DecidedEvent], to state: CustomerState, command: LendingCommand?,
        metadata: CommandMetadata, context: DecisionContext,
        idFor: ((Int, DecidedEvent) -> UUID)? = nil,
        checkFirst: ((any WriteContext) throws -> Void)? = nil
    ) throws -> CommandOutcome {
        let stream = CustomerState.streamId(for: state.customerId)
        let eventMetadata = EventMetadata(actor: metadata.actor.rawValue, reason: metadata.reason,
                                          requestId: metadata.requestId)
        let newEvents = decided.enumerated().map { index, event in
            let id = idFor?(index, event)
                ?? metadata.requestId.map {
                    EventIds.derived(requestId: $0, stream: stream, index: index)
                } ?? ids.next()
            return EventCodec.newEvent(event, id: id, metadata: eventMetadata)
        }
        var after = state
        for event in decided { after.evolve(event.event, on: event.effectiveDate) }
        let projection = ReadModelProjection.live(context.policies)
        let expected: ExpectedVersion = state.version == 0 ? .noStream : .exact(state.version)
        let result = try store.append(to: stream, expectedVersion: expected, events: newEvents) {
            context, recorded in
            try checkFirst?(context)
            try self.claimKeys(for: decided, customer: state.customerId, context)
            if let requestId = metadata.requestId, let command,
                let first = recorded.first, let last = recorded.last
            {
                let owner = "\(stream)|\(first.version)|\(last.version)|"
                    + Ledger.fingerprint(command)
                try context.claimUniqueKey(namespace: KeySpace.request, key: requestId,
                                           owner: owner)
            }
            try projection.writeCustomer(after, context)
            try Ledger.advanceCheckpoint(context, recorded)
            if let last = recorded.last {
                try CustomerSnapshots.writeIfDue(after, previousVersion: state.version,
                                                 position: last.position,
                                                 interval: self.snapshotInterval, context)
            }
        }
        let events = try result.events.compactMap { try EventCodec.decodeLending($0) }
        return CommandOutcome(customer: state.customerId, events: events,
                              wasDuplicate: result.wasDuplicate, state: after)
    }

    private func claimKeys(
        for decided: [DecidedEvent], customer: CustomerID, _ context: any WriteContext
    ) throws {
        for event in decided {
            switch event.event {
            case .loanDisbursed(let e):
                try claim(KeySpace.loan, e.contract.loanId.rawValue, owner: customer.rawValue,
                          context, refusal: .refused(
                            rule: "duplicate-loan-id",
                            message: "loan '\(e.contract.loanId)' already exists"))
            case .repaymentReceived(let e):
                try claim(KeySpace.reference, e.reference.rawValue, owner: e.loan.rawValue,
                          context, refusal: .refused(
                            rule: "reference-reused",
                            message: "ref '\(e.reference)' was already used on another loan"))
            case .refundIssued(let e):
                try claim(KeySpace.reference, e.reference.rawValue, owner: e.loan.rawValue,
                          context, refusal: .refused(
                            rule: "reference-reused",
                            message: "ref '\(e.reference)' was already used on another loan"))
            default:
                continue
            }
        }
    }

    private func claim(
        _ namespace: String, _ key: String, owner: String, _ context: any WriteContext,
        refusal: LendingError
    ) throws {
        do {
            try context.claimUniqueKey(namespace: namespace, key: key, owner: owner)
        } catch EventStoreError.uniqueKeyTaken {
            throw refusal
        }
    }

    /// The first result of a repayment or refund reference applied before.
    private func firstResult(of reference: PaymentReference, in history: CustomerHistory) throws
        -> CommandOutcome
    {
        let first = history.events.filter { decoded in
            switch decoded.event {
            case .repaymentReceived(let e): return e.reference == reference
            case .refundIssued(let e): return e.reference == reference
            default: return false
            }
        }
        return CommandOutcome(customer: history.state.customerId, events: first,
                              wasDuplicate: true, state: history.state)
    }

    /// The events of an earlier request with the same id, if any.
    /// - Throws: a refusal when the id was used for a different command.
    private func earlierResult(
        of requestId: String?, command: LendingCommand, customer: CustomerID
    ) throws -> CommandOutcome? {
        guard let requestId else { return nil }
        let owner = try store.read {
            try $0.uniqueKeyOwner(namespace: KeySpace.request, key: requestId)
        }
        guard let owner else { return nil }
        let parts = owner.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let from = Int64(parts[1]), let to = Int64(parts[2]) else {
            throw LedgerError.internalFailure("request key '\(requestId)' has owner '\(owner)'")
        }
        // An empty fingerprint comes from an import, which cannot know the command.
        guard parts[3].isEmpty || parts[3] == Ledger.fingerprint(command) else {
            throw LendingError.refused(
                rule: "request-id-reused",
                message: "request id '\(requestId)' was already used for a different command")
        }
        let recorded = try store.readStream(parts[0], fromVersion: from,
                                            limit: Int(to - from + 1))
        return CommandOutcome(
            customer: customer, events: try recorded.compactMap { try EventCodec.decodeLending($0) },
            wasDuplicate: true, state: try state(of: customer))
    }

    /// A stable digest of a command's values (FNV-1a 64 over its description).
    static func fingerprint(_ command: LendingCommand) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in String(describing: command).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
