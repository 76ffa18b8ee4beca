/// A one-line progress report on standard error: `label  n/total (pct%)`, redrawn in place.
///
/// It draws only when enabled, which ``onStandardError(label:total:isSuppressed:)`` decides:
/// standard error is a terminal and the command is not in JSON mode (CLI.md: never in pipes or
/// with `--json`). Redraws are throttled to one per ``redrawIntervalNanoseconds`` by an injected
/// monotonic clock, except the last step, which always shows. ``finish()`` clears the line.
///
/// ```swift
/// var progress = Progress.onStandardError(label: "rebuild", total: events.count,
///                                         isSuppressed: parsed.flag("json"))
/// for (index, event) in events.enumerated() {
///     apply(event)
///     progress.update(completed: index + 1)
/// }
/// progress.finish()
/// ```
public struct Progress: Sendable {
    /// At most ten redraws a second: fast enough to look live, cheap enough for tight loops.
    public static let redrawIntervalNanoseconds: UInt64 = 100_000_000

    /// What the report says before the count.
    public let label: String
    /// The number of steps in the whole work; 0 shows as 100 %.
    public let total: Int
    /// Whether anything is drawn at all.
    public let isEnabled: Bool
    private let clock: @Sendable () -> UInt64
    private let output: @Sendable (String) -> Void
    private var lastRedrawNanoseconds: UInt64?
    private var isLineDrawn = false

    /// Creates a report that draws through `output` when `isEnabled`.
    ///
    /// - Parameters:
    ///   - label: The text before the count.
    ///   - total: The number of steps; not negative.
    ///   - isEnabled: Whether to draw.
    ///   - clock: Monotonic nanoseconds, injected for tests.
    ///   - output: Where the text goes, injected for tests.
    public init(
        label: String, total: Int, isEnabled: Bool,
        clock: @escaping @Sendable () -> UInt64,
        output: @escaping @Sendable (String) -> Void
    ) {
        precondition(total >= 0, "progress total must not be negative")
        self.label = label
        self.total = total
        self.isEnabled = isEnabled
        self.clock = clock
        self.output = output
    }

    /// A report on standard error, enabled only when it is a terminal and not suppressed.
    ///
    /// - Parameters:
    ///   - label: The text before the count.
    ///   - total: The number of steps.
    ///   - isSuppressed: `true` in JSON mode.
    /// - Returns: The report.
    public static func onStandardError(label: String, total: Int, isSuppressed: Bool) -> Progress {
        let isTerminal = Terminal.isTerminal(fileDescriptor: Terminal.standardErrorDescriptor)
        return Progress(
            label: label, total: total, isEnabled: isTerminal && !isSuppressed,
            clock: Terminal.monotonicNanoseconds, output: Terminal.writeToStandardError
        )
    }

    /// The report's text for `completed` steps: `label  n/total (pct%)`, the percentage rounded
    /// down so that 100 % means done.
    ///
    /// - Parameter completed: Steps done, clamped to `0...total`.
    /// - Returns: The line, without control sequences.
    public func text(completed: Int) -> String {
        let done = min(max(completed, 0), total)
        let percent = total == 0 ? 100 : done * 100 / total
        return "\(label)  \(done)/\(total) (\(percent)%)"
    }

    /// Redraws the line for `completed` steps, unless disabled or the last redraw is recent.
    ///
    /// - Parameter completed: Steps done so far.
    public mutating func update(completed: Int) {
        guard isEnabled else { return }
        let now = clock()
        if let last = lastRedrawNanoseconds, completed < total,
           now &- last < Progress.redrawIntervalNanoseconds {
            return
        }
        lastRedrawNanoseconds = now
        isLineDrawn = true
        // Carriage return, the text, then "erase to end of line" for a shorter redraw.
        output("\r" + text(completed: completed) + "\u{1B}[K")
    }

    /// Clears the line, leaving the terminal as it was; does nothing when nothing was drawn.
    public mutating func finish() {
        guard isLineDrawn else { return }
        isLineDrawn = false
        output("\r\u{1B}[K")
    }
}
