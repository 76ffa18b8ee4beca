import EventStore
import Lending

/// Feeds the log, in position order, through a ``ReadModelProjection``: the catch-up, rebuild
/// and verification path.
///
/// Customer rows are written at the same boundaries the inline path writes them — before each
/// `DayClosed` and at the end of the run — with the customer's state as of its last event read,
/// so the rows equal the incremental ones by construction.
public struct ProjectionRunner {
    public let store: any EventStore
    public let projection: ReadModelProjection
    /// Customers folded so far in this run (kept across batches).
    let cache: CustomerStateCache

    public init(store: any EventStore, projection: ReadModelProjection,
                cache: CustomerStateCache = CustomerStateCache())
    {
        self.store = store
        self.projection = projection
        self.cache = cache
    }

    /// Projects the events after `position` up to `limit` events into `context`.
    ///
    /// Reads through `store` (customer states as known at a position) and writes through
    /// `context`; sets the projection's checkpoint to the last position processed.
    /// - Returns: The last position processed (`position` when there was nothing to do).
    /// - Throws: Storage errors; ``EventCodec/DecodingError`` naming the event that failed
    ///   (the projection stops there, it never skips).
    /// - Complexity: O(events read + customers touched × their events).
    public func run(after position: Int64, limit: Int, into context: any WriteContext) throws
        -> Int64
    {
        let events = try store.readAll(afterPosition: position, limit: limit)
        var dirty: [String: CustomerState] = [:]
        for event in events {
            if event.streamId == DayClosed.streamId {
                try flush(&dirty, context)
                let closed = try EventCodec.decode(DayClosed.self, from: event.data)
                try applyDayClosed(closed, at: event.position, context)
            } else if event.streamId.hasPrefix("customer-") {
                dirty[event.streamId] = try cache.fold(event, from: store)
            }
        }
        try flush(&dirty, context)
        guard let last = events.last?.position else { return position }
        try context.setCheckpoint(projection.schema.checkpointName, position: last)
        return last
    }

    /// Writes the rows of the customers changed since the last boundary, in the order of
    /// their customer ids (the rows do not depend on the order; the order keeps runs alike).
    private func flush(_ dirty: inout [String: CustomerState], _ context: any WriteContext)
        throws
    {
        for stream in dirty.keys.sorted() {
            guard let state = dirty[stream] else { continue }
            try projection.writeCustomer(state, context)
        }
        dirty.removeAll()
    }

    private func applyDayClosed(_ closed: DayClosed, at position: Int64,
                                _ context: any WriteContext) throws
    {
        var states: [CustomerState] = []
        for customer in closed.visitedCustomers {
            states.append(try cache.state(of: CustomerID(validated: customer), knownAt: position,
                                          from: store))
        }
        let later = try projection.laterValuations(closed.day, context) { customer in
            try cache.state(of: customer, knownAt: position, from: store)
        }
        try projection.applyDayClosed(closed, states: states, later: later, context)
    }
}
