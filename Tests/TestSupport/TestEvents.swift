import EventStore
import Foundation

/// Makers of ``NewEvent``s for store tests; they know nothing of loans.
public enum TestEvents {
    /// An event with JSON `data` given as text.
    public static func make(
        _ type: String = "Happened", data: String = "{}", effectiveDate: String = "2026-01-01",
        id: UUID = UUID(), metadata: String = "{\"actor\":\"test\"}", schemaVersion: Int = 1
    ) -> NewEvent {
        NewEvent(
            eventId: id, type: type, schemaVersion: schemaVersion, effectiveDate: effectiveDate,
            data: Array(data.utf8), metadata: Array(metadata.utf8))
    }

    /// `count` events `{"n":i}` with fresh ids.
    public static func batch(_ count: Int, type: String = "Happened") -> [NewEvent] {
        (0..<count).map { make(type, data: "{\"n\":\($0)}") }
    }

    /// An event whose data is about `bytes` long (for throughput and size tests).
    public static func sized(_ bytes: Int, index: Int) -> NewEvent {
        let padding = String(repeating: "x", count: max(0, bytes - 30))
        return make("Sized", data: "{\"n\":\(index),\"pad\":\"\(padding)\"}")
    }
}
