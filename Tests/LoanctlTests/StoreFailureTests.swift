import Foundation
import Testing
import TestSupport

/// The store itself is missing, foreign, too new, read-only or tampered with: the exit status
/// says which (CLI.md: 66 not found, 74 storage failure, 65 verify mismatch).
@Suite("Store failures map to their exit status")
struct StoreFailureTests {
    /// A copy of the shared book (through SQLite's online backup, which includes the WAL).
    static func copyOfBook(in directory: TemporaryDirectory) throws -> Loanctl {
        let book = try BookFixture.get()
        let copy = directory.file("copy.sqlite")
        let result = try ProcessRunner.sqlite3(book.loanctl.database, ".backup '\(copy)'\n")
        try #require(result.status == 0, "sqlite3: \(result.standardError)")
        return Loanctl(directory: directory.path, database: copy)
    }

    @Test("A read command on a missing store exits 66 and creates nothing")
    func missingStoreForRead() throws {
        let (directory, loanctl) = try Loanctl.fresh("missing")
        let result = try loanctl.run(["credit", "show", "C-1"])
        #expect(result.status == 66)
        #expect(result.standardError == "loanctl: store '\(loanctl.database)' does not exist\n")
        #expect(!FileManager.default.fileExists(atPath: loanctl.database))
        withExtendedLifetime(directory) {}
    }

    @Test("A write command with a malformed value exits 64 before creating the store")
    func malformedWriteCreatesNothing() throws {
        let (directory, loanctl) = try Loanctl.fresh("malformed")
        let result = try loanctl.run(["credit", "open", "C-1", "--limit", "abc", "--on",
                                      "2026-03-01"])
        #expect(result.status == 64)
        #expect(!FileManager.default.fileExists(atPath: loanctl.database))
        withExtendedLifetime(directory) {}
    }

    @Test("Without --db or LOANCTL_DB the store is loanledger.sqlite in the working directory")
    func defaultStore() throws {
        let directory = try TemporaryDirectory(prefix: "default")
        var loanctl = Loanctl(directory: directory.path, database: "")
        loanctl.environment["LOANCTL_DB"] = ""
        try loanctl.succeed(["credit", "open", "C-1", "--limit", "100", "--on", "2026-03-01"])
        #expect(FileManager.default.fileExists(atPath: directory.file("loanledger.sqlite")))
    }

    @Test("A file that is not a LoanLedger store exits 66, for reads and writes",
          arguments: [["day", "status"], ["credit", "open", "C-1", "--limit", "1", "--on",
                                          "2026-03-01"]])
    func notAStore(_ arguments: [String]) throws {
        let (directory, loanctl) = try Loanctl.fresh("garbage")
        try Data("this is not a database, just some text\n".utf8)
            .write(to: URL(fileURLWithPath: loanctl.database))
        let result = try loanctl.run(arguments)
        #expect(result.status == 66)
        #expect(result.standardError
            == "loanctl: '\(loanctl.database)' is not a LoanLedger store\n")
        withExtendedLifetime(directory) {}
    }

    @Test("A store from a newer schema version exits 74, for reads and writes",
          arguments: [["day", "status"], ["credit", "open", "C-9", "--limit", "1", "--on",
                                          "2026-03-01"]])
    func newerSchema(_ arguments: [String]) throws {
        let directory = try TemporaryDirectory(prefix: "newer")
        let loanctl = try StoreFailureTests.copyOfBook(in: directory)
        _ = try ProcessRunner.sqlite3(loanctl.database, "PRAGMA user_version = 999;\n")
        let result = try loanctl.run(arguments)
        #expect(result.status == 74)
        #expect(result.standardError.contains("store schema version 999 is newer than this"))
    }

    @Test("A read-only store refuses a write command with 74 and stays as it was")
    func readOnlyStore() throws {
        guard geteuid() != 0 else {
            // Root ignores file permissions, so the refusal cannot be provoked this way.
            print("skipped 'read-only store': running as root, which bypasses file permissions")
            return
        }
        let directory = try TemporaryDirectory(prefix: "readonly")
        let loanctl = try StoreFailureTests.copyOfBook(in: directory)
        let before = try loanctl.anchor()
        chmod(loanctl.database, 0o444)
        chmod(directory.path, 0o555)
        defer { chmod(directory.path, 0o755) }
        let result = try loanctl.run(["credit", "open", "C-9", "--limit", "1", "--on",
                                      "2026-03-01"])
        #expect(result.status == 74, "stderr: \(result.standardError)")
        #expect(try loanctl.anchor() == before)
    }

    @Test("An unreachable PostgreSQL server exits 74")
    func unreachableServer() throws {
        let (directory, local) = try Loanctl.fresh("postgres")
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        let loanctl = Loanctl(directory: local.directory,
                              database: "postgres://nobody@127.0.0.1:1/loanledger")
        let result = try loanctl.run(["day", "status"])
        #expect(result.status == 74)
        #expect(result.standardError.hasPrefix("loanctl: storage failure — PostgreSQL: "))
        withExtendedLifetime(directory) {}
    }

    @Test("A malformed LOANCTL_NOW exits 64 naming the variable")
    func malformedNow() throws {
        var loanctl = try BookFixture.get().loanctl
        loanctl.environment["LOANCTL_NOW"] = "2026-03-20 10:00"
        let result = try loanctl.run(["day", "status"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("loanctl: LOANCTL_NOW '2026-03-20 10:00' — "))
    }

    @Test("verify names the first tampered position and exits 65")
    func tamperedEvent() throws {
        let directory = try TemporaryDirectory(prefix: "tamper")
        let loanctl = try StoreFailureTests.copyOfBook(in: directory)
        let tamper = try ProcessRunner.sqlite3(loanctl.database, """
            DROP TRIGGER events_refuse_update;
            UPDATE events SET data = replace(data, '5000000', '9000000') WHERE position = 1;
            """)
        try #require(tamper.status == 0, "sqlite3: \(tamper.standardError)")
        let result = try loanctl.run(["verify"])
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix(
            "loanctl: verify found a mismatch at position 1 — "))
        #expect(result.standardOutput.contains("chain:          broken at position 1\n"))
    }

    @Test("verify against a kept anchor that differs exits 65")
    func wrongAnchor() throws {
        let book = try BookFixture.get()
        let position = book.anchor.split(separator: "\"")[3].split(separator: ":")[0]
        let anchor = "\(position):" + String(repeating: "0", count: 64)
        let result = try book.loanctl.run(["verify", "--expect-head", anchor])
        #expect(result.status == 65)
        #expect(result.standardError.contains("the kept anchor says 0000"))
    }

    @Test("import refuses a store that already holds events with 65")
    func importIntoNonEmptyStore() throws {
        let directory = try TemporaryDirectory(prefix: "import")
        let loanctl = try StoreFailureTests.copyOfBook(in: directory)
        let file = directory.file("log.jsonl")
        try loanctl.succeed(["export", "--out", file])
        let before = try loanctl.anchor()
        let result = try loanctl.run(["import", file])
        #expect(result.status == 65)
        #expect(result.standardError == "loanctl: import — the target store must be empty\n")
        #expect(try loanctl.anchor() == before)
    }

    @Test("import of a missing file exits 66 and creates no store")
    func importMissingFile() throws {
        let (directory, loanctl) = try Loanctl.fresh("import-missing")
        let result = try loanctl.run(["import", directory.file("nothing.jsonl")])
        #expect(result.status == 66)
        #expect(result.standardError.contains("nothing.jsonl' does not exist"))
        #expect(!FileManager.default.fileExists(atPath: loanctl.database))
    }

    @Test("import of an edited line is refused all or nothing and leaves no store")
    func importTamperedLog() throws {
        let directory = try TemporaryDirectory(prefix: "import-tamper")
        let loanctl = try StoreFailureTests.copyOfBook(in: directory)
        let file = directory.file("log.jsonl")
        try loanctl.succeed(["export", "--out", file])
        var text = try String(contentsOfFile: file, encoding: .utf8)
        // The data travels as an escaped JSON string: C-1's limit is 5000000 fen.
        text = text.replacingOccurrences(of: ":5000000}", with: ":9000000}")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let target = Loanctl(directory: directory.path, database: directory.file("new.sqlite"))
        let result = try target.run(["import", file])
        #expect(result.status == 65, "stderr: \(result.standardError)")
        #expect(result.standardError.hasPrefix("loanctl: import rejected at position 1 — "))
        #expect(!FileManager.default.fileExists(atPath: target.database))
    }
}
