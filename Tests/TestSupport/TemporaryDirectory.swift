import Foundation

/// A fresh directory under `NSTemporaryDirectory()`, removed on ``remove()`` or deinit.
///
/// A class because it owns a resource: the directory lives as long as the object.
public final class TemporaryDirectory {
    /// The directory's absolute path.
    public let path: String

    /// Creates `<tmp>/loanledger-<prefix>-<UUID>`.
    /// - Throws: The file system's error when the directory cannot be created.
    public init(prefix: String = "test") throws {
        path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("loanledger-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true)
    }

    deinit { remove() }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Deletes the directory and everything in it. Idempotent.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
