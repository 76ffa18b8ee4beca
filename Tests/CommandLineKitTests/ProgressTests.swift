import CommandLineKit
import Synchronization
import Testing

/// A fake monotonic clock and a record of what the progress line wrote.
final class ProgressRecorder: Sendable {
    let nanoseconds = Mutex<UInt64>(0)
    let writes = Mutex<[String]>([])

    func advance(milliseconds: UInt64) {
        nanoseconds.withLock { $0 += milliseconds * 1_000_000 }
    }

    func progress(total: Int, isEnabled: Bool = true) -> Progress {
        Progress(
            label: "rebuild", total: total, isEnabled: isEnabled,
            clock: { self.nanoseconds.withLock { $0 } },
            output: { text in self.writes.withLock { $0.append(text) } }
        )
    }

    var written: [String] { writes.withLock { $0 } }
}

@Suite struct ProgressTests {
    @Test("The text is label, count and percentage rounded down", arguments: [
        (0, 200, "rebuild  0/200 (0%)"), (1, 200, "rebuild  1/200 (0%)"),
        (199, 200, "rebuild  199/200 (99%)"), (200, 200, "rebuild  200/200 (100%)"),
        (250, 200, "rebuild  200/200 (100%)"), (-3, 200, "rebuild  0/200 (0%)"),
        (0, 0, "rebuild  0/0 (100%)"),
    ])
    func text(completed: Int, total: Int, expected: String) {
        #expect(ProgressRecorder().progress(total: total).text(completed: completed) == expected)
    }

    @Test("Redraws are throttled to one per 100 ms, and the last step always shows")
    func throttle() {
        let recorder = ProgressRecorder()
        var progress = recorder.progress(total: 10)
        progress.update(completed: 1)  // first: drawn
        recorder.advance(milliseconds: 50)
        progress.update(completed: 2)  // 50 ms later: skipped
        recorder.advance(milliseconds: 49)
        progress.update(completed: 3)  // 99 ms after the last draw: skipped
        recorder.advance(milliseconds: 1)
        progress.update(completed: 4)  // 100 ms: drawn
        progress.update(completed: 10)  // done: drawn at once
        progress.finish()
        #expect(recorder.written == [
            "\rrebuild  1/10 (10%)\u{1B}[K",
            "\rrebuild  4/10 (40%)\u{1B}[K",
            "\rrebuild  10/10 (100%)\u{1B}[K",
            "\r\u{1B}[K",
        ])
    }

    @Test("A disabled report writes nothing, not even the clearing")
    func disabled() {
        let recorder = ProgressRecorder()
        var progress = recorder.progress(total: 3, isEnabled: false)
        for step in 1...3 {
            progress.update(completed: step)
        }
        progress.finish()
        #expect(recorder.written.isEmpty)
    }

    @Test("Progress on standard error is off when suppressed or when stderr is not a terminal")
    func standardError() {
        let suppressed = Progress.onStandardError(label: "x", total: 1, isSuppressed: true)
        #expect(!suppressed.isEnabled)
        let isTerminal = Terminal.isTerminal(fileDescriptor: Terminal.standardErrorDescriptor)
        let shown = Progress.onStandardError(label: "x", total: 1, isSuppressed: false)
        #expect(shown.isEnabled == isTerminal)
    }

    @Test("A closed descriptor is not a terminal")
    func closedDescriptor() {
        #expect(!Terminal.isTerminal(fileDescriptor: -1))
    }
}

@Suite struct ExitCodeTests {
    @Test("Exit codes keep their sysexits values", arguments: [
        (ExitCode.success, Int32(0)), (.usage, 64), (.dataError, 65), (.noInput, 66),
        (.software, 70), (.ioError, 74), (.tempFailure, 75),
    ])
    func values(code: ExitCode, value: Int32) {
        #expect(code.rawValue == value)
    }

    @Test("Every exit code is covered by the table above")
    func count() {
        #expect(ExitCode.allCases.count == 7)
    }
}
