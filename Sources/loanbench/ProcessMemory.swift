import Foundation

/// Resident memory of this process, from /proc/self/status (Linux).
enum ProcessMemory {
    /// Peak resident set size (VmHWM) in bytes, or nil where /proc is unavailable.
    static func peakResidentBytes() -> Int64? { field("VmHWM:") }

    /// Current resident set size (VmRSS) in bytes.
    static func residentBytes() -> Int64? { field("VmRSS:") }

    /// Resets VmHWM to the current RSS (writing 5 to /proc/self/clear_refs, Linux ≥ 4.0), so
    /// the next peak belongs to the work measured after it, not to the log generation before.
    /// - Returns: False when the kernel refused; the peak then covers the whole run.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else {
            return false
        }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Array("5".utf8))
            return true
        } catch {
            return false
        }
    }

    private static func field(_ name: String) -> Int64? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
            return nil
        }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2, let kilobytes = Int64(parts[1]) else { return nil }
            return kilobytes * 1024
        }
        return nil
    }
}
