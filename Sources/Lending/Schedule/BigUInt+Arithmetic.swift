// Schoolbook arithmetic: the operands are at most a few hundred bits, so simplicity beats speed.

extension BigUInt {
    /// The sum.
    public static func + (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        let count = Swift.max(lhs.limbs.count, rhs.limbs.count)
        var result: [UInt32] = []
        result.reserveCapacity(count + 1)
        var carry: UInt64 = 0
        for index in 0..<count {
            let a = index < lhs.limbs.count ? UInt64(lhs.limbs[index]) : 0
            let b = index < rhs.limbs.count ? UInt64(rhs.limbs[index]) : 0
            let sum = a + b + carry
            result.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        result.append(UInt32(carry))
        return BigUInt(limbs: result)
    }

    /// The difference.
    /// - Precondition: `lhs >= rhs` (the type is unsigned).
    public static func - (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        precondition(!(lhs < rhs), "BigUInt subtraction would be negative")
        var result: [UInt32] = []
        result.reserveCapacity(lhs.limbs.count)
        var borrow: Int64 = 0
        for index in 0..<lhs.limbs.count {
            let b = index < rhs.limbs.count ? Int64(rhs.limbs[index]) : 0
            var difference = Int64(lhs.limbs[index]) - b - borrow
            borrow = 0
            if difference < 0 {
                difference += 1 << 32
                borrow = 1
            }
            result.append(UInt32(difference))
        }
        return BigUInt(limbs: result)
    }

    /// The product.
    public static func * (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        if lhs.isZero || rhs.isZero { return .zero }
        var result = [UInt32](repeating: 0, count: lhs.limbs.count + rhs.limbs.count)
        for (i, a) in lhs.limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, b) in rhs.limbs.enumerated() {
                // a·b + result + carry ≤ (2^32 − 1)^2 + 2·(2^32 − 1) < 2^64: cannot overflow.
                let product = UInt64(a) * UInt64(b) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: product)
                carry = product >> 32
            }
            result[i + rhs.limbs.count] = UInt32(carry)
        }
        return BigUInt(limbs: result)
    }

    /// `self` raised to `exponent` by repeated squaring.
    public func power(_ exponent: Int) -> BigUInt {
        precondition(exponent >= 0, "negative exponent")
        var result = BigUInt(1)
        var base = self
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = result * base }
            remaining >>= 1
            if remaining > 0 { base = base * base }
        }
        return result
    }

    /// `self × 2` (a one-bit left shift) plus `bit`.
    func doubled(plus bit: Bool) -> BigUInt {
        var result: [UInt32] = []
        result.reserveCapacity(limbs.count + 1)
        var carry: UInt32 = bit ? 1 : 0
        for limb in limbs {
            result.append((limb << 1) | carry)
            carry = limb >> 31
        }
        result.append(carry)
        return BigUInt(limbs: result)
    }

    /// Quotient and remainder by binary long division (shift and subtract, one bit at a time).
    /// - Precondition: `divisor` is not zero.
    public func quotientAndRemainder(dividingBy divisor: BigUInt)
        -> (quotient: BigUInt, remainder: BigUInt)
    {
        precondition(!divisor.isZero, "BigUInt division by zero")
        if self < divisor { return (.zero, self) }
        var quotientLimbs = [UInt32](repeating: 0, count: limbs.count)
        var remainder = BigUInt.zero
        var index = bitWidth - 1
        while index >= 0 {
            remainder = remainder.doubled(plus: bit(index))
            if !(remainder < divisor) {
                remainder = remainder - divisor
                quotientLimbs[index / 32] |= 1 << UInt32(index % 32)
            }
            index -= 1
        }
        return (BigUInt(limbs: quotientLimbs), remainder)
    }

    /// `self / divisor` rounded half-up (a remainder of at least half the divisor rounds up).
    public func dividedRoundingHalfUp(by divisor: BigUInt) -> BigUInt {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder.doubled(plus: false) < divisor ? quotient : quotient + BigUInt(1)
    }
}
