import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `loan payoff LOAN --on D`.
    struct LoanPayoff: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "payoff",
            abstract: "Quote the amount that settles a loan on a date, with its parts.",
            examples: ["loanctl loan payoff L-1 --on 2026-04-15 --json"],
            arguments: [LoanArguments.loan],
            options: [GlobalOptions.on("The settlement date, YYYY-MM-DD; may be in the future.")]
        )

        let loan: LoanID
        let on: BusinessDate

        init(validating invocation: Invocation) throws {
            loan = try invocation.loanArgument()
            on = try invocation.date("on")
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let quote = try invocation.openLedger(.read).payoff(loan, on: on)
            let json = JSONValue.object([
                ("loan", .string(loan.rawValue)),
                ("date", Format.date(quote.date)),
                ("amount", Format.money(quote.amount)),
                ("principal", Format.money(quote.principal)),
                ("interest", Format.money(quote.interest)),
                ("penalty", Format.money(quote.penalty)),
            ])
            var block = KeyValueBlock()
            block.append("loan", loan.rawValue)
            block.append("date", quote.date.description)
            var table = TextTable(columns: [.init("PART"), .init("AMOUNT", alignment: .right)])
            table.append(["principal", quote.principal.description])
            table.append(["interest", quote.interest.description])
            table.append(["penalty", quote.penalty.description])
            if quote.refundShortfall.isPositive {
                table.append(["refund shortfall", quote.refundShortfall.description])
            }
            table.append(["payoff", quote.amount.description])
            return CommandOutput(text: block.render() + "\n" + table.render(), json: json)
        }
    }
}
