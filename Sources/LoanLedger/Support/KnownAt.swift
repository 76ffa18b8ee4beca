import Lending

/// Which part of the log a query may see: "as known at".
public enum KnownAt: Sendable, Hashable, CustomStringConvertible {
    /// The log up to and including this global position.
    case position(Int64)
    /// What had been recorded by this instant (microseconds since 1970, UTC).
    case recordedBy(microseconds: Int64)

    /// Parses `position:N` or an RFC 3339 time.
    /// - Throws: ``LedgerError/invalidInput(field:value:rule:)``.
    public init(parsing text: String) throws(LedgerError) {
        let rule = "must be position:N or an RFC 3339 time such as 2026-03-05T10:30:00+08:00"
        if text.hasPrefix("position:") {
            guard let position = Int64(text.dropFirst("position:".count)), position >= 0 else {
                throw .invalidInput(field: "known-at", value: text, rule: rule)
            }
            self = .position(position)
            return
        }
        do {
            let time = try LocalTime(rfc3339: text, field: "known-at")
            self = .recordedBy(microseconds: time.unixSeconds * 1_000_000)
        } catch {
            throw .invalidInput(field: "known-at", value: text, rule: rule)
        }
    }

    public var description: String {
        switch self {
        case .position(let p): return "position:\(p)"
        case .recordedBy(let micros):
            return LocalTime(unixSeconds: micros / 1_000_000).description
        }
    }
}
