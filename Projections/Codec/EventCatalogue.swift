import Foundation
import Lending

/// The stored type names and how to decode each into a ``LendingEvent``.
public enum EventCatalogue {
    /// Decodes one payload type into its enum case.
    struct Kind: Sendable {
        let decodeEvent: @Sendable ([UInt8]) throws -> LendingEvent
    }

    private static func kind<P: LendingEventPayload>(
        _ type: P.Type, _ wrap: @escaping @Sendable (P) -> LendingEvent
    ) -> (String, Kind) {
        (P.type, Kind { bytes in wrap(try EventCodec.decode(P.self, from: bytes)) })
    }

    static let payloadTypes: [String: Kind] = Dictionary(uniqueKeysWithValues: [
        kind(CreditLineOpened.self, LendingEvent.creditLineOpened),
        kind(CreditLimitAdjusted.self, LendingEvent.creditLimitAdjusted),
        kind(CreditLineFrozen.self, LendingEvent.creditLineFrozen),
        kind(CreditLineUnfrozen.self, LendingEvent.creditLineUnfrozen),
        kind(CreditLineClosed.self, LendingEvent.creditLineClosed),
        kind(CreditLineReopened.self, LendingEvent.creditLineReopened),
        kind(LoanDisbursed.self, LendingEvent.loanDisbursed),
        kind(RepaymentReceived.self, LendingEvent.repaymentReceived),
        kind(RepaymentReallocated.self, LendingEvent.repaymentReallocated),
        kind(RepaymentReversed.self, LendingEvent.repaymentReversed),
        kind(RefundIssued.self, LendingEvent.refundIssued),
        kind(PenaltyWaived.self, LendingEvent.penaltyWaived),
        kind(LoanRestructured.self, LendingEvent.loanRestructured),
        kind(LoanWrittenOff.self, LendingEvent.loanWrittenOff),
        kind(LoanClosed.self, LendingEvent.loanClosed),
        kind(LoanReopened.self, LendingEvent.loanReopened),
        kind(InstallmentOverdue.self, LendingEvent.installmentOverdue),
        kind(LoanCured.self, LendingEvent.loanCured),
        kind(CollectionStageChanged.self, LendingEvent.collectionStageChanged),
        kind(CollectionActionRecorded.self, LendingEvent.collectionActionRecorded),
        kind(DisputeOpened.self, LendingEvent.disputeOpened),
        kind(DisputeResolved.self, LendingEvent.disputeResolved),
    ])

    /// Types that are not about a customer: end of day and policy versions.
    static let systemTypes: Set<String> = [DayClosed.type, CollectionPolicyAdopted.type]

    /// Every type name, sorted (docs and tests).
    public static var allTypes: [String] { (Array(payloadTypes.keys) + systemTypes).sorted() }
}
