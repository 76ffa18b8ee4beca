// Collection facts: stages, actions (the audit trail) and disputes.

/// The loan's collection stage changed (daily recomputation, or a correction).
public struct CollectionStageChanged: LendingEventPayload {
    public static let type = "CollectionStageChanged"
    public var loan: LoanID
    public var from: CollectionStage
    public var to: CollectionStage
    public var dpd: Int64
    public var overdueAmount: Money
    /// For a correction: the business date from which the recorded stage was wrong.
    public var correctsFrom: BusinessDate?
    public var loanId: LoanID? { loan }
    public init(
        loan: LoanID, from: CollectionStage, to: CollectionStage, dpd: Int64,
        overdueAmount: Money, correctsFrom: BusinessDate? = nil
    ) {
        self.loan = loan
        self.from = from
        self.to = to
        self.dpd = dpd
        self.overdueAmount = overdueAmount
        self.correctsFrom = correctsFrom
    }
}

/// A compliance-checked collection action was taken.
public struct CollectionActionRecorded: LendingEventPayload {
    public static let type = "CollectionActionRecorded"
    public var loan: LoanID
    public var channel: ContactChannel
    public var at: LocalTime
    public var actors: [ActorID]
    public var stage: CollectionStage
    public var outcome: String?
    public var note: String?
    public var loanId: LoanID? { loan }
    public init(
        loan: LoanID, channel: ContactChannel, at: LocalTime, actors: [ActorID],
        stage: CollectionStage, outcome: String?, note: String?
    ) {
        self.loan = loan
        self.channel = channel
        self.at = at
        self.actors = actors
        self.stage = stage
        self.outcome = outcome
        self.note = note
    }
}

/// A dispute was opened on a loan: collection pauses.
public struct DisputeOpened: LendingEventPayload {
    public static let type = "DisputeOpened"
    public var loan: LoanID
    public var loanId: LoanID? { loan }
    public init(loan: LoanID) { self.loan = loan }
}

/// How a dispute ended.
public enum DisputeOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case upheld
    case rejected
}

/// A dispute was resolved: collection resumes.
public struct DisputeResolved: LendingEventPayload {
    public static let type = "DisputeResolved"
    public var loan: LoanID
    public var outcome: DisputeOutcome
    public var note: String
    public var loanId: LoanID? { loan }
    public init(loan: LoanID, outcome: DisputeOutcome, note: String) {
        self.loan = loan
        self.outcome = outcome
        self.note = note
    }
}
