import Foundation

extension EventLogExport {
    /// The fields of one export line, as JSON.
    private struct Line: Decodable {
        var position: Int64
        var streamId: String
        var version: Int64
        var eventId: String
        var type: String
        var schemaVersion: Int
        var effectiveDate: String
        var recordedAt: Int64
        var data: String
        var metadata: String
        var hash: String
    }

    /// Reads one export line (with or without its trailing newline).
    ///
    /// Checks shapes only; whether the event chains is checked by
    /// ``EventStore/restore(_:)``.
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` naming the bad key, for a line
    ///   that is too long, not JSON, misses a key or holds a malformed value.
    public static func parse(line: [UInt8]) throws -> RecordedEvent {
        guard line.count <= EventStoreLimits.exportLineBytesMax else {
            throw EventStoreError.invalidInput(
                field: "line",
                rule: "at most \(EventStoreLimits.exportLineBytesMax) bytes, "
                    + "got \(line.count)")
        }
        let decoded: Line
        do {
            decoded = try JSONDecoder().decode(Line.self, from: Data(line))
        } catch let DecodingError.keyNotFound(key, _) {
            throw EventStoreError.invalidInput(field: key.stringValue, rule: "is missing")
        } catch let DecodingError.typeMismatch(_, context) {
            throw invalid(context, "has the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw invalid(context, "must not be null")
        } catch let DecodingError.dataCorrupted(context) {
            throw invalid(context, "is not valid JSON or out of range")
        } catch {
            throw EventStoreError.invalidInput(field: "line", rule: "is not a JSON object")
        }
        return try event(from: decoded)
    }

    /// Reads a whole export (lines separated by `\n`; a final newline is optional).
    /// - Throws: ``EventStoreError/invalidInput(field:rule:)`` with the 1-based line number.
    public static func parseAll(_ bytes: [UInt8]) throws -> [RecordedEvent] {
        var events = [RecordedEvent]()
        for (offset, line) in bytes.split(
            separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false
        ).enumerated() where !line.isEmpty {
            do {
                events.append(try parse(line: Array(line)))
            } catch EventStoreError.invalidInput(let field, let rule) {
                throw EventStoreError.invalidInput(
                    field: "line \(offset + 1): \(field)", rule: rule)
            }
        }
        return events
    }

    private static func invalid(
        _ context: DecodingError.Context, _ rule: String
    )
        -> EventStoreError
    {
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return .invalidInput(field: path.isEmpty ? "line" : path, rule: rule)
    }

    private static func event(from line: Line) throws -> RecordedEvent {
        guard let eventId = UUID(uuidString: line.eventId),
            eventId.uuidString.lowercased() == line.eventId
        else {
            throw EventStoreError.invalidInput(field: "eventId", rule: "must be a lower-case UUID")
        }
        guard let hash = HexBytes.decode(line.hash), hash.count == Digest.sha256ByteCount else {
            throw EventStoreError.invalidInput(
                field: "hash", rule: "must be 64 lower-case hexadecimal digits")
        }
        guard line.position >= 1 else {
            throw EventStoreError.invalidInput(field: "position", rule: "must be ≥ 1")
        }
        return RecordedEvent(
            position: line.position, streamId: line.streamId, version: line.version,
            eventId: eventId, type: line.type, schemaVersion: line.schemaVersion,
            effectiveDate: line.effectiveDate, recordedAt: line.recordedAt,
            data: Array(line.data.utf8), metadata: Array(line.metadata.utf8), hash: hash)
    }
}
