/// A small arbitrary-size unsigned integer, just enough to compute (1 + r)^n exactly.
///
/// The equal-installment formula needs `N^n` with `N = 10^6 + 30 × millionths` and `n` up to
/// ``LendingLimits/installmentCountMax`` (36): about 216 decimal digits, far beyond `Int128`.
/// Limbs are base 2^32, least significant first, so every limb product fits in `UInt64`.
/// The value is kept normalised (no leading zero limbs; zero is the empty array).
public struct BigUInt: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Base-2^32 digits, least significant first, no trailing zero limbs.
    public private(set) var limbs: [UInt32]

    /// Zero.
    public static let zero = BigUInt(limbs: [])

    /// Creates a value from a machine integer.
    public init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        normalise()
    }

    /// Creates a value from limbs (least significant first); leading zeros are dropped.
    public init(limbs: [UInt32]) {
        self.limbs = limbs
        normalise()
    }

    /// True when the value is zero.
    public var isZero: Bool { limbs.isEmpty }

    /// The number of significant bits (0 for zero).
    public var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - top.leadingZeroBitCount)
    }

    /// The value as `UInt64`, or nil when it does not fit.
    public var uint64Value: UInt64? {
        guard limbs.count <= 2 else { return nil }
        var value: UInt64 = 0
        for (index, limb) in limbs.enumerated() { value |= UInt64(limb) << (32 * index) }
        return value
    }

    private mutating func normalise() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    /// Bit `index` (0 = least significant).
    func bit(_ index: Int) -> Bool {
        let limb = index / 32
        guard limb < limbs.count else { return false }
        return (limbs[limb] >> UInt32(index % 32)) & 1 == 1
    }

    public static func < (lhs: BigUInt, rhs: BigUInt) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        var index = lhs.limbs.count - 1
        while index >= 0 {
            if lhs.limbs[index] != rhs.limbs[index] { return lhs.limbs[index] < rhs.limbs[index] }
            index -= 1
        }
        return false
    }

    /// Decimal digits.
    public var description: String {
        if isZero { return "0" }
        var chunks: [UInt64] = []
        var rest = self
        let billion = BigUInt(1_000_000_000)
        while !rest.isZero {
            let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: billion)
            chunks.append(remainder.uint64Value ?? 0)
            rest = quotient
        }
        var text = String(chunks.removeLast())
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }
}
