import CommandLineKit
import Foundation
import Lending
import LoanLedger

extension LoanCtl {
    /// `investigate LOAN [--html FILE]`.
    struct Investigate: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "investigate",
            abstract: "Tell the story of a debt: events in business order, balances, then vs now.",
            discussion: "Every event of the loan with the balance after it, the collection "
                + "actions, "
                + "and the days where what was known then differs from what is known now. --html "
                + "also writes a self-contained page with a balance-over-time chart.",
            examples: ["loanctl investigate L-1 --html L-1.html"],
            arguments: [LoanArguments.loan],
            options: [.value("html", valueName: "FILE",
                             help: "Also write the story as one self-contained HTML page.")]
        )

        let loan: LoanID
        let htmlPath: String?

        init(validating invocation: Invocation) throws {
            loan = try invocation.loanArgument()
            htmlPath = invocation.parsed.value("html")
            if let htmlPath, htmlPath.isEmpty {
                throw CommandFailure.invalid("html", htmlPath, "must name a file")
            }
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let story = try invocation.openLedger(.read).investigate(loan)
            var text = InvestigationReport.text(story)
            if let htmlPath {
                do {
                    try Data(InvestigationReport.html(story).utf8)
                        .write(to: URL(fileURLWithPath: htmlPath), options: .atomic)
                } catch {
                    throw CommandFailure(message: "html '\(htmlPath)' — cannot write: "
                                         + error.localizedDescription, exitCode: .ioError)
                }
                text += "\nHTML report written to \(htmlPath)\n"
            }
            return CommandOutput(text: text, json: InvestigationJSON.document(story))
        }
    }
}
