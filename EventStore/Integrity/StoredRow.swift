/// One row of the event log as verification reads it: decoded, or not decodable at all
/// (a tampered id or a hash of the wrong length must be reported, not thrown).
package enum StoredRow: Sendable {
    case event(RecordedEvent)
    case undecodable(position: Int64, detail: String)

    package var position: Int64 {
        switch self {
        case .event(let event): return event.position
        case .undecodable(let position, _): return position
        }
    }
}
