import Foundation

/// The exact bytes of an event that the hash chain covers.
///
/// Fields in this fixed order, each as a UInt32 big-endian length followed by its bytes:
/// position, streamId, version, eventId, type, schemaVersion, effectiveDate, recordedAt, data,
/// metadata. Integers are 8-byte big-endian two's complement; strings are UTF-8; the event id
/// is its 16 raw bytes; data and metadata are the stored bytes verbatim (JSON is never
/// re-encoded). docs/event-store.md shows the layout; a golden-bytes test pins it.
package enum CanonicalBytes {
    /// The canonical bytes of `event` (its `hash` is not part of them).
    package static func of(_ event: RecordedEvent) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(
            10 * 4 + 4 * 8 + 16 + event.streamId.utf8.count + event.type.utf8.count
                + event.effectiveDate.utf8.count + event.data.count + event.metadata.count)
        appendInteger(event.position, to: &out)
        appendField(event.streamId.utf8, to: &out)
        appendInteger(event.version, to: &out)
        appendField(event.eventId.rawBytes, to: &out)
        appendField(event.type.utf8, to: &out)
        appendInteger(Int64(event.schemaVersion), to: &out)
        appendField(event.effectiveDate.utf8, to: &out)
        appendInteger(event.recordedAt, to: &out)
        appendField(event.data, to: &out)
        appendField(event.metadata, to: &out)
        return out
    }

    private static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        appendLength(8, to: &out)
        let bits = UInt64(bitPattern: value)
        for shift in stride(from: 56, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
        }
    }

    private static func appendField<C: Collection>(_ bytes: C, to out: inout [UInt8])
    where C.Element == UInt8 {
        // Every field is bounded far below 4 GiB by EventStoreLimits, so the length fits.
        precondition(bytes.count <= Int(UInt32.max), "canonical field longer than UInt32.max")
        appendLength(UInt32(bytes.count), to: &out)
        out.append(contentsOf: bytes)
    }

    private static func appendLength(_ length: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: length >> 24))
        out.append(UInt8(truncatingIfNeeded: length >> 16))
        out.append(UInt8(truncatingIfNeeded: length >> 8))
        out.append(UInt8(truncatingIfNeeded: length))
    }
}

extension UUID {
    /// The 16 bytes of the UUID in RFC 4122 network order.
    var rawBytes: [UInt8] {
        let u = uuid
        return [
            u.0, u.1, u.2, u.3, u.4, u.5, u.6, u.7,
            u.8, u.9, u.10, u.11, u.12, u.13, u.14, u.15,
        ]
    }

    /// A UUID from exactly 16 bytes in network order.
    init(rawBytes b: [UInt8]) {
        precondition(b.count == 16, "a UUID has 16 bytes")
        self.init(
            uuid: (
                b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]
            ))
    }
}
