import CommandLineKit

/// Builds random JSON values and mutated documents from a seeded generator.
struct JSONValueGenerator {
    var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// A value nested at most `depth` levels, with every kind of scalar and string content.
    mutating func value(depth: Int) -> JSONValue {
        let kind = Int.random(in: 0..<(depth > 0 ? 7 : 5), using: &random)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .integer(integer())
        case 3, 4: return .string(string())
        case 5:
            let count = Int.random(in: 0...4, using: &random)
            return .array((0..<count).map { _ in value(depth: depth - 1) })
        default:
            let count = Int.random(in: 0...4, using: &random)
            var keys: Set<String> = []
            var members: [(String, JSONValue)] = []
            for _ in 0..<count {
                let key = string()
                if keys.insert(key).inserted {
                    members.append((key, value(depth: depth - 1)))
                }
            }
            return .object(members)
        }
    }

    private mutating func integer() -> Int64 {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return [Int64.min, .max, 0, -1, 1][Int.random(in: 0..<5, using: &random)]
        case 1: return Int64(bitPattern: random.next())
        default: return Int64.random(in: -1000...1000, using: &random)
        }
    }

    /// Strings mixing ASCII, JSON-special characters, controls, and non-ASCII up to U+10FFFF.
    mutating func string() -> String {
        let count = Int.random(in: 0...8, using: &random)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<count {
            let range: ClosedRange<UInt32>
            switch Int.random(in: 0..<6, using: &random) {
            case 0: range = 0x00...0x1F
            case 1: range = 0x22...0x22
            case 2: range = 0x5C...0x5C
            case 3: range = 0x80...0xD7FF
            case 4: range = 0xE000...0x10FFFF
            default: range = 0x20...0x7E
            }
            let value = UInt32.random(in: range, using: &random)
            // The ranges above skip the surrogates, so every value is a scalar.
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    static let interestingBytes = Array(#"[]{},:"\-0123456789.eE+ntfu/ \#t"#.utf8)
        + [0x00, 0x0A, 0x1F, 0x7F, 0xC3, 0xE4, 0xF0, 0xFF]

    /// `document` with one to four byte-level mutations: replace, insert, delete, duplicate.
    mutating func mutate(_ document: [UInt8]) -> [UInt8] {
        var bytes = document
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let interesting = Self.interestingBytes.randomElement(using: &random)!
            let index = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0 where !bytes.isEmpty: bytes[index] = interesting
            case 1: bytes.insert(interesting, at: index)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, index + Int.random(in: 1...4, using: &random))
                bytes.removeSubrange(index..<end)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, index + Int.random(in: 1...8, using: &random))
                bytes.insert(contentsOf: bytes[index..<end], at: index)
            default: bytes = Array(bytes.prefix(index))
            }
        }
        return bytes
    }
}
