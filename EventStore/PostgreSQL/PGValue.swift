import Foundation

/// A parameter of a parameterized query, always sent in PostgreSQL's binary format with its
/// type and exact length, so no value is ever part of SQL text and a NUL byte cannot cut one.
enum PGValue {
    /// SQL NULL of the given type.
    case null(PGType)
    /// `bigint` (int8).
    case int8(Int64)
    /// `text`: the UTF-8 bytes.
    case text(String)
    /// `bytea`: the bytes verbatim.
    case bytea([UInt8])
    /// `uuid`: 16 bytes in network order.
    case uuid(UUID)
    /// `uuid[]`, one dimension, no NULLs.
    case uuidArray([UUID])

    /// The parameter's type OID.
    var type: PGType {
        switch self {
        case .null(let type): return type
        case .int8: return .int8
        case .text: return .text
        case .bytea: return .bytea
        case .uuid: return .uuid
        case .uuidArray: return .uuidArray
        }
    }

    /// The binary wire form (postgresql.org/docs/current/protocol-message-formats.html), or
    /// nil for NULL.
    var binary: [UInt8]? {
        switch self {
        case .null: return nil
        case .int8(let value): return PGBinary.int8(value)
        case .text(let value): return Array(value.utf8)
        case .bytea(let bytes): return bytes
        case .uuid(let id): return PGBinary.uuid(id)
        case .uuidArray(let ids): return PGBinary.uuidArray(ids)
        }
    }
}

/// The type OIDs we send and read (`pg_type.oid`, fixed in every PostgreSQL since 7.x).
enum PGType: UInt32 {
    case bytea = 17
    case int8 = 20
    case text = 25
    case uuid = 2950
    case uuidArray = 2951
}

/// Encoders and decoders of PostgreSQL's binary formats (big-endian integers).
enum PGBinary {
    static func int8(_ value: Int64) -> [UInt8] {
        let bits = UInt64(bitPattern: value)
        return stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: bits >> $0) }
    }

    static func int4(_ value: Int32) -> [UInt8] {
        let bits = UInt32(bitPattern: value)
        return stride(from: 24, through: 0, by: -8).map { UInt8(truncatingIfNeeded: bits >> $0) }
    }

    static func uuid(_ id: UUID) -> [UInt8] {
        withUnsafeBytes(of: id.uuid) { Array($0) }
    }

    /// `array_send` layout: ndim, has-null flag, element OID, then per dimension its length
    /// and lower bound, then each element as a length-prefixed value.
    static func uuidArray(_ ids: [UUID]) -> [UInt8] {
        var out = int4(1) + int4(0) + int4(Int32(bitPattern: PGType.uuid.rawValue))
        out += int4(Int32(ids.count)) + int4(1)
        out.reserveCapacity(out.count + ids.count * 20)
        for id in ids { out += int4(16) + uuid(id) }
        return out
    }

    /// A `bigint`; nil for any other length (another type: every integer column and
    /// parameter of the store is `bigint`).
    static func decodeInt64(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard bytes.count == 8 else { return nil }
        return Int64(bitPattern: bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    static func decodeUUID(_ bytes: UnsafeRawBufferPointer) -> UUID? {
        guard bytes.count == 16 else { return nil }
        let b = Array(bytes)
        return UUID(
            uuid: (
                b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]
            ))
    }
}
