import CommandLineKit
import LoanLedger

/// The events of `loan history` / `credit history`, in log order.
///
/// JSON: `{"<subject>": id, "events": [{position, type, effectiveDate, recordedAt, actor,
/// reason, data}]}` where `data` is the stored event JSON embedded as a value, not a string.
struct HistoryListing {
    /// `customer` or `loan`.
    let subjectKey: String
    /// The customer or loan id.
    let subject: String
    /// The entries, in log order.
    let entries: [HistoryEntry]

    /// Both renderings.
    /// - Throws: ``CommandFailure`` (70) when stored event data is not JSON: a corrupt store.
    func output() throws -> CommandOutput {
        var events: [JSONValue] = []
        var table = TextTable(columns: [
            .init("POSITION", alignment: .right), .init("TYPE"), .init("EFFECTIVE"),
            .init("RECORDED"), .init("ACTOR"), .init("DATA"),
        ])
        for entry in entries {
            let text = String(decoding: entry.data, as: UTF8.self)
            let data: JSONValue
            do {
                data = try JSONParser().parse(text)
            } catch {
                throw CommandFailure(
                    message: "event at position \(entry.position) has data that is not JSON"
                        + " (\(error)) — please report this bug", exitCode: .software)
            }
            let recordedAt = Format.time(microseconds: entry.recordedAt)
            events.append(.object([
                ("position", .integer(entry.position)),
                ("type", .string(entry.type)),
                ("effectiveDate", .string(entry.effectiveDate)),
                ("recordedAt", .string(recordedAt)),
                ("actor", .string(entry.actor)),
                ("reason", entry.reason.map { .string($0) } ?? .null),
                ("data", data),
            ]))
            table.append([String(entry.position), entry.type, entry.effectiveDate, recordedAt,
                          entry.actor, JSONWriter.write(data, pretty: false)])
        }
        let json = JSONValue.object([(subjectKey, .string(subject)), ("events", .array(events))])
        let text = entries.isEmpty ? "no events\n" : table.render()
        return CommandOutput(text: text, json: json)
    }
}
