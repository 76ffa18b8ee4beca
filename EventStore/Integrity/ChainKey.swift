/// A secret that turns the hash chain into an HMAC-SHA-256 chain.
///
/// With a key, each hash is HMAC(key, previous hash ‖ canonical bytes): someone who can edit the
/// database but does not hold the key cannot rewrite events and recompute a chain that verifies.
/// The key is kept outside the database (a file, a secret manager); the store only keeps a
/// check value so that opening with the wrong key, or without the key, is refused.
public struct ChainKey: Sendable, Equatable {
    /// The raw key bytes (at least ``minimumByteCount``).
    public let bytes: [UInt8]

    /// The shortest key accepted: 16 bytes (128 bits).
    public static let minimumByteCount = 16

    /// Creates a key from raw bytes.
    ///
    /// - Parameter bytes: 16 bytes or more, ideally 32 random bytes.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` when shorter than 16 bytes.
    public init(bytes: [UInt8]) throws {
        guard bytes.count >= Self.minimumByteCount else {
            throw EventStoreError.invalidInput(
                field: "key", rule: "must be at least \(Self.minimumByteCount) bytes")
        }
        self.bytes = bytes
    }

    /// Creates a key from hexadecimal text (e.g. the contents of a key file, whitespace
    /// around it ignored).
    ///
    /// - Parameter hex: At least 32 hexadecimal digits (16 bytes).
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` for non-hex text or a short key.
    public init(hex: String) throws {
        let trimmed = hex.filter { !$0.isWhitespace }.lowercased()
        guard let bytes = HexBytes.decode(trimmed) else {
            throw EventStoreError.invalidInput(
                field: "key", rule: "must be hexadecimal digits")
        }
        try self.init(bytes: bytes)
    }
}

extension ChainKey: CustomStringConvertible {
    /// Never shows the key itself.
    public var description: String { "ChainKey(\(bytes.count) bytes)" }
}
