/// What ``EventStore/verify(expectHead:progress:)`` found.
public struct VerificationReport: Sendable, Equatable {
    /// Events whose hash was recomputed.
    public var checkedCount: Int64
    /// The last event that verified: the stored head when the chain is intact, else the
    /// event before the first bad position.
    public var head: ChainHead
    /// The first position that does not match, nil when the chain is intact.
    public var firstBadPosition: Int64?
    /// What was wrong there, in plain words (nil when intact).
    public var problem: String?

    /// Creates a report (stores build these).
    public init(checkedCount: Int64, head: ChainHead, firstBadPosition: Int64?, problem: String?) {
        self.checkedCount = checkedCount
        self.head = head
        self.firstBadPosition = firstBadPosition
        self.problem = problem
    }

    /// True when every hash matched (and the anchor, when one was given).
    public var isIntact: Bool { firstBadPosition == nil }
}
