/// Computes chain hashes (`package` so the golden tests can pin them without @testable): SHA-256, or HMAC-SHA-256 when the store was opened with a key.
package struct ChainHasher: Sendable {
    /// The hash before position 1: 32 zero bytes.
    package static let genesis = [UInt8](repeating: 0, count: Digest.sha256ByteCount)

    package let key: ChainKey?

    /// A hasher with an optional HMAC key.
    package init(key: ChainKey?) { self.key = key }

    /// hash_n = SHA-256(hash_{n-1} ‖ canonical bytes of event n), or HMAC(key, same input).
    /// - Throws: ``EventStoreError/io(_:)`` when libcrypto fails.
    package func hash(previous: [UInt8], event: RecordedEvent) throws -> [UInt8] {
        var input = previous
        input.append(contentsOf: CanonicalBytes.of(event))
        if let key {
            return try Digest.hmacSHA256(key: key.bytes, input)
        }
        return try Digest.sha256(input)
    }

    /// The value stored in the database to recognise the key without revealing it:
    /// HMAC(key, "LoanLedger chain key check"), hex.
    package static func keyCheck(_ key: ChainKey) throws -> String {
        try Digest.hmacSHA256(key: key.bytes, Array("LoanLedger chain key check".utf8)).hexString
    }
}
