import CommandLineKit
import Lending
import LoanLedger

extension LoanCtl {
    /// `loan disburse LOAN --customer C --amount A --term N --method M --daily-rate R --on D
    /// [--grace-days G]`.
    struct LoanDisburse: LoanCtlCommand {
        static let configuration = CommandSpec(
            name: "disburse",
            abstract: "Draw a loan on a customer's credit line.",
            discussion: "Principal 10.00 to 200000.00 yuan; term 3, 6, 9 or 12 months; method "
                + "equal-installment, equal-principal or interest-first; daily rate with at most "
                + "6 decimals and at most 36 % a year; grace 0 to 15 days (3 by default).",
            examples: ["loanctl loan disburse L-1 --customer C-1 --amount 10000 --term 12 "
                + "--method equal-installment --daily-rate 0.0004 --on 2026-03-01"],
            arguments: [LoanArguments.loan],
            options: [
                .value("customer", valueName: "C", help: "The customer whose line is drawn.",
                       isRequired: true),
                LoanArguments.amount("The principal in yuan, 10.00 to 200000.00."),
                .value("term", valueName: "N",
                       help: "The number of monthly installments: 3, 6, 9 or 12.",
                       isRequired: true),
                .value("method", valueName: "M",
                       help: "The schedule: equal-installment, equal-principal or interest-first.",
                       isRequired: true),
                .value("daily-rate", valueName: "R",
                       help: "The daily interest rate, such as 0.0004.",
                       isRequired: true),
                GlobalOptions.on("The disbursement date, YYYY-MM-DD."),
                .value("grace-days", valueName: "G",
                       help: "Days after a due date without penalty, 0 to 15; 3 by default."),
            ]
        )

        let customer: CustomerID
        let request: DisbursementRequest
        let metadata: CommandMetadata

        init(validating invocation: Invocation) throws {
            let loan = try invocation.loanArgument()
            customer = try CustomerID(try invocation.required("customer"))
            let principal = try invocation.amount("amount")
            let term = try invocation.wholeNumber("term")
            let method = try RepaymentMethod(parsing: try invocation.required("method"))
            let rate = try DailyRate(decimal: try invocation.required("daily-rate"))
            let on = try invocation.date("on")
            let grace = invocation.parsed.value("grace-days") == nil
                ? LendingLimits.graceDaysDefault : try invocation.wholeNumber("grace-days")
            let terms = LoanTerms(dailyRate: rate, method: method, termMonths: term,
                                  graceDays: grace)
            request = try DisbursementRequest(loanId: loan, principal: principal, terms: terms,
                                              on: on)
            metadata = try invocation.metadata(reason: nil)
        }

        func run(_ invocation: Invocation) throws -> CommandOutput {
            let outcome = try invocation.execute(.disburse(request), for: customer,
                                                 metadata: metadata)
            var report = WriteReport(outcome)
            report.add("loan", .string(request.loanId.rawValue))
            report.add("principal", Format.money(request.principal))
            report.add("term", .integer(request.terms.termMonths))
            report.add("method", .string(request.terms.method.rawValue))
            report.add("dailyRate", .string(request.terms.dailyRate.description))
            report.add("graceDays", .integer(request.terms.graceDays))
            let contracts = LoanFigures.events(outcome) { event -> LoanContract? in
                if case .loanDisbursed(let e) = event { return e.contract }
                return nil
            }
            if let contract = contracts.first {
                let (json, text) = LoanFigures.schedule(contract.schedule)
                report.add("schedule", json, text: text)
            }
            return report.output
        }
    }
}
