import Foundation

/// Deterministic event ids, so that a retried command writes nothing new.
///
/// Ids are name-based UUIDs, version 5 (RFC 9562 §5.5: SHA-1 over namespace ‖ name, version and
/// variant bits set), in the LoanLedger namespace ``namespace``.
///
/// ```swift
/// let id = EventIds.derived(requestId: "req-42", stream: "customer-C1", index: 0)
/// ```
public enum EventIds {
    /// The LoanLedger namespace: uuid5(NAMESPACE_URL, "urn:loanledger:event-id").
    public static let namespace = UUID(
        uuid: (
            0x51, 0x2c, 0x3b, 0x00, 0x99, 0x85, 0x56, 0x86,
            0xa4, 0x71, 0xe4, 0x7f, 0xf7, 0x68, 0x54, 0xd7
        ))

    /// The id of the `index`-th event a request appends to a stream.
    ///
    /// The name is `requestId`, NUL, `stream`, NUL, the decimal `index`.
    /// - Parameters:
    ///   - requestId: The caller's request id (`--request-id`).
    ///   - stream: The stream the event goes to.
    ///   - index: The event's place in the batch, from 0.
    /// - Returns: A version-5 UUID, the same for the same inputs on every machine.
    public static func derived(requestId: String, stream: String, index: Int) -> UUID {
        derived(name: requestId + "\u{0}" + stream + "\u{0}" + String(index))
    }

    /// The id for an arbitrary name, e.g. `"C1|L1|2026-03-05|InstallmentOverdue"`.
    ///
    /// - Parameter name: Any string; its UTF-8 bytes are hashed.
    /// - Returns: A version-5 UUID in the LoanLedger namespace.
    public static func derived(name: String) -> UUID {
        var input = namespace.rawBytes
        input.append(contentsOf: name.utf8)
        // SHA-1 of a short in-memory buffer fails only if libcrypto is broken; ids must never
        // silently differ, so that is a precondition failure, not a recoverable error.
        guard let digest = try? Digest.sha1(input) else {
            preconditionFailure("libcrypto SHA-1 failed while deriving an event id")
        }
        var bytes = Array(digest.prefix(16))
        bytes[6] = (bytes[6] & 0x0f) | 0x50
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        return UUID(rawBytes: bytes)
    }
}
