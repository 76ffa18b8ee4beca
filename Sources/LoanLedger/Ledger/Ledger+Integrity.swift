import EventStore
import Foundation
import Lending
import Projections

extension Ledger {
    /// Events read per projection batch (rebuild and catch-up commit between batches).
    public static let projectionBatchEvents = 5_000

    /// Checks the hash chain (against an anchor when given), then that every read model equals
    /// a fresh replay of the log. Never writes: the replay goes into an in-memory scratch store.
    /// - Throws: ``LedgerError`` for storage failures; a mismatch is reported, not thrown.
    /// - Complexity: O(events + rows).
    public func verify(expectHead: ChainHead? = nil,
                       progress: ((Int64, Int64) -> Void)? = nil) throws(LedgerError)
        -> LedgerVerification
    {
        do {
            let chain = try store.verify(expectHead: expectHead, progress: progress)
            guard chain.isIntact else {
                return LedgerVerification(chain: chain, readModelDifference: nil, rowsCompared: 0)
            }
            let checkpoint = try store.read {
                try $0.checkpoint(ReadModelSchema.live.checkpointName)
            } ?? 0
            if checkpoint < chain.head.position {
                return LedgerVerification(
                    chain: chain,
                    readModelDifference: "read models are behind the log (processed through "
                        + "position \(checkpoint) of \(chain.head.position)): run 'loanctl "
                        + "rebuild' or any write command to catch them up",
                    rowsCompared: 0)
            }
            let scratch = InMemoryEventStore()
            try scratch.ensureTables(ReadModelSchema.live.tables)
            let runner = ProjectionRunner(
                store: store, projection: ReadModelProjection.live(try policies()))
            var position: Int64 = 0
            while true {
                let next = try scratch.write { context in
                    try runner.run(after: position, limit: Ledger.projectionBatchEvents,
                                   into: context)
                }
                if next == position { break }
                position = next
            }
            let (difference, compared) = try compareReadModels(with: scratch)
            return LedgerVerification(chain: chain, readModelDifference: difference,
                                      rowsCompared: compared)
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// The first difference between the live tables and `other`'s, and the rows compared.
    private func compareReadModels(with other: any EventStore) throws -> (String?, Int) {
        var compared = 0
        for table in ReadModelSchema.live.tables {
            let order = table.primaryKey
            let stored = try store.read { try $0.rows(in: table.name, where: [:], orderBy: order,
                                                      limit: nil) }
            let fresh = try other.read { try $0.rows(in: table.name, where: [:], orderBy: order,
                                                     limit: nil) }
            for index in 0..<Swift.max(stored.count, fresh.count) {
                compared += 1
                let a = index < stored.count ? stored[index] : nil
                let b = index < fresh.count ? fresh[index] : nil
                if a == b { continue }
                let key = (a ?? b).map { row in
                    order.map { "\(row[$0].map(Ledger.show) ?? "null")" }.joined(separator: "/")
                } ?? "?"
                let column = table.columns.map(\.name).first { a?[$0] != b?[$0] } ?? "row"
                return ("read model '\(table.name)' row '\(key)' column '\(column)': stored "
                    + "\(a?[column].map(Ledger.show) ?? "missing"), replay "
                    + "\(b?[column].map(Ledger.show) ?? "missing")", compared)
            }
        }
        return (nil, compared)
    }

    static func show(_ cell: Cell) -> String {
        switch cell {
        case .null: return "null"
        case .integer(let value): return String(value)
        case .text(let value): return "'\(value)'"
        }
    }

    /// Recomputes every read model from position 0 into shadow tables in bounded batches
    /// (appends keep flowing between batches), then catches up and swaps the rows in inside
    /// one write transaction.
    /// - Complexity: O(events + rows).
    @discardableResult
    public func rebuild(progress: ((Int64, Int64) -> Void)? = nil) throws(LedgerError)
        -> RebuildReport
    {
        do {
            let shadow = ReadModelSchema.shadow
            let runner = ProjectionRunner(
                store: store, projection: ReadModelProjection(schema: shadow,
                                                              policies: try policies()))
            try store.write { context in
                for table in shadow.tables { try context.delete(from: table.name, where: [:]) }
                try context.setCheckpoint(shadow.checkpointName, position: 0)
            }
            var position: Int64 = 0
            let total = try store.head().position
            while true {
                let next = try store.write { context in
                    try Ledger.restoreKeys(
                        from: try store.readAll(afterPosition: position,
                                                limit: Ledger.projectionBatchEvents), context)
                    return try runner.run(after: position, limit: Ledger.projectionBatchEvents,
                                          into: context)
                }
                if next == position { break }
                position = next
                progress?(position, total)
            }
            let rows = try store.write { context in
                while true {
                    try Ledger.restoreKeys(
                        from: try store.readAll(afterPosition: position,
                                                limit: Ledger.projectionBatchEvents), context)
                    let next = try runner.run(after: position,
                                              limit: Ledger.projectionBatchEvents, into: context)
                    if next == position { break }
                    position = next
                }
                return try Ledger.swapShadowIntoLive(context, through: position)
            }
            return RebuildReport(eventsProcessed: position, rows: rows)
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    private static func swapShadowIntoLive(_ context: any WriteContext, through position: Int64)
        throws -> Int
    {
        var rows = 0
        for (live, shadow) in zip(ReadModelSchema.live.tables, ReadModelSchema.shadow.tables) {
            try context.delete(from: live.name, where: [:])
            for row in try context.rows(in: shadow.name, where: [:], orderBy: shadow.primaryKey,
                                        limit: nil)
            {
                try context.upsert(live.name, row)
                rows += 1
            }
            try context.delete(from: shadow.name, where: [:])
        }
        try context.setCheckpoint(ReadModelSchema.live.checkpointName, position: position)
        return rows
    }

    /// Brings the live read models and the unique keys up to the head when they lag (after an
    /// import killed before its rebuild finished, or events written by other code), in
    /// batches. Write commands call it first; it does nothing when the checkpoint is at the
    /// head.
    public func catchUp() throws(LedgerError) {
        do {
            var position = try store.read {
                try $0.checkpoint(ReadModelSchema.live.checkpointName)
            } ?? 0
            guard position < (try store.head().position) else { return }
            let runner = ProjectionRunner(
                store: store, projection: ReadModelProjection.live(try policies()))
            while true {
                let next = try store.write { context in
                    try Ledger.restoreKeys(
                        from: try store.readAll(afterPosition: position,
                                                limit: Ledger.projectionBatchEvents), context)
                    return try runner.run(after: position, limit: Ledger.projectionBatchEvents,
                                          into: context)
                }
                if next == position { break }
                position = next
            }
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// True when the live read models have processed the whole log.
    public func readModelsAreCurrent() throws(LedgerError) -> Bool {
        do {
            let checkpoint = try store.read {
                try $0.checkpoint(ReadModelSchema.live.checkpointName)
            } ?? 0
            return checkpoint == (try store.head().position)
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// Writes the whole log as JSON Lines, one event a line, with positions, times and hashes.
    /// - Parameter write: Receives each line (newline included); an error it throws ends the
    ///   export and is rethrown unchanged (so a caller's own failure keeps its meaning).
    /// - Returns: The number of events written.
    /// - Throws: ``LedgerError`` for storage failures; whatever `write` throws.
    @discardableResult
    public func export(_ write: ([UInt8]) throws -> Void) throws -> Int64 {
        var count: Int64 = 0
        var after: Int64 = 0
        while true {
            let batch: [RecordedEvent]
            do {
                batch = try store.readAll(afterPosition: after,
                                          limit: EventStoreLimits.readBatchMax)
            } catch {
                throw LedgerError.wrap(error)
            }
            for event in batch {
                try write(EventLogExport.jsonLine(for: event) + [UInt8(ascii: "\n")])
                count += 1
            }
            guard let last = batch.last else { break }
            after = last.position
        }
        return count
    }

    /// Imports an exported log into this (empty) store, verifying every hash as it goes, all or
    /// nothing; then rebuilds the read models.
    /// - Throws: ``LedgerError/store(_:)`` with `.storeNotEmpty` or `.restoreRejected`.
    @discardableResult
    public func importLog(lines: [[UInt8]], progress: ((Int64, Int64) -> Void)? = nil)
        throws(LedgerError) -> Int64
    {
        do {
            var events: [RecordedEvent] = []
            events.reserveCapacity(lines.count)
            for (index, line) in lines.enumerated() where !line.isEmpty {
                do {
                    events.append(try EventLogExport.parse(line: line))
                } catch {
                    throw LedgerError.invalidInput(field: "line \(index + 1)", value: "…",
                                                   rule: "\(error)")
                }
            }
            try store.restore(events)
            // Keys and read models are derived in batches; a kill before they are done leaves
            // the log whole and the checkpoint behind, which the next write catches up.
            try rebuild(progress: progress)
            return Int64(events.count)
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// Rebuilds the unique keys an import does not carry — the loan index, payment references
    /// and request ids — from the events themselves.
    ///
    /// A request id's command fingerprint is not in the log, so after an import a retried
    /// request is recognised by its id alone (the fingerprint part of the owner is empty).
    static func restoreKeys(from events: [RecordedEvent], _ context: any WriteContext) throws {
        func claim(_ namespace: String, _ key: String, _ owner: String) throws {
            // Keys already held (written by the command itself) stay as they are.
            guard try context.uniqueKeyOwner(namespace: namespace, key: key) == nil else { return }
            try context.claimUniqueKey(namespace: namespace, key: key, owner: owner)
        }
        var requests: [String: (stream: String, from: Int64, to: Int64)] = [:]
        var order: [String] = []
        for recorded in events {
            guard let decoded = try EventCodec.decodeLending(recorded) else { continue }
            switch decoded.event {
            case .loanDisbursed(let e):
                try claim(KeySpace.loan, e.contract.loanId.rawValue,
                          e.contract.customerId.rawValue)
            case .repaymentReceived(let e):
                try claim(KeySpace.reference, e.reference.rawValue, e.loan.rawValue)
            case .refundIssued(let e):
                try claim(KeySpace.reference, e.reference.rawValue, e.loan.rawValue)
            default:
                break
            }
            guard let request = decoded.metadata.requestId else { continue }
            if let known = requests[request] {
                requests[request] = (known.stream, known.from,
                                     Swift.max(known.to, recorded.version))
            } else {
                requests[request] = (recorded.streamId, recorded.version, recorded.version)
                order.append(request)
            }
        }
        for request in order {
            guard let range = requests[request] else { continue }
            try claim(KeySpace.request, request, "\(range.stream)|\(range.from)|\(range.to)|")
        }
    }
}
