import Testing
import Lending

@Suite struct BigUIntTests {
    @Test("Decimal text of a power: 1,012,000^12 (the worked example's growth factor)")
    func powerText() {
        let value = BigUInt(1_012_000).power(12)
        #expect(value.description == "1153894624182585988122668495332704256"
            + String(repeating: "0", count: 36))
    }

    @Test("Products, differences and quotients agree with UInt64 arithmetic (seeded)")
    func agreesWithMachineIntegers() {
        var generator = SplitMix64(seed: 0x5EED_B16_0001)
        print("BigUIntTests seed 0x5EEDB160001")
        for _ in 0..<2_000 {
            let a = generator.next() >> UInt64(generator.next() % 64)
            let b = (generator.next() >> UInt64(generator.next() % 64)) | 1
            let wide = a.multipliedFullWidth(by: b)
            let product = BigUInt(a) * BigUInt(b)
            let expected = BigUInt(limbs: [
                UInt32(truncatingIfNeeded: wide.low), UInt32(truncatingIfNeeded: wide.low >> 32),
                UInt32(truncatingIfNeeded: wide.high), UInt32(truncatingIfNeeded: wide.high >> 32),
            ])
            #expect(product == expected)
            let (quotient, remainder) = product.quotientAndRemainder(dividingBy: BigUInt(b))
            #expect(quotient == BigUInt(a))
            #expect(remainder == .zero)
            let (q, r) = BigUInt(a).quotientAndRemainder(dividingBy: BigUInt(b))
            #expect(q.uint64Value == a / b)
            #expect(r.uint64Value == a % b)
            #expect((BigUInt(a) < BigUInt(b)) == (a < b))
            if a >= b { #expect((BigUInt(a) - BigUInt(b)).uint64Value == a - b) }
            #expect((product + BigUInt(a)) - BigUInt(a) == product)
        }
    }

    @Test("Division of multi-limb numbers: (x·y + r) / y = x remainder r")
    func multiLimbDivision() {
        let x = BigUInt(1_029_600).power(36)
        let y = BigUInt(1_000_000).power(20) + BigUInt(12_345)
        let r = BigUInt(987_654_321)
        let (quotient, remainder) = (x * y + r).quotientAndRemainder(dividingBy: y)
        #expect(quotient == x)
        #expect(remainder == r)
    }

    struct RoundingCase: Sendable, CustomTestStringConvertible {
        var numerator: UInt64
        var denominator: UInt64
        var expected: UInt64
        var testDescription: String { "\(numerator)/\(denominator)" }
    }

    @Test("Half-up division rounds exact halves up", arguments: [
        RoundingCase(numerator: 5, denominator: 2, expected: 3),
        RoundingCase(numerator: 7, denominator: 3, expected: 2),
        RoundingCase(numerator: 8, denominator: 3, expected: 3),
        RoundingCase(numerator: 1, denominator: 2, expected: 1),
        RoundingCase(numerator: 0, denominator: 9, expected: 0),
        RoundingCase(numerator: 149, denominator: 100, expected: 1),
    ])
    func halfUp(_ example: RoundingCase) {
        let value = BigUInt(example.numerator)
            .dividedRoundingHalfUp(by: BigUInt(example.denominator))
        #expect(value.uint64Value == example.expected)
    }

    @Test("Comparison orders by magnitude across limb counts")
    func comparison() {
        #expect(BigUInt.zero < BigUInt(1))
        #expect(BigUInt(UInt64.max) < BigUInt(UInt64.max) + BigUInt(1))
        #expect(!(BigUInt(7) < BigUInt(7)))
        #expect(BigUInt(limbs: [5, 0, 0]) == BigUInt(5))
        #expect(BigUInt(UInt64.max).bitWidth == 64)
    }
}
