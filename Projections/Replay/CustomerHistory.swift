import EventStore
import Lending

/// A customer's stream read back and folded: the state plus the decoded events.
public struct CustomerHistory: Sendable {
    /// The state after every event read.
    public var state: CustomerState
    /// The events, in version (log) order.
    public var events: [EventCodec.Decoded]
    /// The stream version read (0 when the stream does not exist).
    public var version: Int64 { state.version }

    /// Reads and folds `customer`'s stream, up to and including global position `knownAt`
    /// (the whole stream when nil).
    ///
    /// - Complexity: O(events of the customer).
    /// - Throws: Storage errors, ``EventCodec/DecodingError``.
    public static func load(
        _ customer: CustomerID, from store: any EventStore, knownAt: Int64? = nil
    ) throws -> CustomerHistory {
        let stream = CustomerState.streamId(for: customer)
        var state = CustomerState(customerId: customer)
        var events: [EventCodec.Decoded] = []
        var next: Int64 = 1
        reading: while true {
            let batch = try store.readStream(stream, fromVersion: next,
                                             limit: EventStoreLimits.readBatchMax)
            for recorded in batch {
                if let knownAt, recorded.position > knownAt { break reading }
                guard let decoded = try EventCodec.decodeLending(recorded) else { continue }
                state.evolve(decoded.event, on: decoded.effectiveDate)
                events.append(decoded)
            }
            guard let last = batch.last, batch.count == EventStoreLimits.readBatchMax else {
                break
            }
            next = last.version + 1
        }
        return CustomerHistory(state: state, events: events)
    }
}

extension CustomerHistory {
    /// The folded state of `customer` as known at `knownAt`, starting from the latest snapshot
    /// when `useSnapshots` (identical to ``load(_:from:knownAt:)``'s state, faster for long
    /// streams).
    /// - Complexity: O(events after the snapshot).
    public static func loadState(
        _ customer: CustomerID, from store: any EventStore, knownAt: Int64? = nil,
        useSnapshots: Bool
    ) throws -> CustomerState {
        guard useSnapshots,
            let (snapshot, _) = try store.read({
                try CustomerSnapshots.latest(customer, knownAt: knownAt, $0)
            })
        else {
            return try load(customer, from: store, knownAt: knownAt).state
        }
        var state = snapshot
        let stream = CustomerState.streamId(for: customer)
        var next = state.version + 1
        reading: while true {
            let batch = try store.readStream(stream, fromVersion: next,
                                             limit: EventStoreLimits.readBatchMax)
            for recorded in batch {
                if let knownAt, recorded.position > knownAt { break reading }
                guard let decoded = try EventCodec.decodeLending(recorded) else { continue }
                state.evolve(decoded.event, on: decoded.effectiveDate)
            }
            guard let last = batch.last, batch.count == EventStoreLimits.readBatchMax else {
                break
            }
            next = last.version + 1
        }
        return state
    }
}
