import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `loan restructure LOAN --term N --on D --reason T`.
    struct LoanRestructure: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "restructure",
            abstract: "Replace a loan's schedule by a negotiated equal-installment one.",
            discussion: LoanArguments.reasonNote + " The unpaid principal and due interest become "
                + "the new principal over 3 to 36 months; penalty so far is waived.",
            examples: ["loanctl loan restructure L-1 --term 24 --on 2026-06-01 "
                + "--reason 'hardship'"],
            arguments: [LoanArguments.loan],
            options: [
                .value("term", valueName: "N",
                       help: "The new number of monthly installments, 3 to 36.",
                       isRequired: true),
                GlobalOptions.on("The negotiated date, YYYY-MM-DD."),
            ]
        )

        let loan: LoanID
        let term: Int64
        let on: BusinessDate
        let metadata: CommandMetadata

        init(validating invocation: Invocation) throws {
            loan = try invocation.loanArgument()
            term = try invocation.wholeNumber("term")
            on = try invocation.date("on")
            metadata = try invocation.metadata(reason: try invocation.reason())
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let outcome = try invocation.execute(
                .restructure(loan: loan, termMonths: term, on: on), metadata: metadata)
            var report = WriteReport(outcome)
            report.add("loan", .string(loan.rawValue))
            report.add("term", .integer(term))
            let restructured = LoanFigures.events(outcome) { event -> RestructureOutcome? in
                if case .loanRestructured(let e) = event { return e.outcome }
                return nil
            }
            if let result = restructured.first {
                report.add("newPrincipal", Format.money(result.newPrincipal))
                report.add("capitalisedInterest", Format.money(result.capitalisedInterest))
                report.add("waivedPenalty", Format.money(result.waivedPenalty))
                report.add("droppedInterest", Format.money(result.droppedInterest))
                let (json, text) = LoanFigures.schedule(result.newSchedule)
                report.add("schedule", json, text: text)
            }
            return report.output
        }
    }
}
