/// Brings an older version of an event's data up to the current shape, on read.
///
/// Old events are never rewritten: the log keeps the bytes it hashed. Every payload is at
/// schema version 1 today, so the table of steps is empty; a shape change adds a step here
/// (type, from version) → transform, and a test with the old bytes.
public enum EventUpcaster {
    /// The failure when an event is newer than this code.
    public struct TooNew: Error, CustomStringConvertible {
        public var type: String
        public var schemaVersion: Int
        public var description: String {
            "event type '\(type)' has schema version \(schemaVersion), newer than this code"
        }
    }

    /// Current schema version per type; types absent here are at version 1.
    static let currentVersions: [String: Int] = [:]

    /// Steps keyed by "type@version", each producing version + 1.
    static let steps: [String: @Sendable ([UInt8]) throws -> [UInt8]] = [:]

    /// Returns `data` in the current shape of `type`.
    public static func upcast(type: String, schemaVersion: Int, data: [UInt8]) throws -> [UInt8] {
        let current = currentVersions[type] ?? 1
        guard schemaVersion <= current else { throw TooNew(type: type, schemaVersion: schemaVersion) }
        var bytes = data
        var version = schemaVersion
        while version < current {
            guard let step = steps["\(type)@\(version)"] else {
                throw TooNew(type: type, schemaVersion: schemaVersion)
            }
            bytes = try step(bytes)
            version += 1
        }
        return bytes
    }
}
