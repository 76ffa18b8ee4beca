import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `loan write-off LOAN --on D --reason T`.
    struct LoanWriteOff: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "write-off",
            abstract: "Write off a loan from DPD 91: all unpaid amounts, accrual stops.",
            discussion: LoanArguments.reasonNote,
            examples: ["loanctl loan write-off L-1 --on 2026-08-01 --reason 'uncollectable'"],
            arguments: [LoanArguments.loan],
            options: [GlobalOptions.on("The day of the write-off, YYYY-MM-DD.")]
        )

        let loan: LoanID
        let on: BusinessDate
        let metadata: CommandMetadata

        init(validating invocation: Invocation) throws {
            loan = try invocation.loanArgument()
            on = try invocation.date("on")
            metadata = try invocation.metadata(reason: try invocation.reason())
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let outcome = try invocation.execute(.writeOff(loan: loan, on: on), metadata: metadata)
            var report = WriteReport(outcome)
            report.add("loan", .string(loan.rawValue))
            let written = LoanFigures.events(outcome) { event -> LoanWrittenOff? in
                if case .loanWrittenOff(let e) = event { return e }
                return nil
            }
            if let writeOff = written.first {
                report.add("principal", Format.money(writeOff.principal))
                report.add("interest", Format.money(writeOff.interest))
                report.add("penalty", Format.money(writeOff.penalty))
            }
            return report.output
        }
    }
}
