import Foundation

/// Progress lines on stderr, so `--json` output on stdout stays one clean document.
enum BenchLog {
    static func say(_ message: String) {
        FileHandle.standardError.write(Data("loanbench: \(message)\n".utf8))
    }
}
