import Foundation

/// The export format: JSON Lines, one recorded event per line.
///
/// Keys, always in this order: `position`, `streamId`, `version`, `eventId`, `type`,
/// `schemaVersion`, `effectiveDate`, `recordedAt`, `data` (the stored JSON bytes as a JSON
/// string), `metadata` (likewise), `hash` (lower-case hex). Exporting, importing into an empty
/// store and exporting again gives the same bytes.
///
/// ```swift
/// let head = try EventLogExport.export(store) { line in handle.write(Data(line)) }
/// ```
public enum EventLogExport {
    /// One event as a JSON object, without the trailing newline.
    public static func jsonLine(for event: RecordedEvent) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(event.data.count + event.metadata.count + 400)
        func key(_ name: String, first: Bool = false) {
            out += Array((first ? "{\"" : ",\"").utf8) + Array(name.utf8) + Array("\":".utf8)
        }
        key("position", first: true)
        out += Array(String(event.position).utf8)
        key("streamId")
        appendString(Array(event.streamId.utf8), to: &out)
        key("version")
        out += Array(String(event.version).utf8)
        key("eventId")
        appendString(Array(event.eventId.uuidString.lowercased().utf8), to: &out)
        key("type")
        appendString(Array(event.type.utf8), to: &out)
        key("schemaVersion")
        out += Array(String(event.schemaVersion).utf8)
        key("effectiveDate")
        appendString(Array(event.effectiveDate.utf8), to: &out)
        key("recordedAt")
        out += Array(String(event.recordedAt).utf8)
        key("data")
        appendString(event.data, to: &out)
        key("metadata")
        appendString(event.metadata, to: &out)
        key("hash")
        appendString(Array(event.hash.hexString.utf8), to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// Writes every event of `store`, each line followed by `\n`, reading in batches.
    ///
    /// - Parameter write: Receives one line (with its newline) at a time.
    /// - Returns: The head of what was exported: the anchor to keep with the file.
    /// - Complexity: O(n) time, O(``EventStoreLimits/readBatchMax``) events in memory.
    /// - Throws: Storage errors and what `write` throws.
    @discardableResult
    public static func export(
        _ store: any EventStore, write: ([UInt8]) throws -> Void
    ) throws -> ChainHead {
        var head = ChainHead(position: 0, hash: ChainHasher.genesis)
        while true {
            let batch = try store.readAll(
                afterPosition: head.position, limit: EventStoreLimits.readBatchMax)
            for event in batch {
                try write(jsonLine(for: event) + [UInt8(ascii: "\n")])
                head = ChainHead(position: event.position, hash: event.hash)
            }
            if batch.count < EventStoreLimits.readBatchMax { return head }
        }
    }

    /// JSON string escaping: `"`, `\` and control characters; every other byte verbatim.
    private static func appendString(_ bytes: [UInt8], to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0a: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0d: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20:
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
