import CommandLineKit

/// What a command prints: the same answer as text for people and as one JSON document.
///
/// Commands build both; the run prints the one `--json` asks for. Building the text of a
/// small answer costs nothing next to opening the store, and keeps each command one function.
struct CommandOutput {
    /// Aligned, human-readable text, ending with a newline.
    var text: String
    /// The `--json` document.
    var json: JSONValue
    /// A failure to report after printing the answer (`verify` found a mismatch: the report
    /// goes to stdout, the one-line error to stderr, and the run exits 65).
    var failure: CommandFailure?
    /// True when the command already wrote its answer to stdout (`export` streams its lines).
    var isAlreadyWritten = false

    /// The answer of a command that streamed its output itself.
    static let alreadyWritten: CommandOutput = {
        var output = CommandOutput(text: "", json: .null)
        output.isAlreadyWritten = true
        return output
    }()

    init(text: String, json: JSONValue, failure: CommandFailure? = nil) {
        self.text = text
        self.json = json
        self.failure = failure
    }
}
