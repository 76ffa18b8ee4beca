import CCrypto

/// The digests the store needs, computed by the system libcrypto.
///
/// libcrypto fails only when it cannot allocate or the algorithm is missing from the build; a
/// store that cannot hash must not write, so every failure throws ``EventStoreError/io(_:)``.
enum Digest {
    static let sha256ByteCount = 32
    static let sha1ByteCount = 20

    /// SHA-256 of `bytes`.
    /// - Throws: ``EventStoreError/io(_:)`` when libcrypto fails.
    static func sha256(_ bytes: [UInt8]) throws -> [UInt8] {
        try evpDigest(bytes, algorithm: EVP_sha256(), byteCount: sha256ByteCount, name: "SHA-256")
    }

    /// SHA-1 of `bytes` (name-based UUIDs only; never used for integrity).
    /// - Throws: ``EventStoreError/io(_:)`` when libcrypto fails.
    static func sha1(_ bytes: [UInt8]) throws -> [UInt8] {
        try evpDigest(bytes, algorithm: EVP_sha1(), byteCount: sha1ByteCount, name: "SHA-1")
    }

    /// HMAC-SHA-256 of `bytes` under `key`.
    /// - Throws: ``EventStoreError/io(_:)`` when libcrypto fails.
    static func hmacSHA256(key: [UInt8], _ bytes: [UInt8]) throws -> [UInt8] {
        guard let keyLength = Int32(exactly: key.count) else {
            throw EventStoreError.io("libcrypto HMAC-SHA-256 failed: key too long")
        }
        var out = [UInt8](repeating: 0, count: sha256ByteCount)
        var outLength: UInt32 = 0
        // HMAC() returns its output pointer on success and NULL on failure (OpenSSL 3 man page).
        let result = key.withUnsafeBytes { keyBuffer in
            bytes.withUnsafeBytes { dataBuffer in
                out.withUnsafeMutableBufferPointer { outBuffer in
                    HMAC(
                        EVP_sha256(), keyBuffer.baseAddress, keyLength,
                        dataBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self),
                        dataBuffer.count, outBuffer.baseAddress, &outLength)
                }
            }
        }
        guard result != nil, outLength == UInt32(sha256ByteCount) else {
            throw EventStoreError.io("libcrypto HMAC-SHA-256 failed")
        }
        return out
    }

    private static func evpDigest(
        _ bytes: [UInt8], algorithm: OpaquePointer?, byteCount: Int, name: String
    ) throws -> [UInt8] {
        guard let algorithm else { throw EventStoreError.io("libcrypto has no \(name)") }
        var out = [UInt8](repeating: 0, count: byteCount)
        var outLength: UInt32 = 0
        // EVP_Digest returns 1 for success and 0 for failure (OpenSSL 3 EVP_DigestInit man page).
        let status = bytes.withUnsafeBytes { dataBuffer in
            out.withUnsafeMutableBufferPointer { outBuffer in
                EVP_Digest(
                    dataBuffer.baseAddress, dataBuffer.count, outBuffer.baseAddress,
                    &outLength, algorithm, nil)
            }
        }
        switch status {
        case 1:
            guard outLength == UInt32(byteCount) else {
                throw EventStoreError.io("libcrypto \(name) returned \(outLength) bytes")
            }
            return out
        default:
            throw EventStoreError.io("libcrypto \(name) failed")
        }
    }
}
