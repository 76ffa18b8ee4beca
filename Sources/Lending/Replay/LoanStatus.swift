/// The state of a loan as of a date.
public enum LoanStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Something is still owed (or will be).
    case active
    /// Fully paid (or fully recovered after a write-off); nothing owed, nothing to refund.
    case closed
    /// Written off and not yet fully recovered.
    case writtenOff = "written-off"
    /// More was paid than owed; the excess waits to be refunded.
    case overpaid
}
