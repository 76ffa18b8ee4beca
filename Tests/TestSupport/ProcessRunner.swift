import Foundation

/// What a finished child process printed and how it ended.
public struct ProcessResult: Sendable, Equatable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
}

/// Runs executables to completion for end-to-end tests (the `sqlite3` shell, `python3`, CLIs).
public enum ProcessRunner {
    /// Runs `executable` with `arguments`, feeding `input` on stdin, and waits for it.
    /// - Throws: When the process cannot be started.
    public static func run(
        _ executable: String, _ arguments: [String], input: String = ""
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes before waiting, so a chatty child cannot block on a full pipe.
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus,
            standardOutput: String(decoding: out, as: UTF8.self),
            standardError: String(decoding: err, as: UTF8.self))
    }

    /// Runs the `sqlite3` shell on `database` with `sql` on stdin.
    public static func sqlite3(_ database: String, _ sql: String) throws -> ProcessResult {
        try run("/usr/bin/sqlite3", ["-batch", database], input: sql)
    }
}
