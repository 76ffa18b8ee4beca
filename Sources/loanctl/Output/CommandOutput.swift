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
}
