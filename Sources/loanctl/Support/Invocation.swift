import CommandLineKit
import EventStore
import Foundation
import Lending
import LoanLedger

/// One run of loanctl: the parsed command line, the environment and the clock, with the
/// helpers commands use to read their values on their face and to open the store.
///
/// Every reader here throws a usage failure (exit 64) naming the option, and none touches the
/// store, so a command can check all of its input before it opens anything (STYLE.md point 7).
struct Invocation {
    /// The parsed command line, with environment and defaults applied.
    let parsed: ParsedCommand
    /// The process environment.
    let environment: [String: String]
    /// "Now": the wall clock, or the instant `LOANCTL_NOW` names.
    let clock: any SystemClock

    /// The variable that stops the clock at one instant (tests and documented examples).
    static let nowVariable = "LOANCTL_NOW"

    /// Builds the run, reading `LOANCTL_NOW` when set.
    ///
    /// - Throws: ``CommandFailure`` (64) when `LOANCTL_NOW` is not an RFC 3339 time.
    init(parsed: ParsedCommand, environment: [String: String]) throws {
        self.parsed = parsed
        self.environment = environment
        self.clock = try Invocation.clock(from: environment)
    }

    /// The wall clock, or a ``FixedClock`` at `LOANCTL_NOW`.
    static func clock(from environment: [String: String]) throws -> any SystemClock {
        guard let text = environment[nowVariable], !text.isEmpty else { return WallClock() }
        do {
            let time = try LocalTime(rfc3339: text, field: nowVariable)
            return FixedClock(microseconds: time.unixSeconds * 1_000_000)
        } catch {
            throw CommandFailure(message: error.description, exitCode: .usage)
        }
    }

    /// Whether `--json` was given.
    var isJSON: Bool { parsed.flag("json") }

    /// The store path from `--db`, `LOANCTL_DB` or the default.
    var databasePath: String { parsed.value("db") ?? GlobalOptions.databaseDefault }

    /// Opens the store for reading (it must exist, and is never written) or writing (a
    /// missing SQLite store is created). A `postgres://` URL opens the PostgreSQL store.
    ///
    /// - Throws: ``LedgerError`` — store missing or not a store (66), storage failure or
    ///   server unreachable (74).
    func openLedger(_ access: Ledger.Access) throws -> Ledger {
        try Ledger.open(path: databasePath, access: access, clock: clock)
    }

    /// Today's business date in Asia/Shanghai, from the clock.
    var today: BusinessDate {
        LocalTime(unixSeconds: clock.nowMicroseconds() / 1_000_000).date
    }
}

// MARK: - Reading values on their face

extension Invocation {
    /// A positional argument as typed.
    func argument(_ name: String) throws -> String {
        try parsed.positional(name)
    }

    /// An option that this command needs.
    func required(_ option: String) throws -> String {
        try parsed.require(option)
    }

    /// An amount in yuan (`899.75`) that must be above zero.
    func positiveAmount(_ option: String) throws -> Money {
        let text = try required(option)
        let amount = try Money(yuan: text, field: option)
        guard amount.isPositive else {
            throw CommandFailure.invalid(option, text, "must be above zero")
        }
        return amount
    }

    /// An amount in yuan that may be zero (a credit limit).
    func amount(_ option: String) throws -> Money {
        try Money(yuan: try required(option), field: option)
    }

    /// A business date (`2026-03-05`) this command needs.
    func date(_ option: String) throws -> BusinessDate {
        try BusinessDate(parsing: try required(option), field: option)
    }

    /// A business date, or `nil` when the option was not given.
    func optionalDate(_ option: String) throws -> BusinessDate? {
        guard let text = parsed.value(option) else { return nil }
        return try BusinessDate(parsing: text, field: option)
    }

    /// `--known-at`: `position:N` or an RFC 3339 time; `nil` when not given.
    func knownAt() throws -> KnownAt? {
        guard let text = parsed.value("known-at") else { return nil }
        return try KnownAt(parsing: text)
    }

    /// A whole number (months, days); the library checks its range with the rule's message.
    func wholeNumber(_ option: String) throws -> Int64 {
        let text = try required(option)
        guard !text.isEmpty, text.utf8.count <= 9, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let value = Int64(text)
        else { throw CommandFailure.invalid(option, text, "must be a whole number") }
        return value
    }

    /// The loan named by the `LOAN` argument.
    func loanArgument() throws -> LoanID { try LoanID(try argument("LOAN")) }

    /// The customer named by the `CUSTOMER` argument.
    func customerArgument() throws -> CustomerID { try CustomerID(try argument("CUSTOMER")) }

    /// `--reason`, required by this command.
    func reason() throws -> String {
        let text = try required("reason")
        try Invocation.checkFreeText(text, field: "reason")
        return text
    }

    /// Who runs a write command, why, and its request id.
    ///
    /// The actor is `--actor`, else `LOANCTL_ACTOR`, else the operating-system user name.
    func metadata(reason: String?) throws -> CommandMetadata {
        let actorText = parsed.value("actor") ?? Invocation.systemUserName(environment)
        guard let actorText else {
            throw CommandFailure.invalid("actor", "", "give --actor NAME or set LOANCTL_ACTOR")
        }
        let actor = try ActorID(actorText)
        var requestId: String?
        if let text = parsed.value("request-id") {
            requestId = try Invocation.requestId(text)
        }
        if reason == nil, let given = parsed.value("reason") {
            try Invocation.checkFreeText(given, field: "reason")
            return CommandMetadata(actor: actor, reason: given, requestId: requestId)
        }
        return CommandMetadata(actor: actor, reason: reason, requestId: requestId)
    }

    /// A request id: the identifier shape of PRODUCT-RULES.md (1–64 of `A-Z a-z 0-9 - _ . :`).
    static func requestId(_ text: String) throws -> String {
        guard ActorID.isValid(text) else {
            throw CommandFailure.invalid(
                "request-id", text, "must be 1 to 64 characters of A-Z a-z 0-9 - _ . :")
        }
        return text
    }

    /// Free text (a reason, a note): one line, 1 to 500 characters.
    static func checkFreeText(_ text: String, field: String) throws {
        guard !text.isEmpty, text.count <= freeTextLengthMax else {
            throw CommandFailure.invalid(field, String(text.prefix(40)),
                                         "must be 1 to \(freeTextLengthMax) characters")
        }
        guard !text.contains(where: \.isNewline) else {
            throw CommandFailure.invalid(field, String(text.prefix(40)), "must be one line")
        }
    }

    /// The longest reason accepted: a sentence or two, kept in every event's metadata.
    static let freeTextLengthMax = 500

    /// The operating-system user name: the password entry of the effective user, else `USER`.
    static func systemUserName(_ environment: [String: String]) -> String? {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        if let user = environment["USER"], !user.isEmpty { return user }
        return nil
    }
}
