import CommandLineKit
import EventStore
import LoanLedger

extension LoanCtl {
    /// `verify [--expect-head POSITION:HASH]`.
    struct Verify: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "verify",
            abstract: "Check the hash chain and that the read models equal a fresh replay.",
            discussion: "With --expect-head, also check the log against an anchor kept from "
                + "'day status' or an export. A mismatch exits 65 and names the first bad "
                + "position.",
            examples: ["loanctl verify --expect-head 42:9f86d081884c7d659a2feaa0c55ad015"
                + "a3bf4f1b2b0b822cd15d6c15b0f00a08"],
            options: [.value("expect-head", valueName: "POSITION:HASH",
                             help: "An anchor kept earlier, as printed by 'day status'.")]
        )

        let expectHead: ChainHead?

        init(validating invocation: Invocation) throws {
            if let text = invocation.parsed.value("expect-head") {
                do {
                    expectHead = try ChainHead(parsing: text)
                } catch {
                    throw CommandFailure.invalid(
                        "expect-head", text,
                        "must be POSITION:HASH with a position ≥ 0 and 64 hexadecimal digits")
                }
            } else {
                expectHead = nil
            }
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let ledger = try invocation.openLedger(.read)
            let progress = ProgressReporter(label: "verify", isSuppressed: invocation.isJSON)
            defer { progress.finish() }
            let result = try ledger.verify(expectHead: expectHead) { done, total in
                progress.update(done, total)
            }
            return Verify.output(result, expectHead: expectHead)
        }

        static func output(_ result: LedgerVerification, expectHead: ChainHead?) -> CommandOutput {
            let chain = result.chain
            var block = KeyValueBlock()
            block.append("events checked", String(chain.checkedCount))
            block.append("head", chain.head.description)
            block.append("anchor", expectHead?.description ?? "none given")
            block.append("chain", chain.isIntact ? "intact"
                         : "broken at position \(chain.firstBadPosition ?? 0)")
            block.append("read models", result.readModelDifference == nil
                         ? (chain.isIntact ? "equal a fresh replay (\(result.rowsCompared) rows)"
                            : "not compared") : "differ")
            let json = JSONValue.object([
                ("intact", .bool(result.isIntact)),
                ("eventsChecked", .integer(chain.checkedCount)),
                ("head", .string(chain.head.description)),
                ("firstBadPosition", chain.firstBadPosition.map { .integer($0) } ?? .null),
                ("problem", chain.problem.map { .string($0) } ?? .null),
                ("readModelDifference", result.readModelDifference.map { .string($0) } ?? .null),
                ("rowsCompared", .integer(Int64(result.rowsCompared))),
            ])
            var failure: CommandFailure?
            if let position = chain.firstBadPosition {
                failure = CommandFailure(
                    message: "verify found a mismatch at position \(position) — "
                        + (chain.problem ?? "the hash chain does not match"),
                    exitCode: .dataError)
            } else if let difference = result.readModelDifference {
                failure = CommandFailure(
                    message: "verify found a mismatch — \(difference)", exitCode: .dataError)
            }
            return CommandOutput(text: block.render(), json: json, failure: failure)
        }
    }
}
