import TestSupport

/// One command the harness runs: its arguments, its clock, its request id.
struct PlannedCommand: Sendable, CustomStringConvertible {
    /// What the model learns if the command succeeds.
    enum Effect: Sendable {
        case none
        case customer(String)
        case loan(id: String, disbursedOn: CivilDay)
        case repayment(loan: String, ref: String)
        case reversal(ref: String)
    }

    var arguments: [String]
    /// "Now" for the run.
    var now: String
    /// The request id; nil for `day close`, which is idempotent by day instead.
    var requestId: String?
    var effect: Effect

    var isDayClose: Bool { arguments.first == "day" }

    /// The arguments with `--request-id` (when any) and `--json`.
    var fullArguments: [String] {
        arguments + (requestId.map { ["--request-id", $0] } ?? []) + ["--json"]
    }

    var description: String { "[\(now)] loanctl \(fullArguments.joined(separator: " "))" }
}

/// A seeded, realistic command mix against one store: credit lines opened, loans disbursed,
/// repayments (some backdated), reversals, collection actions, and the clock moving forward
/// with `day close` over one to three days.
///
/// The mix keeps a small model of what succeeded (``record(_:succeeded:)``), so most commands
/// are accepted; refusals (exit 65) still happen and are part of the mix.
struct CommandMix {
    private(set) var random: SplitMix64
    /// Prefix of request ids and references: unique per store.
    let prefix: String
    private(set) var today: CivilDay
    private var counter = 0
    private var customers: [String] = []
    private var loans: [(id: String, disbursedOn: CivilDay)] = []
    private var repayments: [(loan: String, ref: String)] = []

    /// The most customers a mix opens: few, so commands pile onto the same streams.
    static let customerCountMax = 6

    init(seed: UInt64, prefix: String, start: CivilDay = CivilDay(year: 2026, month: 1, day: 5)) {
        random = SplitMix64(seed: seed)
        self.prefix = prefix
        today = start
    }

    /// The next command (not yet run).
    mutating func next() -> PlannedCommand {
        counter += 1
        let roll = Int.random(in: 0..<100, using: &random)
        if customers.isEmpty || (roll < 8 && customers.count < Self.customerCountMax) {
            return openLine()
        }
        if loans.isEmpty || roll < 30 { return disburse() }
        if roll < 60 { return repay() }
        if roll < 68, !repayments.isEmpty { return reverse() }
        if roll < 80 { return collect() }
        return closeDays()
    }

    /// Learns the effect of a command that exited 0.
    mutating func record(_ command: PlannedCommand, succeeded: Bool) {
        guard succeeded else { return }
        switch command.effect {
        case .none: break
        case .customer(let id): customers.append(id)
        case .loan(let id, let day): loans.append((id, day))
        case .repayment(let loan, let ref): repayments.append((loan, ref))
        case .reversal(let ref): repayments.removeAll { $0.ref == ref }
        }
    }

    private var requestId: String { "\(prefix)-r\(counter)" }

    private func planned(_ arguments: [String], _ effect: PlannedCommand.Effect)
        -> PlannedCommand
    {
        PlannedCommand(arguments: arguments, now: today.morning, requestId: requestId,
                       effect: effect)
    }

    private mutating func openLine() -> PlannedCommand {
        let id = "\(prefix)-C\(customers.count + 1)-\(counter)"
        return planned(["credit", "open", id, "--limit", "60000", "--on", today.text],
                       .customer(id))
    }

    private mutating func disburse() -> PlannedCommand {
        let customer = customers.randomElement(using: &random)!
        let id = "\(prefix)-L\(counter)"
        let amount = Int.random(in: 10...80, using: &random) * 100
        let term = [3, 6, 9, 12].randomElement(using: &random)!
        let method = ["equal-installment", "equal-principal", "interest-first"]
            .randomElement(using: &random)!
        return planned(["loan", "disburse", id, "--customer", customer, "--amount", "\(amount)",
                        "--term", "\(term)", "--method", method, "--daily-rate", "0.0005",
                        "--on", today.text], .loan(id: id, disbursedOn: today))
    }

    private mutating func repay() -> PlannedCommand {
        let loan = loans.randomElement(using: &random)!
        // A third of the payments are backdated (a bank file arriving late).
        let back = Int.random(in: 0..<3, using: &random) == 0
            ? Int.random(in: 1...20, using: &random) : 0
        let day = max(loan.disbursedOn, today.adding(-back))
        let fen = Int.random(in: 10_000...150_000, using: &random)
        let ref = "\(prefix)-P\(counter)"
        return planned(["loan", "repay", loan.id, "--amount", "\(fen / 100).\(fen % 100 / 10)"
                        + "\(fen % 10)", "--on", day.text, "--ref", ref],
                       .repayment(loan: loan.id, ref: ref))
    }

    private mutating func reverse() -> PlannedCommand {
        let payment = repayments.randomElement(using: &random)!
        return planned(["loan", "reverse", payment.loan, "--ref", payment.ref, "--on", today.text,
                        "--reason", "payment bounced"], .reversal(ref: payment.ref))
    }

    private mutating func collect() -> PlannedCommand {
        let loan = loans.randomElement(using: &random)!
        let channel = ["sms", "push", "email", "call"].randomElement(using: &random)!
        return planned(["collection", "record", loan.id, "--channel", channel,
                        "--at", "\(today.text)T09:30:00+08:00", "--by", "ops.reliability"],
                       .none)
    }

    private mutating func closeDays() -> PlannedCommand {
        today = today.adding(Int.random(in: 1...3, using: &random))
        return PlannedCommand(arguments: ["day", "close", "--through", today.adding(-1).text],
                              now: today.morning, requestId: nil, effect: .none)
    }
}
