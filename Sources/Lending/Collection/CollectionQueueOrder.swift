/// The order in which collectors work loans: most severe stage first, then the largest overdue
/// amount, then loan id (so the order is total and the same on every run).
///
/// ```swift
/// let queue = rows.sorted {
///     CollectionQueueOrder.precedes(
///         .init(stage: $0.stage, overdueAmount: $0.overdue, loanId: $0.loanId),
///         .init(stage: $1.stage, overdueAmount: $1.overdue, loanId: $1.loanId))
/// }
/// ```
public enum CollectionQueueOrder {
    /// What the order looks at.
    public struct Key: Sendable, Hashable {
        /// The loan's stage on the queue's date.
        public var stage: CollectionStage
        /// The loan's overdue amount on the queue's date.
        public var overdueAmount: Money
        /// The loan, the final tie-break.
        public var loanId: LoanID

        /// Creates a key.
        public init(stage: CollectionStage, overdueAmount: Money, loanId: LoanID) {
            self.stage = stage
            self.overdueAmount = overdueAmount
            self.loanId = loanId
        }
    }

    /// True when `lhs` comes before `rhs` in the queue: a strict weak order (in fact total on
    /// distinct loan ids), usable with `sorted(by:)`.
    public static func precedes(_ lhs: Key, _ rhs: Key) -> Bool {
        if lhs.stage != rhs.stage { return lhs.stage > rhs.stage }
        if lhs.overdueAmount != rhs.overdueAmount { return lhs.overdueAmount > rhs.overdueAmount }
        return lhs.loanId < rhs.loanId
    }
}
