import Foundation

/// Writes to the standard streams with write(2), so a failed write (a full disk under
/// `loanctl export > backup.jsonl`) is an error we report, never a trap.
enum Output {
    /// Writes `text` to standard output.
    /// - Throws: ``CommandFailure`` with exit 74 when the bytes cannot be written.
    static func standardOutput(_ text: String) throws {
        try standardOutput(bytes: Array(text.utf8))
    }

    /// Writes `bytes` to standard output.
    /// - Throws: ``CommandFailure`` with exit 74 when the bytes cannot be written.
    static func standardOutput(bytes: [UInt8]) throws {
        guard let errorNumber = write(bytes, to: STDOUT_FILENO) else { return }
        throw CommandFailure(
            message: "standard output — cannot write: \(String(cString: strerror(errorNumber)))",
            exitCode: .ioError)
    }

    /// Writes `text` to standard error, best effort: there is nowhere left to report to.
    static func standardError(_ text: String) {
        _ = write(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Writes all of `bytes`, retrying interrupted and partial writes.
    /// - Returns: nil on success, else the errno of the failed write.
    private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
