import EventStore
import Foundation
import TestSupport
import Testing

/// Tampering with a closed store file through the `sqlite3` shell (after dropping the
/// append-only triggers) and checking what `verify` reports.
@Suite("SQLite store: tamper detection")
struct TamperTests {
    static let dropTriggers =
        "DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete;\n"

    /// A closed store of 10 events over 3 streams, and the head it had.
    final class Fixture {
        let directory: TemporaryDirectory
        let path: String
        let head: ChainHead
        let key: ChainKey?

        init(key: ChainKey? = nil) throws {
            directory = try TemporaryDirectory(prefix: "tamper")
            path = directory.file("store.sqlite")
            self.key = key
            let store = try SQLiteEventStore(
                path: path, clock: FixedClock(microseconds: 10), key: key)
            for index in 0..<10 {
                try store.append(
                    to: "s\(index % 3)", expectedVersion: .any,
                    events: [TestEvents.make(data: "{\"n\":\(index)}")])
            }
            head = try store.head()
            store.close()
        }

        func tamper(_ sql: String) throws {
            let result = try ProcessRunner.sqlite3(path, TamperTests.dropTriggers + sql)
            #expect(result.status == 0, "sqlite3: \(result.standardError)")
        }

        func verify(anchor: ChainHead? = nil) throws -> VerificationReport {
            let store = try SQLiteEventStore.openExisting(path: path, key: key)
            defer { store.close() }
            return try store.verify(expectHead: anchor, progress: nil)
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var sql: String
        var firstBad: Int64
        var problemPrefix: String
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        .init(
            id: "changed data", sql: "UPDATE events SET data = '{\"n\":999}' WHERE position = 4;",
            firstBad: 4, problemPrefix: "hash does not match"),
        .init(
            id: "deleted middle row", sql: "DELETE FROM events WHERE position = 5;",
            firstBad: 5, problemPrefix: "position 5 is missing"),
        .init(
            id: "swapped rows",
            sql: """
                UPDATE events SET position = -3 WHERE position = 3;
                UPDATE events SET position = 3 WHERE position = 7;
                UPDATE events SET position = 7 WHERE position = -3;
                """, firstBad: 3, problemPrefix: "hash does not match"),
        .init(
            id: "inserted row at the end",
            sql: """
                INSERT INTO events SELECT 11, stream_id, version + 1,
                  'aaaaaaaa-0000-4000-8000-000000000000',
                  type, schema_version, effective_date, recorded_at, data, metadata, hash
                FROM events WHERE position = 10;
                """, firstBad: 11, problemPrefix: "hash does not match"),
        .init(
            id: "inserted row before the start",
            sql: """
                INSERT INTO events SELECT 0, 'x', 1, 'aaaaaaaa-0000-4000-8000-000000000000',
                  type, schema_version, effective_date, recorded_at, data, metadata, hash
                FROM events WHERE position = 1;
                """, firstBad: 0, problemPrefix: "position 0 is out of sequence"),
        .init(
            id: "changed recordedAt", sql: "UPDATE events SET recorded_at = 11 WHERE position = 6;",
            firstBad: 6, problemPrefix: "hash does not match"),
        .init(
            id: "unreadable event id", sql: "UPDATE events SET event_id = 'x' WHERE position = 2;",
            firstBad: 2, problemPrefix: "the stored row cannot be read"),
    ]

    @Test("verify names the first tampered position", arguments: cases)
    func tampered(testCase: Case) throws {
        let fixture = try Fixture()
        #expect(try fixture.verify().isIntact)
        try fixture.tamper(testCase.sql)
        let report = try fixture.verify()
        #expect(report.firstBadPosition == testCase.firstBad)
        #expect(
            report.problem?.hasPrefix(testCase.problemPrefix) == true, "\(report.problem ?? "")")
    }

    @Test("a cut-off tail is only caught against a kept anchor")
    func cutTail() throws {
        let fixture = try Fixture()
        try fixture.tamper("DELETE FROM events WHERE position > 7;")
        let plain = try fixture.verify()
        #expect(plain.isIntact)
        #expect(plain.head.position == 7)
        let anchored = try fixture.verify(anchor: fixture.head)
        #expect(anchored.firstBadPosition == 8)
        #expect(anchored.problem?.hasPrefix("the log ends at position 7") == true)
    }

    /// Runs the SQL in argv[2], then recomputes every hash from position argv[3] on with plain
    /// SHA-256, as someone with write access but without the key would.
    static let rewriteScript = #"""
        import hashlib, sqlite3, struct, sys, uuid
        db = sqlite3.connect(sys.argv[1])
        db.execute("DROP TRIGGER events_refuse_update")
        db.execute(sys.argv[2])
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
        """#

    static let rewriteData = "UPDATE events SET data = '{\"n\":4000}' WHERE position = 4"

    @Test("a rewrite that recomputes later hashes passes the plain chain, fails the anchor")
    func recomputedRewriteWithoutKey() throws {
        let fixture = try Fixture()
        let result = try ProcessRunner.run(
            "/usr/bin/python3", ["-c", Self.rewriteScript, fixture.path, Self.rewriteData, "4"])
        #expect(result.status == 0, "python3: \(result.standardError)")
        #expect(try fixture.verify().isIntact)
        let anchored = try fixture.verify(anchor: fixture.head)
        #expect(anchored.firstBadPosition == 10)
        #expect(anchored.problem?.contains("rewritten at or before position 10") == true)
    }

    @Test("a rewrite that recomputes later hashes is caught with the key")
    func recomputedRewriteWithKey() throws {
        let fixture = try Fixture(
            key: try ChainKey(bytes: Array("a 32 byte chain key for tests!!!".utf8)))
        #expect(try fixture.verify().isIntact)
        let result = try ProcessRunner.run(
            "/usr/bin/python3", ["-c", Self.rewriteScript, fixture.path, Self.rewriteData, "4"])
        #expect(result.status == 0, "python3: \(result.standardError)")
        let report = try fixture.verify()
        #expect(report.firstBadPosition == 4)
        #expect(report.problem?.hasPrefix("hash does not match") == true)
    }

    @Test("a version gap is reported even when the hashes were recomputed")
    func versionGap() throws {
        let fixture = try Fixture()
        // Event 4 is version 2 of stream s0; renumbering it breaks the stream's sequence.
        let renumber = "UPDATE events SET version = 7 WHERE position = 4"
        let result = try ProcessRunner.run(
            "/usr/bin/python3", ["-c", Self.rewriteScript, fixture.path, renumber, "4"])
        #expect(result.status == 0, "python3: \(result.standardError)")
        let report = try fixture.verify()
        #expect(report.firstBadPosition == 4)
        #expect(report.problem == "stream 's0' version 7 does not follow version 1")
    }
}
