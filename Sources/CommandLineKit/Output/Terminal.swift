#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the process's standard streams.
public enum Terminal {
    /// The standard error stream's descriptor.
    public static let standardErrorDescriptor: Int32 = 2

    /// Whether `fileDescriptor` is a terminal rather than a pipe or a file.
    ///
    /// Long work shows progress only on a terminal (CLI.md), so scripts never see it.
    ///
    /// - Parameter fileDescriptor: An open descriptor, such as 2 for standard error.
    /// - Returns: `true` when `isatty(3)` says so.
    public static func isTerminal(fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) == 1
    }

    /// Writes `text` to standard error, unbuffered, retrying short and interrupted writes.
    ///
    /// - Parameter text: The bytes to write, as UTF-8.
    public static func writeToStandardError(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                write(standardErrorDescriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 && errno == EINTR {
                continue
            }
            // Nothing useful can be done when standard error itself fails.
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Nanoseconds on the monotonic clock, which never goes back (unlike the wall clock).
    ///
    /// - Returns: `CLOCK_MONOTONIC` in nanoseconds.
    public static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
