/// The outcome of `decide`.
public enum Decision: Sendable, Hashable {
    /// Append these events (never empty).
    case append([DecidedEvent])
    /// The command repeats one already applied (same repayment reference, loan, amount, date):
    /// nothing is written and the caller reports the first result.
    case alreadyApplied(reference: PaymentReference)
}
