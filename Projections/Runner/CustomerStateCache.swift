import EventStore
import Lending

/// The customers a ``ProjectionRunner`` has folded so far, so each event is decoded and folded
/// once as the log is read, instead of every customer stream being re-read at each boundary.
///
/// A class because the runner is a value copied into each batch while the cache must live
/// across batches of one run. Bounded by ``capacity``: when full it is emptied (customers are
/// then reloaded from the store at the position being processed), so memory grows with the
/// number of customers kept, never with the log.
public final class CustomerStateCache {
    /// The most customers kept at once.
    public let capacity: Int
    private var states: [String: CustomerState] = [:]

    /// Creates an empty cache.
    public init(capacity: Int = 20_000) {
        precondition(capacity > 0, "a cache needs room for one customer")
        self.capacity = capacity
    }

    /// The state of `stream` folded through `recorded` (a customer event just read in position
    /// order); loads it from `store` as known at that position when the cache does not hold the
    /// state just before it.
    func fold(_ recorded: RecordedEvent, from store: any EventStore) throws -> CustomerState {
        let stream = recorded.streamId
        if var state = states[stream], state.version == recorded.version - 1 {
            if let decoded = try EventCodec.decodeLending(recorded) {
                state.evolve(decoded.event, on: decoded.effectiveDate)
            }
            states[stream] = state
            return state
        }
        let state = try CustomerHistory.load(customer(of: stream), from: store,
                                             knownAt: recorded.position).state
        remember(state, for: stream)
        return state
    }

    /// The state of `customer` as known at `position`, from the cache when it holds exactly
    /// that (the runner has folded every event up to `position`).
    func state(of customer: CustomerID, knownAt position: Int64, from store: any EventStore)
        throws -> CustomerState
    {
        let stream = CustomerState.streamId(for: customer)
        if let state = states[stream] { return state }
        let state = try CustomerHistory.load(customer, from: store, knownAt: position).state
        remember(state, for: stream)
        return state
    }

    private func remember(_ state: CustomerState, for stream: String) {
        if states.count >= capacity { states.removeAll(keepingCapacity: true) }
        states[stream] = state
    }

    private func customer(of stream: String) -> CustomerID {
        CustomerID(validated: String(stream.dropFirst("customer-".count)))
    }
}

@available(*, unavailable, message: "a cache belongs to one runner on one thread")
extension CustomerStateCache: Sendable {}
