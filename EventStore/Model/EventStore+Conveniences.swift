/// Shorthands over the ``EventStore`` requirements.
extension EventStore {
    /// Appends `events` with nothing else in the transaction.
    ///
    /// - Returns: As ``EventStore/append(to:expectedVersion:events:inSameTransaction:)``.
    /// - Throws: As ``EventStore/append(to:expectedVersion:events:inSameTransaction:)``.
    @discardableResult
    public func append(
        to stream: String, expectedVersion expected: ExpectedVersion, events: [NewEvent]
    ) throws -> AppendResult {
        try append(to: stream, expectedVersion: expected, events: events) { _, _ in }
    }

    /// Verifies the chain without an anchor or progress reporting.
    ///
    /// - Returns: As ``EventStore/verify(expectHead:progress:)``.
    /// - Throws: Storage errors.
    public func verify() throws -> VerificationReport {
        try verify(expectHead: nil, progress: nil)
    }

    /// Every event of a stream, in version order, read in batches.
    ///
    /// - Complexity: O(events of the stream).
    /// - Throws: Storage errors.
    public func readWholeStream(_ stream: String) throws -> [RecordedEvent] {
        var out = [RecordedEvent]()
        var next: Int64 = 1
        while true {
            let batch = try readStream(
                stream, fromVersion: next, limit: EventStoreLimits.readBatchMax)
            out += batch
            guard let last = batch.last, batch.count == EventStoreLimits.readBatchMax else { break }
            next = last.version + 1
        }
        return out
    }
}
