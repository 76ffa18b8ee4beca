import Foundation

/// Version-4-shaped event ids drawn from a seeded generator, so two demo runs with the same
/// seed store byte-identical logs (ids are part of the hash chain).
final class SeededEventIDs: EventIDGenerator, @unchecked Sendable {
    // `@unchecked Sendable` is safe: the generator state is touched only while holding `lock`.
    private let lock = NSLock()
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    func next() -> UUID {
        lock.lock()
        let high = random.next()
        let low = random.next()
        lock.unlock()
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: high >> (8 * UInt64(7 - index)))
            bytes[index + 8] = UInt8(truncatingIfNeeded: low >> (8 * UInt64(7 - index)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6],
                           bytes[7], bytes[8], bytes[9], bytes[10], bytes[11], bytes[12],
                           bytes[13], bytes[14], bytes[15]))
    }
}
