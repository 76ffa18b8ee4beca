import CommandLineKit
import Lending

/// How values look in loanctl's output, text and JSON alike (CLI.md, `--json`).
enum Format {
    /// An amount: yuan with exactly two decimals, `"899.75"`.
    static func money(_ amount: Money) -> JSONValue { .string(amount.description) }

    /// A business date: `YYYY-MM-DD`.
    static func date(_ date: BusinessDate) -> JSONValue { .string(date.description) }

    /// A date or `null`.
    static func date(_ date: BusinessDate?) -> JSONValue {
        date.map { .string($0.description) } ?? .null
    }

    /// A store time (microseconds since 1970, UTC) in RFC 3339 with Shanghai's offset, the
    /// business calendar's zone; microseconds are shown only when not zero.
    static func time(microseconds: Int64) -> String {
        let seconds = microseconds >= 0 ? microseconds / 1_000_000
            : (microseconds - 999_999) / 1_000_000
        let fraction = microseconds - seconds * 1_000_000
        let local = LocalTime(unixSeconds: seconds).description
        guard fraction != 0 else { return local }
        let digits = String(fraction)
        let padded = String(repeating: "0", count: 6 - digits.count) + digits
        // "2026-03-05T10:30:00+08:00" → insert the fraction before the offset.
        return String(local.dropLast(6)) + "." + padded + String(local.suffix(6))
    }

    /// `yes` / `no` for text output.
    static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
}
