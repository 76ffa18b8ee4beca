import CommandLineKit
import Foundation
import LoanLedger

extension LoanCtl {
    /// `export [--out FILE]`.
    struct Export: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "export",
            abstract: "Write the log as JSON Lines, one event a line, with positions and hashes.",
            discussion: "Without --out the lines go to stdout (with or without --json). With --out "
                + "the file is written whole or not at all, and the head anchor is printed.",
            examples: ["loanctl export --out backup.jsonl"],
            options: [.value("out", valueName: "FILE",
                             help: "The file to write instead of stdout.")]
        )

        let out: String?

        init(validating invocation: Invocation) throws {
            out = invocation.parsed.value("out")
            if let out, out.isEmpty {
                throw CommandFailure.invalid("out", out, "must name a file")
            }
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let ledger = try invocation.openLedger(.read)
            guard let out else {
                try ledger.export { bytes in try Output.standardOutput(bytes: bytes) }
                return .alreadyWritten
            }
            var data = Data()
            let count = try ledger.export { bytes in data.append(contentsOf: bytes) }
            let head = try ledger.dayStatus().head
            do {
                // Write beside the target and rename, so a reader never sees half a file.
                try data.write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw CommandFailure(message: "out '\(out)' — cannot write: "
                                     + error.localizedDescription, exitCode: .ioError)
            }
            let text = "exported \(count) events to \(out); head anchor \(head.anchor)\n"
            return CommandOutput(text: text, json: .object([
                ("events", .integer(count)), ("out", .string(out)),
                ("anchor", .string(head.anchor)),
            ]))
        }
    }
}
