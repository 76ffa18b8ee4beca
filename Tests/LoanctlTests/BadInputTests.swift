import Foundation
import Testing

/// One command line that loanctl must refuse, with the exit status and the part of the
/// one-line error that names the field or rule.
struct BadInputCase: Sendable, CustomTestStringConvertible {
    /// The exit statuses of CLI.md's table that a refusal can have.
    enum Exit: Int32, Sendable {
        case usage = 64, refused = 65, notFound = 66, storage = 74
    }

    let name: String
    let arguments: [String]
    let exit: Exit
    let message: String

    init(_ name: String, _ arguments: [String], _ exit: Exit, _ message: String) {
        self.name = name
        self.arguments = arguments
        self.exit = exit
        self.message = message
    }

    var testDescription: String { name }
}

// MARK: - Builders for the catalogue: values are valid unless a case overrides one.

/// Words split at spaces: for lines whose values hold no space.
private func words(_ text: String) -> [String] {
    text.split(separator: " ").map(String.init)
}

private func repay(
    amount: String = "100", on: String = "2026-03-20", ref: String = "P-9",
    loan: String = "L-1", extra: [String] = []
) -> [String] {
    ["loan", "repay", loan, "--amount", amount, "--on", on, "--ref", ref] + extra
}

private func disburse(
    loan: String = "L-9", cust: String = "C-1", amount: String = "1000", term: String = "6",
    method: String = "equal-installment", rate: String = "0.0004",
    on: String = "2026-03-20", extra: [String] = []
) -> [String] {
    ["loan", "disburse", loan, "--customer", cust, "--amount", amount, "--term", term,
     "--method", method, "--daily-rate", rate, "--on", on] + extra
}

private func call(
    _ at: String, loan: String = "L-1", channel: String = "call", by: String = "ops.li"
) -> [String] {
    ["collection", "record", loan, "--channel", channel, "--at", at, "--by", by]
}

/// Every value wrong on its face exits 64, every refusal by a rule 65, every unknown name 66,
/// each with a one-line error naming the field or rule — and the store stays as it was.
@Suite("Bad input is refused and leaves the store unchanged")
struct BadInputTests {
    static let cases: [BadInputCase] = [
        // Amounts
        .init("amount with three decimals", repay(amount: "12.345"), .usage,
              "amount '12.345' — must have at most 2 decimal places"),
        .init("negative amount", repay(amount: "-5"), .usage,
              "amount '-5' — must be yuan with at most 2 decimals"),
        .init("amount not a number", repay(amount: "abc"), .usage, "amount 'abc' — must be yuan"),
        .init("amount with exponent", repay(amount: "1e3"), .usage,
              "amount '1e3' — must be yuan with at most 2 decimals"),
        .init("empty amount", repay(amount: ""), .usage,
              "amount '' — must be yuan with at most 2 decimals"),
        .init("zero amount", repay(amount: "0"), .usage, "amount '0' — must be above zero"),
        .init("limit with three decimals", words("credit open C-9 --limit 1.001 --on 2026-03-20"),
              .usage, "limit '1.001'"),
        .init("limit above the maximum",
              words("credit open C-9 --limit 1000000.01 --on 2026-03-20"),
              .usage, "limit '1000000.01' — must be between 0.00 and 1000000.00"),
        // Dates
        .init("February 30th", repay(on: "2026-02-30"), .usage,
              "on '2026-02-30' — is not a calendar date"),
        .init("month 13", repay(on: "2026-13-01"), .usage,
              "on '2026-13-01' — is not a calendar date"),
        .init("two-digit year", repay(on: "26-01-01"), .usage,
              "on '26-01-01' — must be a date YYYY-MM-DD"),
        .init("as-of not a date", words("loan show L-1 --as-of yesterday"), .usage,
              "as-of 'yesterday' — must be a date YYYY-MM-DD"),
        .init("through not a date", words("day close --through 2026/03/19"), .usage,
              "through '2026/03/19' — must be a date YYYY-MM-DD"),
        // Times
        .init("time without offset", call("2026-03-20T10:00:00"), .usage,
              "at '2026-03-20T10:00:00' — must be a time with offset"),
        .init("hour 25", call("2026-03-20T25:00:00+08:00"), .usage,
              "at '2026-03-20T25:00:00+08:00' — must be a time with offset"),
        .init("time that is only a date", call("2026-03-20"), .usage,
              "at '2026-03-20' — must be a time with offset"),
        // Rates
        .init("rate with a letter", disburse(rate: "0.0004x"), .usage,
              "daily-rate '0.0004x' — must be a decimal daily rate"),
        .init("rate with seven decimals", disburse(rate: "0.0000001"), .usage,
              "daily-rate '0.0000001' — must have at most 6 decimal places"),
        .init("rate above 36 % a year", disburse(rate: "0.001"), .usage,
              "daily-rate '0.001' — annualised rate"),
        .init("zero rate", disburse(rate: "0"), .usage, "daily-rate '0' — must be above zero"),
        // Ids
        .init("empty loan id", ["loan", "show", ""], .usage, "loan '' — must be 1-64 characters"),
        .init("65-character loan id", ["loan", "show", String(repeating: "L", count: 65)], .usage,
              "' — must be 1-64 characters of A-Z a-z 0-9 - _ . :"),
        .init("customer id with a space", ["credit", "show", "C 1"], .usage,
              "customer 'C 1' — must be 1-64 characters"),
        .init("customer id with é", words("credit show Cé"), .usage,
              "customer 'Cé' — must be 1-64 characters"),
        .init("reference with a slash", repay(ref: "P/1"), .usage,
              "ref 'P/1' — must be 1-64 characters"),
        .init("actor with a space", ["--actor", "ops wang"]+repay(), .usage,
              "actor 'ops wang' — must be 1-64 characters"),
        .init("request id with a space", ["--request-id", "r 1"]+repay(), .usage,
              "request-id 'r 1' — must be 1 to 64 characters"),
        .init("collector list with an empty name", call("2026-03-20T10:00:00+08:00", by: "ops.li,"),
              .usage, "by 'ops.li,' — must be actor ids"),
        // Product bounds on their face
        .init("principal 9.99", disburse(amount: "9.99"), .usage,
              "amount '9.99' — loan principal must be between 10.00 and 200000.00"),
        .init("principal 200000.01", disburse(amount: "200000.01"), .usage,
              "amount '200000.01' — loan principal must be between 10.00 and 200000.00"),
        .init("term 4", disburse(term: "4"), .usage, "term '4' — must be 3, 6, 9 or 12 months"),
        .init("term not a number", disburse(term: "six"), .usage,
              "term 'six' — must be a whole number"),
        .init("grace 16 days", disburse(extra: ["--grace-days", "16"]), .usage,
              "grace-days '16' — must be 0 to 15"),
        .init("unknown method", disburse(method: "balloon"), .usage,
              "method 'balloon' — must be equal-installment"),
        .init("unknown channel", call("2026-03-20T10:00:00+08:00", channel: "fax"), .usage,
              "channel 'fax' — must be sms, push, email, call, agency, visit or legal"),
        .init("unknown stage", words("collection queue --stage lost"), .usage,
              "stage 'lost' — must be current, grace, early, mid or late"),
        .init("unknown dispute outcome",
              words("dispute resolve L-2 --on 2026-03-20 --outcome maybe --note n"),
              .usage, "outcome 'maybe' — must be upheld or rejected"),
        // Dates after today
        .init("repayment dated tomorrow", repay(on: "2026-03-21"), .usage,
              "a fact cannot be dated after today (2026-03-20)"),
        .init("line opened tomorrow", words("credit open C-9 --limit 100 --on 2026-03-21"), .usage,
              "on '2026-03-21' — a fact cannot be dated after today (2026-03-20)"),
        .init("day close past today", words("day close --through 2026-03-21"), .usage,
              "through '2026-03-21' — end of day cannot run past today"),
        .init("collection action later today", call("2026-03-20T10:30:00+08:00"), .usage,
              "an action cannot be recorded after now (2026-03-20T10:00:00+08:00)"),
        .init("collection action tomorrow", call("2026-03-21T10:00:00+08:00"), .usage,
              "a fact cannot be dated after today (2026-03-20)"),
        // Not found
        .init("unknown customer", words("credit show C-404"), .notFound,
              "customer 'C-404' not found"),
        .init("unknown customer history", words("credit history C-404"), .notFound,
              "customer 'C-404' not found"),
        .init("unknown loan", words("loan show L-404"), .notFound, "loan 'L-404' not found"),
        .init("repay an unknown loan", repay(loan: "L-404"), .notFound, "loan 'L-404' not found"),
        .init("payoff of an unknown loan", words("loan payoff L-404 --on 2026-03-20"), .notFound,
              "loan 'L-404' not found"),
        .init("reverse an unknown reference",
              words("loan reverse L-1 --ref P-404 --on 2026-03-20 --reason bounced"),
              .notFound, "repayment ref 'P-404' not found"),
        .init("disburse for an unknown customer", disburse(cust: "C-404"), .notFound,
              "customer 'C-404' not found"),
        // Refused by state
        .init("line frozen", disburse(cust: "C-2"), .refused,
              "credit line of 'C-2' is frozen (manual) — line-frozen"),
        .init("line closed", disburse(cust: "C-3"), .refused,
              "credit line of 'C-3' is closed: no new loans — line-closed"),
        .init("not enough credit", disburse(cust: "C-4", amount: "200"), .refused,
              "amount '200.00' exceeds available credit '100.00' of customer 'C-4'"),
        .init("above payoff", repay(amount: "99999"), .refused,
              "exceeds payoff '9388.58' on 2026-03-20 of loan 'L-1' — above-payoff"),
        .init("duplicate loan id", disburse(loan: "L-1", cust: "C-4", amount: "50"), .refused,
              "loan 'L-1' already exists"),
        .init("reference reused with another amount",
              repay(amount: "100", on: "2026-02-05", ref: "P-1"),
              .refused, "ref 'P-1' was already used with other values"),
        .init("channel not allowed at the stage",
              call("2026-03-20T10:00:00+08:00", channel: "legal"),
              .refused, "channel 'legal' is not allowed at stage 'early' (DPD 15)"),
        .init("contact at 07:59", call("2026-03-20T07:59:00+08:00"), .refused,
              "call at 07:59 on 2026-03-20 is outside contact hours 08:00–21:00"),
        .init("contact at 21:00", call("2026-03-19T21:00:00+08:00"), .refused,
              "call at 21:00 on 2026-03-19 is outside contact hours"),
        .init("contact at 07:59 Shanghai given in UTC", call("2026-03-19T23:59:00Z"), .refused,
              "call at 07:59 on 2026-03-20 is outside contact hours"),
        .init("fourth call in a day", call("2026-03-19T13:00:00+08:00", loan: "L-5"), .refused,
              "would be call 4 on loan 'L-5' that day; at most 3 calls"),
        .init("collection while a dispute is open",
              call("2026-03-20T10:00:00+08:00", loan: "L-2", channel: "sms"),
              .refused, "paused while a dispute is open; sms refused"),
        .init("second dispute on a loan", words("dispute open L-2 --on 2026-03-20 --reason again"),
              .refused, "loan 'L-2' already has an open dispute"),
        .init("reopen while overdue",
              words("credit reopen C-5 --limit 1000 --on 2026-03-20 --reason settled"),
              .refused, "loan 'L-5' is overdue (DPD 130) — reopen-while-overdue"),
        .init("write-off before DPD 91", words("loan write-off L-1 --on 2026-03-20 --reason gone"),
              .refused, "write-off needs DPD 91 or more"),
        .init("unfreeze a line without a manual freeze",
              words("credit unfreeze C-1 --on 2026-03-20 --reason ok"),
              .refused, "credit line of 'C-1' has no manual freeze to lift"),
        .init("queue for an unknown stage", words("collection queue --stage overdue"),
              .usage, "stage 'overdue'"),
        // Time travel and anchors
        .init("malformed known-at", words("loan show L-1 --known-at yesterday"), .usage,
              "known-at 'yesterday' — must be position:N or an RFC 3339 time"),
        .init("negative known-at position", words("credit show C-1 --known-at position:-1"), .usage,
              "known-at 'position:-1' — must be position:N"),
        .init("unknown projection", words("rebuild --projection balances"), .usage,
              "projection 'balances' — must be one of: read-models"),
        .init("malformed expect-head", words("verify --expect-head 12:abc"), .usage,
              "expect-head '12:abc' — must be POSITION:HASH"),
        // Command line shape
        .init("unknown option", repay(extra: ["--amout", "5"]), .usage,
              "unknown option '--amout' — not an option of 'loanctl loan repay'"),
        .init("repeated option", repay(extra: ["--amount", "5"]), .usage,
              "option '--amount' given twice — each option may appear once"),
        .init("missing value", words("loan show L-1 --as-of"), .usage,
              "missing value for option '--as-of'"),
        .init("missing required option", words("loan repay L-1 --amount 5 --on 2026-03-20"), .usage,
              "missing required option '--ref'"),
        .init("missing reason", words("credit freeze C-1 --on 2026-03-20"), .usage,
              "missing required option '--reason' — give '--reason TEXT'"),
        .init("missing argument", words("loan show"), .usage, "missing argument 'LOAN'"),
        .init("extra argument", words("loan show L-1 L-2"), .usage, "unexpected argument 'L-2'"),
        .init("unknown command", words("loan borrow L-1"), .usage,
              "unknown command 'borrow' — 'loanctl loan' expects one of: disburse"),
        .init("group without a command", words("credit"), .usage, "loanctl: missing command"),
        .init("flag given a value", ["--json=yes", "day", "status"], .usage,
              "flag '--json' given a value"),
    ]

    @Test("The catalogue has at least 60 cases")
    func catalogueSize() {
        #expect(BadInputTests.cases.count >= 60)
    }

    @Test("A refused command exits with its status, names the rule, and writes nothing",
          arguments: BadInputTests.cases)
    func refused(_ badInput: BadInputCase) throws {
        let book = try BookFixture.get()
        let result = try book.loanctl.run(badInput.arguments)
        #expect(result.status == badInput.exit.rawValue, "stderr: \(result.standardError)")
        #expect(result.standardError.hasPrefix("loanctl: "))
        #expect(result.standardError.contains(badInput.message),
                "stderr: \(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        if badInput.exit == .usage && badInput.name != "group without a command" {
            let lines = result.standardError.split(separator: "\n")
            #expect(lines.count == 2, "one error line, then the usage line")
            #expect(lines.last?.hasPrefix("usage: loanctl") == true)
        } else if badInput.exit != .usage {
            #expect(result.standardError.split(separator: "\n").count == 1)
        }
        #expect(try book.loanctl.anchor() == book.anchor)
    }
}
