import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Small file systems and read-only files for the storage-fault tests, through the system's
/// own tools (`mount`, `chattr`). Each returns nil on success or the reason it could not.
enum FaultyFileSystem {
    /// Why a tmpfs cannot be mounted here (nil: it can), found once by trying.
    static let tmpfsProblem: String? = {
        guard let directory = try? ScratchDirectory("mount-probe") else {
            return "cannot create a mount point"
        }
        let mountPoint = directory.file("mnt")
        try? FileManager.default.createDirectory(atPath: mountPoint,
                                                 withIntermediateDirectories: true)
        if let problem = mountTmpfs(at: mountPoint, kibibytes: 64) {
            print("storage faults: tmpfs tests skipped — \(problem)")
            return problem
        }
        _ = unmount(mountPoint)
        return nil
    }()

    /// Mounts a tmpfs of `kibibytes` at `path`.
    static func mountTmpfs(at path: String, kibibytes: Int) -> String? {
        run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kibibytes)k", "tmpfs", path])
    }

    /// Remounts the file system at `path` read-only.
    static func remountReadOnly(_ path: String) -> String? {
        run("/bin/mount", ["-o", "remount,ro", path])
    }

    static func unmount(_ path: String) -> String? { run("/bin/umount", [path]) }

    /// Makes `file` unwritable even for root: `chattr +i` as root, `chmod 0444` otherwise.
    static func makeUnwritable(_ file: String) -> String? {
        if getuid() != 0 { return chmod(file, 0o444) == 0 ? nil : "chmod failed" }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr") else {
            return "running as root and /usr/bin/chattr is missing"
        }
        return run("/usr/bin/chattr", ["+i", file])
    }

    /// Undoes ``makeUnwritable(_:)``.
    static func makeWritable(_ file: String) {
        if getuid() == 0 { _ = run("/usr/bin/chattr", ["-i", file]) }
        chmod(file, 0o644)
    }

    /// Fills the file system holding `directory` with one file; returns its path.
    static func fill(_ directory: String) -> String {
        let path = (directory as NSString).appendingPathComponent("filler")
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { return path }
        let block = Data(count: 4096)
        // Bounded: a tmpfs of a few MiB fills long before this many blocks.
        for _ in 0..<100_000 {
            do { try handle.write(contentsOf: block) } catch { break }
        }
        try? handle.close()
        return path
    }

    private static func run(_ tool: String, _ arguments: [String]) -> String? {
        guard FileManager.default.isExecutableFile(atPath: tool) else { return "\(tool) missing" }
        guard let result = try? ProcessRunner.run(tool, arguments) else {
            return "\(tool) could not start"
        }
        return result.status == 0 ? nil
            : "\(tool) \(arguments.joined(separator: " ")) exited \(result.status): "
                + result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
