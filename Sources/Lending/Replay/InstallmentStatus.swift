/// Where one installment stands as of a date.
public enum InstallmentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not yet due (the as-of date is before the due date).
    case pending
    /// Due and unpaid, from the due date to the end of grace: no penalty yet.
    case due
    /// Unpaid after the end of grace: penalty counts from the day after the due date.
    case overdue
    /// Principal, interest and penalty all paid (or waived).
    case paid
}
