import EventStore
import Foundation
import Lending

/// Turns domain events into stored events and back.
///
/// Data is JSON with sorted keys and no escaped slashes, so encoding the same event twice gives
/// the same bytes (the hash chain covers them verbatim). Decoding upcasts older schema versions
/// first (see ``EventUpcaster``), after the chain was verified on the raw bytes.
public enum EventCodec {
    /// An event read back from the log.
    public struct Decoded: Sendable {
        public var event: LendingEvent
        public var effectiveDate: BusinessDate
        public var metadata: EventMetadata
        public var recorded: RecordedEvent
    }

    /// Failures to read an event back.
    public enum DecodingError: Error, CustomStringConvertible, Equatable {
        case unknownType(position: Int64, type: String)
        case malformed(position: Int64, type: String, detail: String)

        public var description: String {
            switch self {
            case .unknownType(let position, let type):
                return "event at position \(position) has unknown type '\(type)'"
            case .malformed(let position, let type, let detail):
                return "event at position \(position) ('\(type)') cannot be read: \(detail)"
            }
        }
    }

    /// Encodes any Codable value the way every event is stored.
    public static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            // Our payloads are plain structs of strings and integers: encoding cannot fail.
            preconditionFailure("event encoding failed: \(error)")
        }
    }

    /// Decodes a stored JSON value.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try JSONDecoder().decode(type, from: Data(bytes))
    }

    /// A new event ready to append.
    public static func newEvent(
        _ decided: DecidedEvent, id: UUID, metadata: EventMetadata
    ) -> NewEvent {
        let payload = decided.event.payload
        return NewEvent(
            eventId: id, type: decided.event.type,
            schemaVersion: Swift.type(of: payload).schemaVersion,
            effectiveDate: decided.effectiveDate.description, data: encode(payload),
            metadata: encode(metadata))
    }

    /// Reads a lending event back. System events (`DayClosed`, policies) return nil.
    public static func decodeLending(_ recorded: RecordedEvent) throws -> Decoded? {
        guard let kind = EventCatalogue.payloadTypes[recorded.type] else {
            if EventCatalogue.systemTypes.contains(recorded.type) { return nil }
            throw DecodingError.unknownType(position: recorded.position, type: recorded.type)
        }
        do {
            let data = try EventUpcaster.upcast(
                type: recorded.type, schemaVersion: recorded.schemaVersion, data: recorded.data)
            let event = try kind.decodeEvent(data)
            let metadata = try decode(EventMetadata.self, from: recorded.metadata)
            let date = try BusinessDate(parsing: recorded.effectiveDate, field: "effectiveDate")
            return Decoded(event: event, effectiveDate: date, metadata: metadata,
                           recorded: recorded)
        } catch let error as DecodingError {
            throw error
        } catch {
            throw DecodingError.malformed(position: recorded.position, type: recorded.type,
                                          detail: String(describing: error))
        }
    }
}
