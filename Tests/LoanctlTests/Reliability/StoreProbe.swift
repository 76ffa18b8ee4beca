import Foundation

/// One line of `loanctl export`, parsed with Foundation as an outside script would.
struct ExportedEvent: Sendable, Equatable {
    var position: Int
    var streamId: String
    var version: Int
    var eventId: String
    var type: String
    var effectiveDate: String
    var recordedAt: Int64
    var data: String
    var metadata: String
    var hash: String
    /// The `requestId` inside `metadata`, if the command carried one.
    var requestId: String?
}

/// The log's head and last closed day, from `day status --json`.
struct HeadStatus: Sendable, Equatable {
    var position: Int
    var anchor: String
    var lastClosedDay: String?
}

/// Reads a store through loanctl only (day status, export, verify), as an operator would.
struct StoreProbe: Sendable {
    let cli: CLIProcess

    /// The head, or an error naming how `day status` failed.
    func head() throws -> HeadStatus {
        let end = try cli.run(["day", "status", "--json"])
        guard end.succeeded, let object = StoreProbe.object(end.standardOutput),
            let anchor = object["anchor"] as? String,
            let position = Int(anchor.split(separator: ":").first ?? "")
        else { throw ProbeFailure(what: "day status", end: end) }
        return HeadStatus(position: position, anchor: anchor,
                          lastClosedDay: object["lastClosedDay"] as? String)
    }

    /// Every event, from `export`.
    func export() throws -> [ExportedEvent] {
        let end = try cli.run(["export"])
        guard end.succeeded else { throw ProbeFailure(what: "export", end: end) }
        return try StoreProbe.parseExport(end.standardOutput)
    }

    /// The raw JSON Lines of `export`.
    func exportText() throws -> String {
        let end = try cli.run(["export"])
        guard end.succeeded else { throw ProbeFailure(what: "export", end: end) }
        return end.standardOutput
    }

    /// `verify` (with an anchor when given), as run.
    func verify(expectHead anchor: String? = nil) throws -> ProcessEnd {
        try cli.run(["verify", "--json"] + (anchor.map { ["--expect-head", $0] } ?? []))
    }

    /// Parses export lines; a line that does not parse is an error naming it.
    static func parseExport(_ text: String) throws -> [ExportedEvent] {
        var events: [ExportedEvent] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            guard let o = object(String(line)),
                let position = o["position"] as? Int, let streamId = o["streamId"] as? String,
                let version = o["version"] as? Int, let eventId = o["eventId"] as? String,
                let type = o["type"] as? String, let date = o["effectiveDate"] as? String,
                let recordedAt = (o["recordedAt"] as? NSNumber)?.int64Value,
                let data = o["data"] as? String, let metadata = o["metadata"] as? String,
                let hash = o["hash"] as? String
            else {
                throw ProbeFailure(what: "export line \(index + 1) '\(line.prefix(120))'",
                                   end: nil)
            }
            let requestId = object(metadata)?["requestId"] as? String
            events.append(ExportedEvent(
                position: position, streamId: streamId, version: version, eventId: eventId,
                type: type, effectiveDate: date, recordedAt: recordedAt, data: data,
                metadata: metadata, hash: hash, requestId: requestId))
        }
        return events
    }

    /// What is wrong with the shape of a log: position gaps, stream version gaps, repeated
    /// event ids. Empty when the log is well formed.
    static func shapeProblems(_ events: [ExportedEvent]) -> [String] {
        var problems: [String] = []
        var versions: [String: Int] = [:]
        var ids = Set<String>()
        for (index, event) in events.enumerated() {
            if event.position != index + 1 {
                problems.append("position \(event.position) where \(index + 1) was expected")
            }
            let previous = versions[event.streamId, default: 0]
            if event.version != previous + 1 {
                problems.append("stream '\(event.streamId)' version \(event.version) "
                                + "after \(previous)")
            }
            versions[event.streamId] = event.version
            if !ids.insert(event.eventId).inserted {
                problems.append("event id \(event.eventId) appears twice")
            }
        }
        return problems
    }

    /// A JSON object from text, or nil.
    static func object(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }
}

/// A probe command that should have worked did not.
struct ProbeFailure: Error, CustomStringConvertible {
    let what: String
    let end: ProcessEnd?
    var description: String { "\(what) failed: \(end.map { "\($0)" } ?? "unparsable output")" }
}
