import EventStore
import Foundation
import Lending
import Projections

extension Ledger {
    /// Adopts a collection policy version, effective from its `effectiveFrom` date: appends
    /// `CollectionPolicyAdopted` to the policy stream. From that date the new version decides
    /// stages and compliance, for old loans too (regulation changes on a date).
    ///
    /// - Throws: ``LedgerError`` — `.lending(.invalidInput)` for a policy that breaks its own
    ///   bounds; `.lending(.refused)` (`policy-backdated`) when it would take effect on or
    ///   before the last closed business day (closed days keep the stages they were closed
    ///   with); `.conflict` when another adoption got there first.
    /// - Returns: The recorded event.
    @discardableResult
    public func adoptCollectionPolicy(_ policy: CollectionPolicy, metadata: CommandMetadata)
        throws(LedgerError) -> RecordedEvent
    {
        do {
            try policies().checkAdoptable(policy)
            if let closed = try lastClosedDay(), policy.effectiveFrom <= closed {
                throw LendingError.refused(
                    rule: "policy-backdated",
                    message: "a policy effective \(policy.effectiveFrom) would change days "
                        + "already closed (through \(closed))")
            }
            let version = try store.streamVersion(PolicyStream.id)
            let adopted = CollectionPolicyAdopted(policy: policy)
            let id = metadata.requestId.map {
                EventIds.derived(requestId: $0, stream: PolicyStream.id, index: 0)
            } ?? ids.next()
            let event = NewEvent(
                eventId: id, type: CollectionPolicyAdopted.type,
                schemaVersion: CollectionPolicyAdopted.schemaVersion,
                effectiveDate: policy.effectiveFrom.description,
                data: EventCodec.encode(adopted),
                metadata: EventCodec.encode(EventMetadata(
                    actor: metadata.actor.rawValue, reason: metadata.reason,
                    requestId: metadata.requestId)))
            let expected: ExpectedVersion = version == 0 ? .noStream : .exact(version)
            let result = try store.append(to: PolicyStream.id, expectedVersion: expected,
                                          events: [event]) { context, recorded in
                try Ledger.advanceCheckpoint(context, recorded)
            }
            guard let recorded = result.events.first else {
                throw LedgerError.internalFailure("policy append returned no event")
            }
            return recorded
        } catch {
            throw LedgerError.wrap(error)
        }
    }
}
