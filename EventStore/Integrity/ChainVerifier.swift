/// Walks a log in position order and names the first event that breaks the chain.
///
/// Backend-neutral: each store hands it its rows batch by batch. Checks, per event and in this
/// order: the position is the next one (a deleted row leaves a gap), the hash recomputes from
/// the previous stored hash and the canonical bytes, the version follows the stream's previous
/// one, and `recordedAt` does not decrease. With an anchor, the anchored position must exist and
/// carry exactly the anchored hash.
package struct ChainVerifier {
    /// A failure: the first bad position and what was wrong there.
    package struct Finding: Equatable {
        package var position: Int64
        package var problem: String
    }

    let hasher: ChainHasher
    let anchor: ChainHead?
    package private(set) var checkedCount: Int64 = 0
    package private(set) var head = ChainHead(position: 0, hash: ChainHasher.genesis)
    private var streamVersions: [String: Int64] = [:]
    private var previousRecordedAt = Int64.min
    private var anchorHashFound: [UInt8]?

    package init(hasher: ChainHasher, anchor: ChainHead?) {
        self.hasher = hasher
        self.anchor = anchor
    }

    /// Checks the next stored row; returns a finding at the first problem.
    package mutating func check(_ row: StoredRow) throws -> Finding? {
        let expected = head.position + 1
        guard row.position == expected else {
            if row.position > expected {
                return Finding(
                    position: expected,
                    problem: "position \(expected) is missing: "
                        + "the next stored event is at position \(row.position)")
            }
            return Finding(
                position: row.position,
                problem: "position \(row.position) is out "
                    + "of sequence: expected position \(expected)")
        }
        guard case .event(let event) = row else {
            if case .undecodable(_, let detail) = row {
                return Finding(
                    position: row.position,
                    problem: "the stored row cannot be read: "
                        + detail)
            }
            preconditionFailure("StoredRow is either an event or undecodable")
        }
        let recomputed = try hasher.hash(previous: head.hash, event: event)
        guard recomputed == event.hash else {
            return Finding(
                position: event.position,
                problem: "hash does not match: stored "
                    + "\(event.hash.hexString), recomputed \(recomputed.hexString) "
                    + "from the previous "
                    + "hash and this event's canonical bytes")
        }
        if let finding = checkOrder(event) { return finding }
        streamVersions[event.streamId] = event.version
        previousRecordedAt = event.recordedAt
        head = ChainHead(position: event.position, hash: event.hash)
        checkedCount += 1
        if let anchor, anchor.position == event.position { anchorHashFound = event.hash }
        return nil
    }

    private func checkOrder(_ event: RecordedEvent) -> Finding? {
        let previousVersion = streamVersions[event.streamId] ?? 0
        guard event.version == previousVersion + 1 else {
            return Finding(
                position: event.position,
                problem: "stream '\(event.streamId)' "
                    + "version \(event.version) does not follow version \(previousVersion)")
        }
        guard event.recordedAt >= previousRecordedAt else {
            return Finding(
                position: event.position,
                problem: "recordedAt \(event.recordedAt) "
                    + "is earlier than the previous event's \(previousRecordedAt)")
        }
        return nil
    }

    /// After the whole log was checked: does it reach and match the kept anchor?
    func checkAnchor() -> Finding? {
        guard let anchor else { return nil }
        if anchor.position == 0 {
            guard anchor.hash == ChainHasher.genesis else {
                return Finding(
                    position: 0,
                    problem: "the kept anchor names position 0 with a "
                        + "hash other than the genesis hash (32 zero bytes)")
            }
            return nil
        }
        guard anchor.position <= head.position else {
            return Finding(
                position: head.position + 1,
                problem: "the log ends at position "
                    + "\(head.position) but the kept anchor names position \(anchor.position): "
                    + "events after \(head.position) are missing")
        }
        guard let found = anchorHashFound, found == anchor.hash else {
            return Finding(
                position: anchor.position,
                problem: "the hash at position "
                    + "\(anchor.position) is \(anchorHashFound?.hexString ?? "absent"), the kept "
                    + "anchor says \(anchor.hash.hexString): the log was rewritten at or before "
                    + "position \(anchor.position)")
        }
        return nil
    }
}

extension ChainVerifier {
    /// Verifies a whole log read through `readBatch(afterPosition, limit)`.
    ///
    /// The first batch starts below position 1 so that a row inserted at position 0 or below is
    /// seen. Each batch is at most ``EventStoreLimits/verifyBatchCount`` rows.
    package static func run(
        hasher: ChainHasher, expectHead: ChainHead?, expectedTotal: Int64,
        progress: ((Int64, Int64) -> Void)?,
        readBatch: (Int64, Int) throws -> [StoredRow]
    ) throws -> VerificationReport {
        var verifier = ChainVerifier(hasher: hasher, anchor: expectHead)
        var after = Int64.min
        let batchCount = EventStoreLimits.verifyBatchCount
        while true {
            let rows = try readBatch(after, batchCount)
            for row in rows {
                if let finding = try verifier.check(row) {
                    return verifier.report(finding)
                }
                after = row.position
            }
            progress?(verifier.checkedCount, max(expectedTotal, verifier.checkedCount))
            if rows.count < batchCount { break }
        }
        return verifier.report(verifier.checkAnchor())
    }

    private func report(_ finding: Finding?) -> VerificationReport {
        VerificationReport(
            checkedCount: checkedCount, head: head, firstBadPosition: finding?.position,
            problem: finding?.problem)
    }
}
