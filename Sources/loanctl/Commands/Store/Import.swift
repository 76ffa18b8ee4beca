import CommandLineKit
import Foundation
import LoanLedger

extension LoanCtl {
    /// `import FILE`.
    struct Import: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "import",
            abstract: "Load an exported log into an empty store, all or nothing.",
            discussion: "Every hash is checked as the events are restored; then the read models "
                + "are rebuilt. A store that already holds events is refused.",
            examples: ["loanctl --db restored.sqlite import backup.jsonl"],
            arguments: [ArgumentSpec(name: "FILE", help: "The JSON Lines file made by 'export'.")]
        )

        let file: String

        init(validating invocation: Invocation) throws {
            file = try invocation.argument("FILE")
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure(message: "file '\(file)' does not exist or cannot be read",
                                     exitCode: .noInput)
            }
            let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
                .map { Array($0) }
            let path = invocation.databasePath
            let existed = FileManager.default.fileExists(atPath: path)
            let progress = ProgressReporter(label: "import", isSuppressed: invocation.isJSON)
            defer { progress.finish() }
            do {
                let ledger = try invocation.openLedger(.write)
                let count = try ledger.importLog(lines: lines) { done, total in
                    progress.update(done, total)
                }
                let head = try ledger.dayStatus().head
                let text = "imported \(count) events; head anchor \(head.anchor)\n"
                return CommandOutput(text: text, json: .object([
                    ("events", .integer(count)), ("anchor", .string(head.anchor)),
                ]))
            } catch {
                // All or nothing: a store this command created is removed again.
                if !existed {
                    for suffix in ["", "-wal", "-shm", "-journal"] {
                        try? FileManager.default.removeItem(atPath: path + suffix)
                    }
                }
                throw error
            }
        }
    }
}
