import Foundation
import TestSupport
import Testing

/// The six tamper cases of docs/event-store.md done to a real store with the `sqlite3` shell
/// and Python, and what `loanctl verify` (with and without a kept anchor) reports.
@Suite("Reliability: tamper at the command level")
struct CommandTamperTests {
    static let dropTriggers =
        "DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete;\n"

    /// One way to tamper, and the first bad position each verify must name (nil: passes).
    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        /// SQL for the `sqlite3` shell, `$HEAD` standing for the head position.
        var sql: String?
        /// For a rewrite: SQL run by Python before it recomputes every hash from `from` on.
        var rewrite: (sql: String, from: Int)?
        /// Also rebuild the read models afterwards, as a careful attacker would.
        var rebuild = false
        /// Plain `verify` passes the chain but finds the read models differ from a replay.
        var plainReadModelsDiffer = false
        /// First bad position for plain `verify`, for `verify --expect-head`, from the head.
        var plain: @Sendable (Int) -> Int?
        var anchored: @Sendable (Int) -> Int?
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        Case(id: "a row changed",
             sql: "UPDATE events SET effective_date = '2025-01-02' WHERE position = 200;",
             plain: { _ in 200 }, anchored: { _ in 200 }),
        Case(id: "a middle row deleted", sql: "DELETE FROM events WHERE position = 250;",
             plain: { _ in 250 }, anchored: { _ in 250 }),
        Case(id: "two rows swapped",
             sql: """
                 UPDATE events SET position = -100 WHERE position = 100;
                 UPDATE events SET position = 100 WHERE position = 300;
                 UPDATE events SET position = 300 WHERE position = -100;
                 """, plain: { _ in 100 }, anchored: { _ in 100 }),
        Case(id: "a row inserted at the end",
             sql: """
                 INSERT INTO events SELECT position + 1, stream_id, version + 1,
                   'aaaaaaaa-0000-4000-8000-000000000000', type, schema_version,
                   effective_date, recorded_at, data, metadata, hash
                 FROM events WHERE position = $HEAD;
                 """, plain: { $0 + 1 }, anchored: { $0 + 1 }),
        Case(id: "the tail cut off (read models rebuilt)",
             sql: "DELETE FROM events WHERE position > $HEAD - 10;", rebuild: true,
             plain: { _ in nil }, anchored: { $0 - 9 }),
        Case(id: "a row rewritten, later hashes recomputed (read models rebuilt)",
             rewrite: ("UPDATE events SET data = replace(data, '\"amount\":70000', "
                       + "'\"amount\":7000') WHERE position = (SELECT min(position) FROM "
                       + "events WHERE type = 'RepaymentReceived')", 1),
             rebuild: true, plain: { _ in nil }, anchored: { $0 }),
        // Without the rebuild, the read models (written when the events were) give it away.
        Case(id: "the tail cut off (read models left as they were)",
             sql: "DELETE FROM events WHERE position > $HEAD - 10;", plainReadModelsDiffer: true,
             plain: { _ in nil }, anchored: { $0 - 9 }),
        Case(id: "a row rewritten, later hashes recomputed (read models left)",
             rewrite: ("UPDATE events SET data = replace(data, '\"amount\":70000', "
                       + "'\"amount\":7000') WHERE position = (SELECT min(position) FROM "
                       + "events WHERE type = 'RepaymentReceived')", 1),
             plainReadModelsDiffer: true, plain: { _ in nil }, anchored: { $0 }),
    ]

    @Test("verify names the first tampered position; tail cuts and rewrites need the anchor",
          arguments: cases)
    func tampered(testCase: Case) throws {
        let directory = try ScratchDirectory("tamper")
        let cli = try BacklogBook.copy(closed: true, into: directory, name: "book.sqlite")
        let probe = StoreProbe(cli: cli)
        let before = try probe.head()
        try #require(before.position >= 300, "the book has \(before.position) events")
        try Self.expectVerify(probe, anchor: nil, firstBad: nil, "before tampering")
        if let sql = testCase.sql {
            let text = sql.replacingOccurrences(of: "$HEAD", with: "\(before.position)")
            let result = try ProcessRunner.sqlite3(cli.database, Self.dropTriggers + text)
            try #require(result.status == 0, "sqlite3: \(result.standardError)")
        }
        if let rewrite = testCase.rewrite {
            let result = try ProcessRunner.run(
                "/usr/bin/env", ["python3", "-c", Self.rewriteScript, cli.database,
                                 rewrite.sql, "\(rewrite.from)"])
            try #require(result.status == 0, "python3: \(result.standardError)")
            #expect(result.standardOutput.hasPrefix("changed 1"), "\(result.standardOutput)")
        }
        if testCase.rebuild {
            let rebuilt = try cli.run(["rebuild", "--json"])
            try #require(rebuilt.succeeded, "rebuild: \(rebuilt)")
        }
        try Self.expectVerify(probe, anchor: nil, firstBad: testCase.plain(before.position),
                              readModelsDiffer: testCase.plainReadModelsDiffer, testCase.id)
        let anchor = before.anchor
        try Self.expectVerify(probe, anchor: anchor,
                              firstBad: testCase.anchored(before.position), testCase.id)
    }

    /// Runs verify: exit 0 when `firstBad` is nil, else exit 65, the position in the JSON and
    /// in the one-line error.
    static func expectVerify(
        _ probe: StoreProbe, anchor: String?, firstBad: Int?, readModelsDiffer: Bool = false,
        _ context: String
    ) throws {
        let end = try probe.verify(expectHead: anchor)
        let label = "\(context), \(anchor == nil ? "plain" : "anchored") verify"
        if KnownBugs.matches(end.standardError) {
            KnownBugs.record("\(label): \(end)")
            return
        }
        let json = StoreProbe.object(end.standardOutput)
        if readModelsDiffer {
            #expect(!end.signaled && end.status == 65, "\(label): \(end)")
            #expect(json?["intact"] as? Bool == false && json?["readModelDifference"] is String,
                    "\(label): \(end.standardOutput)")
            #expect(end.standardError.split(separator: "\n").count == 1
                    && end.standardError.contains("read model"), "\(label): \(end)")
            return
        }
        guard let firstBad else {
            #expect(end.succeeded, "\(label): \(end)")
            return
        }
        #expect(!end.signaled && end.status == 65, "\(label): \(end)")
        #expect(json?["firstBadPosition"] as? Int == firstBad,
                "\(label): firstBadPosition \(json?["firstBadPosition"] ?? "-"), \(end)")
        let lines = end.standardError.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("position \(firstBad)"),
                "\(label): stderr \(end.standardError)")
    }

    /// Runs the SQL in argv[2], then recomputes every hash from position argv[3] on with plain
    /// SHA-256 over the canonical bytes of docs/event-store.md, as someone with write access
    /// but without a key would. Prints the number of rows the SQL changed.
    static let rewriteScript = #"""
        import hashlib, sqlite3, struct, sys, uuid
        db = sqlite3.connect(sys.argv[1])
        db.execute("DROP TRIGGER events_refuse_update")
        changed = db.execute(sys.argv[2]).rowcount
        start = int(sys.argv[3])
        def field(b): return struct.pack('>I', len(b)) + b
        def integer(n): return field(struct.pack('>q', n))
        rows = db.execute("SELECT position, stream_id, version, event_id, type, schema_version,"
                          " effective_date, recorded_at, data, metadata, hash FROM events"
                          " ORDER BY position").fetchall()
        previous = bytes(32)
        for (pos, stream, ver, eid, typ, sv, eff, rec, data, meta, stored) in rows:
            if pos < start:
                previous = stored
                continue
            canonical = (integer(pos) + field(stream.encode()) + integer(ver)
                + field(uuid.UUID(eid).bytes) + field(typ.encode()) + integer(sv)
                + field(eff.encode()) + integer(rec) + field(data.encode()) + field(meta.encode()))
            previous = hashlib.sha256(previous + canonical).digest()
            db.execute("UPDATE events SET hash = ? WHERE position = ?", (previous, pos))
        db.commit()
        print("changed %d" % changed)
        """#
}
