import Testing

/// Bugs found by the reliability harness and reported, not yet fixed. A finding matching one
/// is recorded with `withKnownIssue` (so it shows, but does not fail the run); delete the
/// entry when the fix lands so any recurrence fails again.
enum KnownBugs {
    /// None open: every bug the harness found is fixed and its test is strict.
    static let all: [String] = []

    static func matches(_ line: String) -> Bool { all.contains { line.contains($0) } }

    /// Records `line` as a known issue of the bug it matches (it shows in the run, marked
    /// as known, without failing it).
    static func record(_ line: String) {
        let bug = all.first { line.contains($0) } ?? "unknown"
        withKnownIssue(Comment(rawValue: "bug: \(bug)"), isIntermittent: true) {
            Issue.record(Comment(rawValue: line))
        }
    }
}
