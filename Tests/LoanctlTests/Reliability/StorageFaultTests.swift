import Foundation
import Testing

/// Disk full and read-only stores: writes exit 74 with one line and change nothing.
@Suite("Reliability: storage faults", .serialized)
struct StorageFaultTests {
    static let repay = ["loan", "repay", "F-L1", "--amount", "100", "--on", "2026-03-12",
                        "--ref", "F-P1", "--request-id", "fault-repay", "--json"]

    /// A small store: one line, one loan.
    static func build(_ cli: CLIProcess) throws {
        for (number, command) in [
            ["credit", "open", "F-C1", "--limit", "50000", "--on", "2026-01-01"],
            ["loan", "disburse", "F-L1", "--customer", "F-C1", "--amount", "10000",
             "--term", "12", "--method", "equal-installment", "--daily-rate", "0.0004",
             "--on", "2026-01-05"],
        ].enumerated() {
            let end = try cli.run(command + ["--request-id", "fault-\(number)", "--json"])
            guard end.succeeded else { throw CLIProcessError(message: "\(command): \(end)") }
        }
    }

    /// Leaves the store as the last writer does: its closing connection checkpoints and
    /// deletes `-wal` and `-shm` (reads leave them behind). A repeated request writes nothing.
    static func closeAsWriter(_ cli: CLIProcess) throws {
        let end = try cli.run(["credit", "open", "F-C1", "--limit", "50000", "--on", "2026-01-01",
                               "--request-id", "fault-0", "--json"])
        guard end.succeeded else { throw CLIProcessError(message: "repeat: \(end)") }
    }

    /// A storage failure: exit 74 and exactly one line on stderr, `loanctl: …`.
    static func expectStorageFailure(_ end: ProcessEnd, _ context: String) {
        let lines = end.standardError.split(separator: "\n")
        #expect(!end.signaled && end.status == 74, "\(context): \(end)")
        #expect(lines.count == 1 && lines.first?.hasPrefix("loanctl: ") == true,
                "\(context): stderr \(end.standardError)")
    }

    @Test("Disk full: a write exits 74, changes nothing, and works once space is freed",
          .enabled(if: FaultyFileSystem.tmpfsProblem == nil,
                   "needs mount -t tmpfs (allowed for root in this sandbox, maybe not in CI)"))
    func diskFull() throws {
        let directory = try ScratchDirectory("disk-full")
        let mountPoint = directory.file("mnt")
        try FileManager.default.createDirectory(atPath: mountPoint,
                                                withIntermediateDirectories: true)
        try #require(FaultyFileSystem.mountTmpfs(at: mountPoint, kibibytes: 2048) == nil)
        defer { _ = FaultyFileSystem.unmount(mountPoint) }
        var cli = CLIProcess(directory: mountPoint,
                             database: (mountPoint as NSString).appendingPathComponent("f.sqlite"))
        cli.outputDirectory = directory.path
        try Self.build(cli)
        let before = try StoreProbe(cli: cli).exportText()
        try Self.closeAsWriter(cli)
        let filler = FaultyFileSystem.fill(mountPoint)
        Self.expectStorageFailure(try cli.run(Self.repay), "repay on a full disk")
        // Reads while the disk is still full: the store is read as immutable (no WAL left).
        let show = try cli.run(["loan", "show", "F-L1", "--json"])
        #expect(show.succeeded, "loan show on a full disk: \(show)")
        try FileManager.default.removeItem(atPath: filler)
        let probe = StoreProbe(cli: cli)
        #expect(try probe.exportText() == before, "the failed write changed the log")
        #expect(try probe.verify().succeeded)
        let again = try cli.run(Self.repay)
        #expect(again.succeeded, "repay once space is freed: \(again)")
        #expect(StoreProbe.object(again.standardOutput)?["duplicate"] as? Bool == false)
        #expect(try probe.verify().succeeded)
    }

    @Test("A store file nobody may write: writes exit 74, reads still work")
    func unwritableFile() throws {
        let directory = try TemporaryDirectoryOnDisk("read-only")
        let cli = CLIProcess(directory: directory.path, database: directory.file("f.sqlite"))
        try Self.build(cli)
        let before = try StoreProbe(cli: cli).exportText()
        if let problem = FaultyFileSystem.makeUnwritable(cli.database) {
            print("storage faults: read-only file test skipped — \(problem)")
            return
        }
        defer { FaultyFileSystem.makeWritable(cli.database) }
        Self.expectStorageFailure(try cli.run(Self.repay), "repay on an immutable file")
        Self.expectStorageFailure(
            try cli.run(["credit", "open", "F-C2", "--limit", "100", "--on", "2026-01-01"]),
            "credit open on an immutable file")
        let show = try cli.run(["loan", "show", "F-L1", "--json"])
        #expect(show.succeeded, "loan show: \(show)")
        #expect(try StoreProbe(cli: cli).exportText() == before)
        #expect(try StoreProbe(cli: cli).verify().succeeded)
    }

    @Test("A read-only file system: writes exit 74, reads still work",
          .enabled(if: FaultyFileSystem.tmpfsProblem == nil,
                   "needs mount -t tmpfs (allowed for root in this sandbox, maybe not in CI)"))
    func readOnlyFileSystem() throws {
        let directory = try ScratchDirectory("read-only-fs")
        let mountPoint = directory.file("mnt")
        try FileManager.default.createDirectory(atPath: mountPoint,
                                                withIntermediateDirectories: true)
        try #require(FaultyFileSystem.mountTmpfs(at: mountPoint, kibibytes: 4096) == nil)
        defer { _ = FaultyFileSystem.unmount(mountPoint) }
        var cli = CLIProcess(directory: mountPoint,
                             database: (mountPoint as NSString).appendingPathComponent("f.sqlite"))
        cli.outputDirectory = directory.path
        try Self.build(cli)
        let before = try StoreProbe(cli: cli).exportText()
        try Self.closeAsWriter(cli)
        try #require(FaultyFileSystem.remountReadOnly(mountPoint) == nil)
        Self.expectStorageFailure(try cli.run(Self.repay), "repay on a read-only file system")
        let show = try cli.run(["loan", "show", "F-L1", "--json"])
        #expect(show.succeeded, "loan show on a read-only file system: \(show)")
        #expect(try StoreProbe(cli: cli).exportText() == before)
    }
}

extension StorageFaultTests {
    @Test("Output onto a full disk: export exits 74 with one line, no crash",
          .enabled(if: FaultyFileSystem.tmpfsProblem == nil,
                   "needs mount -t tmpfs (allowed for root in this sandbox, maybe not in CI)"))
    func outputOntoFullDisk() throws {
        let directory = try ScratchDirectory("full-stdout")
        let cli = try BacklogBook.copy(closed: true, into: directory, name: "book.sqlite")
        let mountPoint = directory.file("mnt")
        try FileManager.default.createDirectory(atPath: mountPoint,
                                                withIntermediateDirectories: true)
        try #require(FaultyFileSystem.mountTmpfs(at: mountPoint, kibibytes: 16) == nil)
        defer { _ = FaultyFileSystem.unmount(mountPoint) }
        var redirected = cli
        redirected.standardOutputFile = (mountPoint as NSString).appendingPathComponent("x")
        // Until 57ab61b this trapped (SIGILL) in FileHandle.write(_:).
        Self.expectStorageFailure(try redirected.run(["export"]), "export > full disk")
        let out = try cli.run(["export", "--out",
                               (mountPoint as NSString).appendingPathComponent("y")])
        Self.expectStorageFailure(out, "export --out onto a full disk")
    }
}

/// A scratch directory on the disk (not tmpfs): `chattr` needs a file system that has it.
final class TemporaryDirectoryOnDisk: Sendable {
    let path: String

    init(_ prefix: String) throws {
        path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("loanledger-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
}
