import CommandLineKit

/// Progress of long work on standard error, fed by a library callback `(done, total)`.
///
/// A class because the library's callback captures it and updates it in place. The total is
/// known only at the first callback, so the ``CommandLineKit/Progress`` line is made then.
/// Drawing happens only on a terminal and never with `--json` (CLI.md).
final class ProgressReporter {
    private let label: String
    private let isSuppressed: Bool
    private var progress: Progress?

    /// - Parameters:
    ///   - label: What the line says before the count.
    ///   - isSuppressed: `true` in JSON mode.
    init(label: String, isSuppressed: Bool) {
        self.label = label
        self.isSuppressed = isSuppressed
    }

    /// Reports `done` of `total` steps.
    func update(_ done: Int64, _ total: Int64) {
        if progress == nil || progress?.total != Int(total) {
            progress?.finish()
            progress = Progress.onStandardError(label: label, total: Int(max(total, 0)),
                                                isSuppressed: isSuppressed)
        }
        progress?.update(completed: Int(done))
    }

    /// Clears the line.
    func finish() {
        progress?.finish()
    }
}
