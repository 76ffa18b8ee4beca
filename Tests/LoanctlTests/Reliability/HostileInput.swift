import Foundation
import TestSupport

/// Seeded generators of hostile input for loanctl: mutated export files and random argv.
enum HostileInput {
    // MARK: - Mutated JSON Lines

    /// One seeded mutation of an export: flipped bytes, dropped, repeated or swapped lines,
    /// a cut, swapped field values, huge or negative numbers, garbage.
    static func mutate(_ lines: [String], random: inout SplitMix64) -> (String, [UInt8]) {
        var lines = lines
        let index = Int.random(in: 0..<lines.count, using: &random)
        switch Int.random(in: 0..<9, using: &random) {
        case 0:
            var bytes = Array(lines.joined(separator: "\n").utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                bytes[at] ^= UInt8.random(in: 1...255, using: &random)
            }
            return ("flipped bytes", bytes + [10])
        case 1:
            lines.remove(at: index)
            return ("dropped line \(index + 1)", text(lines))
        case 2:
            lines.insert(lines[index], at: Int.random(in: 0...lines.count, using: &random))
            return ("duplicated line \(index + 1)", text(lines))
        case 3:
            let bytes = text(lines)
            return ("truncated", Array(bytes.prefix(Int.random(in: 0..<bytes.count,
                                                                 using: &random))))
        case 4:
            lines.swapAt(index, Int.random(in: 0..<lines.count, using: &random))
            return ("swapped lines", text(lines))
        case 5:
            lines[index] = swapFields(lines[index], random: &random)
            return ("swapped fields in line \(index + 1)", text(lines))
        case 6:
            let huge = ["99999999999999999999999999", "-1", "9223372036854775808", "1e308",
                        "-9223372036854775808", "0", "1.5", "\"7\"", "null"]
                .randomElement(using: &random)!
            lines[index] = replaceNumber(lines[index], with: huge, random: &random)
            return ("number \(huge) in line \(index + 1)", text(lines))
        case 7:
            let junk = ["{}", "[]", "", "null", "{\"position\":",
                        String(repeating: "[", count: 5000),
                        "{\"position\":1,\"position\":2}", "\u{FEFF}" + lines[index],
                        lines[index] + lines[index]].randomElement(using: &random)!
            lines.insert(junk, at: Int.random(in: 0...lines.count, using: &random))
            return ("junk line", text(lines))
        default:
            var bytes = text(lines)
            let at = Int.random(in: 0..<bytes.count, using: &random)
            bytes.insert(contentsOf: [0xFF, 0xFE, 0x00, 0xC3], at: at)
            return ("invalid UTF-8", bytes)
        }
    }

    private static func text(_ lines: [String]) -> [UInt8] {
        Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Swaps the values of two top-level keys (e.g. position and version) in one line.
    private static func swapFields(_ line: String, random: inout SplitMix64) -> String {
        guard var object = StoreProbe.object(line) else { return line }
        let keys = object.keys.sorted()
        let a = keys.randomElement(using: &random)!, b = keys.randomElement(using: &random)!
        (object[a], object[b]) = (object[b], object[a])
        guard let data = try? JSONSerialization.data(withJSONObject: object) else { return line }
        return String(decoding: data, as: UTF8.self)
    }

    /// Replaces the first number after a random key with `value`.
    private static func replaceNumber(
        _ line: String, with value: String, random: inout SplitMix64
    ) -> String {
        let key = ["\"position\":", "\"version\":", "\"schemaVersion\":", "\"recordedAt\":"]
            .randomElement(using: &random)!
        guard let range = line.range(of: key) else { return line }
        let rest = line[range.upperBound...]
        let end = rest.firstIndex { !"-0123456789".contains($0) } ?? rest.endIndex
        return String(line[..<range.upperBound]) + value + String(rest[end...])
    }

    // MARK: - Random argv

    static let words = ["credit", "loan", "collection", "dispute", "day", "portfolio",
                        "investigate", "rebuild", "verify", "export", "import", "open", "adjust",
                        "freeze", "unfreeze", "close", "reopen", "show", "history", "disburse",
                        "repay", "payoff", "reverse", "refund", "waive-penalty", "restructure",
                        "write-off", "record", "queue", "resolve", "status", "help", "bogus", ""]
    static let options = ["--limit", "--on", "--reason", "--customer", "--amount", "--term",
                          "--method", "--daily-rate", "--grace-days", "--ref", "--channel",
                          "--at", "--by", "--outcome", "--note", "--through", "--as-of",
                          "--known-at", "--stage", "--expect-head", "--out", "--html",
                          "--projection", "--db", "--actor", "--request-id", "--json", "--help",
                          "-h", "--", "-", "--bogus", "--limit=5", "--json=yes", "---"]
    static let values = ["C-1", "L-1", "L-2", "C-404", "L-404", "100", "0", "-5", "10.005",
                         "200000.01", "1e9", "99999999999999999999999", "NaN", "0.0005", "0.1",
                         "3", "6", "13", "-1", "2026-03-19", "2026-03-20", "2026-03-21",
                         "2026-02-30", "20260319", "1969-12-31", "9999-12-31",
                         "2026-03-19T10:00:00+08:00", "2026-03-19T23:30:00+08:00", "yesterday",
                         "position:3", "position:-1", "position:999999999", "sms", "call",
                         "legal", "equal-installment", "interest-first", "bogus", "upheld",
                         "early", "1:abc", "0:" + String(repeating: "0", count: 64),
                         "out.jsonl", "report.html", "missing.jsonl", "other.sqlite",
                         "ops.a,ops.b", "", " ", "'; DROP TABLE events; --", "名字",
                         String(repeating: "x", count: 3000), "\u{0}", "live", "shadow"]

    /// Real command shapes; `$X` is filled from pool X (or, one time in four, any value).
    static let templates: [[String]] = [
        ["credit", "open", "$C", "--limit", "$A", "--on", "$D"],
        ["credit", "adjust", "$C", "--limit", "$A", "--on", "$D", "--reason", "$T"],
        ["credit", "freeze", "$C", "--on", "$D", "--reason", "$T"],
        ["credit", "show", "$C", "--as-of", "$D", "--known-at", "$K"],
        ["loan", "disburse", "$L", "--customer", "$C", "--amount", "$A", "--term", "$N",
         "--method", "$M", "--daily-rate", "$R", "--on", "$D"],
        ["loan", "repay", "$L", "--amount", "$A", "--on", "$D", "--ref", "$T"],
        ["loan", "reverse", "$L", "--ref", "$T", "--on", "$D", "--reason", "$T"],
        ["loan", "refund", "$L", "--amount", "$A", "--on", "$D", "--ref", "$T", "--reason", "$T"],
        ["loan", "restructure", "$L", "--term", "$N", "--on", "$D", "--reason", "$T"],
        ["loan", "payoff", "$L", "--on", "$D"],
        ["loan", "show", "$L", "--as-of", "$D", "--known-at", "$K"],
        ["collection", "record", "$L", "--channel", "$H", "--at", "$D", "--by", "$T"],
        ["collection", "queue", "--on", "$D", "--stage", "$T"],
        ["dispute", "open", "$L", "--on", "$D", "--reason", "$T"],
        ["day", "close", "--through", "$D"],
        ["portfolio", "--as-of", "$D", "--known-at", "$K"],
        ["verify", "--expect-head", "$K"],
        ["investigate", "$L", "--html", "$T"],
    ]
    static let pools: [Character: [String]] = [
        "C": ["B-C1", "B-C2", "B-C9", "C-new", ""],
        "L": ["B-L1", "B-L2", "B-L4", "L-new", "L-404"],
        "A": ["100", "0", "-5", "10.005", "200000", "200000.01", "1e9", "99999999999999999999",
              "5,000", "0.01"],
        "D": ["2026-03-19", "2026-03-20", "2026-03-21", "2026-02-30", "2025-01-01", "9999-12-31",
              "2026-03-19T10:00:00+08:00", "2026-03-19T23:30:00+08:00", "20260319"],
        "K": ["position:3", "position:-1", "position:999999999", "2026-03-20T09:00:00+08:00",
              "0:" + String(repeating: "0", count: 64), "x"],
        "N": ["3", "6", "12", "13", "0", "36", "-3"],
        "M": ["equal-installment", "equal-principal", "interest-first", "bogus"],
        "R": ["0.0005", "0.001", "0.1", "0", "-0.0001", "1/2000"],
        "H": ["sms", "call", "visit", "legal", "fax"],
        "T": ["ref-1", "ops.a,ops.b", "", "名字", "upheld", "early", "out.html",
              String(repeating: "x", count: 3000)],
    ]

    /// A random command line: a real command shape with random values (and now and then an
    /// extra or missing token), or 1–9 tokens from real and bogus words, options and values.
    static func argv(random: inout SplitMix64) -> [String] {
        if Bool.random(using: &random) { return templated(random: &random) }
        var argv: [String] = []
        for position in 0..<Int.random(in: 1...9, using: &random) {
            let roll = Int.random(in: 0..<10, using: &random)
            if position < 2 && roll < 7 {
                argv.append(words.randomElement(using: &random)!)
            } else if roll < 5 {
                argv.append(options.randomElement(using: &random)!)
            } else {
                argv.append(values.randomElement(using: &random)!
                    .replacingOccurrences(of: "\u{0}", with: "\u{1}"))
            }
        }
        // `demo` builds a large portfolio: too slow to be a fuzz case (it has its own tests).
        return argv.filter { $0 != "demo" }
    }

    private static func templated(random: inout SplitMix64) -> [String] {
        var argv = templates.randomElement(using: &random)!.map { token -> String in
            guard token.hasPrefix("$"), let pool = pools[token.dropFirst().first!] else {
                return token
            }
            return Int.random(in: 0..<4, using: &random) == 0
                ? values.randomElement(using: &random)! : pool.randomElement(using: &random)!
        }
        switch Int.random(in: 0..<6, using: &random) {
        case 0: argv.remove(at: Int.random(in: 0..<argv.count, using: &random))
        case 1: argv.append(options.randomElement(using: &random)!)
        case 2: argv.append("--json")
        default: break
        }
        return argv.map { $0.replacingOccurrences(of: "\u{0}", with: "\u{1}") }
    }
}
