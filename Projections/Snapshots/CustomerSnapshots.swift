import EventStore
import Lending

/// Snapshots of the folded customer aggregate, so long streams load without decoding every
/// event.
///
/// A snapshot holds the state after version V of a stream (at global position P) for one code
/// version. It holds *facts*, not balances: the money facts in log order and the operational
/// record. Balances are always evaluated at query time, sorting the facts into business order,
/// so a backdated fact appended later can never make a snapshot wrong — it is simply one of the
/// events folded after it. That is why the key needs no "business date through": (stream,
/// version, position, code version) is enough, and no snapshot is ever invalidated; a snapshot
/// of another code version is ignored.
public enum CustomerSnapshots {
    /// The table, declared beside the read models (it is a cache: `verify` does not compare it
    /// and `rebuild` does not need it).
    public static let table = TableSchema(
        name: "snapshots",
        columns: [.init("stream_id", .text), .init("version", .integer),
                  .init("position", .integer), .init("code_version", .integer),
                  .init("state", .text)],
        primaryKey: ["stream_id", "version"])

    /// Bumped whenever `CustomerState`'s shape or `evolve` changes meaning.
    public static let codeVersion: Int64 = 2

    /// The default number of events between two snapshots of a stream.
    public static let intervalDefault: Int64 = 200

    /// Writes a snapshot of `state` when its version crossed a multiple of `interval`.
    public static func writeIfDue(
        _ state: CustomerState, previousVersion: Int64, position: Int64, interval: Int64?,
        _ context: any WriteContext
    ) throws {
        guard let interval, interval > 0, state.version / interval > previousVersion / interval
        else { return }
        try context.upsert(table.name, [
            "stream_id": .text(CustomerState.streamId(for: state.customerId)),
            "version": .integer(state.version), "position": .integer(position),
            "code_version": .integer(codeVersion),
            "state": .text(String(decoding: EventCodec.encode(state), as: UTF8.self)),
        ])
    }

    /// The latest usable snapshot of `customer` at or before global position `knownAt`.
    public static func latest(
        _ customer: CustomerID, knownAt: Int64?, _ context: any ReadContext
    ) throws -> (state: CustomerState, position: Int64)? {
        let rows = try context.rows(
            in: table.name,
            where: ["stream_id": .text(CustomerState.streamId(for: customer)),
                    "code_version": .integer(codeVersion)],
            orderBy: ["version"], limit: nil)
        let usable = rows.last { row in
            guard let position = row["position"]?.integer else { return false }
            return knownAt.map { position <= $0 } ?? true
        }
        guard let usable, let text = usable["state"]?.text,
            let position = usable["position"]?.integer
        else { return nil }
        return (try EventCodec.decode(CustomerState.self, from: Array(text.utf8)), position)
    }
}
