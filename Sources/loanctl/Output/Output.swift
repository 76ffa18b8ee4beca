import Foundation

/// Writes to the standard streams without buffering surprises at exit.
enum Output {
    /// Writes `text` to standard output.
    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` to standard error.
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
