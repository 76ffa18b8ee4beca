import Foundation

/// A fresh directory for one harness store, removed on deinit.
///
/// Lives on tmpfs (`/dev/shm`) when it is writable: a SIGKILL does not depend on fsync (the
/// kernel's page cache outlives the process), and fsync latency on a shared CI disk would
/// otherwise dominate the run. `LOANLEDGER_RELIABILITY_DIR` picks another parent (a disk).
final class ScratchDirectory: Sendable {
    let path: String

    init(_ prefix: String) throws {
        path = (ScratchDirectory.parent as NSString)
            .appendingPathComponent("loanledger-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Removes `path` when the test process exits: for directories held by statics, which
    /// are never deinitialized.
    static func removeAtExit(_ path: String) {
        exitRemovalLock.lock()
        defer { exitRemovalLock.unlock() }
        pathsToRemoveAtExit.append(path)
        guard pathsToRemoveAtExit.count == 1 else { return }
        atexit {
            for path in ScratchDirectory.pathsToRemoveAtExit {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }

    // Guarded by `exitRemovalLock`.
    nonisolated(unsafe) private static var pathsToRemoveAtExit: [String] = []
    private static let exitRemovalLock = NSLock()

    /// Where scratch directories go.
    static let parent: String = {
        if let chosen = ProcessInfo.processInfo.environment["LOANLEDGER_RELIABILITY_DIR"] {
            return chosen
        }
        if FileManager.default.isWritableFile(atPath: "/dev/shm") { return "/dev/shm" }
        return NSTemporaryDirectory()
    }()
}
