/// One loan inside the customer aggregate: its contract, its money facts in log order, and the
/// operational facts the company recorded about it.
public struct LoanRecord: Sendable, Hashable, Codable {
    public var contract: LoanContract
    /// Money facts in log order; the replay sorts them into business order.
    public var facts: [MoneyFact]
    /// Each repayment's split as last recorded (received, then reallocated).
    public var recordedAllocations: [PaymentReference: Allocation]
    /// Installments with a recorded `InstallmentOverdue`, keyed "number|dueDate".
    public var recordedOverdueInstallments: Set<String>
    /// True between an `InstallmentOverdue` and the next `LoanCured`.
    public var isRecordedOverdue: Bool
    /// The business date the current recorded overdue period started.
    public var recordedOverdueSince: BusinessDate?
    /// The effective date of the last recorded `LoanCured`, until the next `InstallmentOverdue`.
    /// End of day closing a day before it (days left unclosed when the cure was recorded) must
    /// not notice the cured installments again.
    public var recordedCuredOn: BusinessDate?
    public var recordedStage: CollectionStage
    /// The business date the recorded stage was entered (nil: current since disbursement).
    public var recordedStageSince: BusinessDate?
    /// True between `LoanClosed` and `LoanReopened`.
    public var isRecordedClosed: Bool
    public var isWrittenOff: Bool
    public var isRestructured: Bool
    public var isDisputeOpen: Bool
    /// Calls recorded per Shanghai calendar day (the call cap).
    public var callsByDay: [BusinessDate: Int]
    /// The last collection action, for the collection read model.
    public var lastAction: CollectionActionRecorded?

    /// A new record for a disbursed loan.
    public init(contract: LoanContract) {
        self.contract = contract
        facts = []
        recordedAllocations = [:]
        recordedOverdueInstallments = []
        isRecordedOverdue = false
        recordedOverdueSince = nil
        recordedCuredOn = nil
        recordedStage = .current
        recordedStageSince = nil
        isRecordedClosed = false
        isWrittenOff = false
        isRestructured = false
        isDisputeOpen = false
        callsByDay = [:]
        lastAction = nil
    }

    /// The loan as replayed from its money facts, evaluated on `date`.
    /// - Complexity: O(facts × installments).
    public func statement(asOf date: BusinessDate) -> LoanStatement {
        LoanReplay.evaluate(contract, facts: facts, asOf: date)
    }

    /// The key of an installment in ``recordedOverdueInstallments``.
    public static func installmentKey(number: Int64, dueDate: BusinessDate) -> String {
        "\(number)|\(dueDate)"
    }

    private enum CodingKeys: String, CodingKey {
        case contract, facts, recordedAllocations, recordedOverdueInstallments, isRecordedOverdue
        case recordedOverdueSince, recordedCuredOn, recordedStage, recordedStageSince
        case isRecordedClosed
        case isWrittenOff, isRestructured, isDisputeOpen, callsByDay, lastAction
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        contract = try c.decode(LoanContract.self, forKey: .contract)
        facts = try c.decode([MoneyFact].self, forKey: .facts)
        recordedAllocations = try c.decode([PaymentReference: Allocation].self,
                                           forKey: .recordedAllocations)
        recordedOverdueInstallments = Set(try c.decode([String].self,
                                                       forKey: .recordedOverdueInstallments))
        isRecordedOverdue = try c.decode(Bool.self, forKey: .isRecordedOverdue)
        recordedOverdueSince = try c.decodeIfPresent(BusinessDate.self,
                                                     forKey: .recordedOverdueSince)
        recordedCuredOn = try c.decodeIfPresent(BusinessDate.self, forKey: .recordedCuredOn)
        recordedStage = try c.decode(CollectionStage.self, forKey: .recordedStage)
        recordedStageSince = try c.decodeIfPresent(BusinessDate.self, forKey: .recordedStageSince)
        isRecordedClosed = try c.decode(Bool.self, forKey: .isRecordedClosed)
        isWrittenOff = try c.decode(Bool.self, forKey: .isWrittenOff)
        isRestructured = try c.decode(Bool.self, forKey: .isRestructured)
        isDisputeOpen = try c.decode(Bool.self, forKey: .isDisputeOpen)
        callsByDay = try c.decode([BusinessDate: Int].self, forKey: .callsByDay)
        lastAction = try c.decodeIfPresent(CollectionActionRecorded.self, forKey: .lastAction)
    }

    /// Sets are written sorted so the same state always encodes to the same bytes.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(contract, forKey: .contract)
        try c.encode(facts, forKey: .facts)
        try c.encode(recordedAllocations, forKey: .recordedAllocations)
        try c.encode(recordedOverdueInstallments.sorted(), forKey: .recordedOverdueInstallments)
        try c.encode(isRecordedOverdue, forKey: .isRecordedOverdue)
        try c.encodeIfPresent(recordedOverdueSince, forKey: .recordedOverdueSince)
        try c.encodeIfPresent(recordedCuredOn, forKey: .recordedCuredOn)
        try c.encode(recordedStage, forKey: .recordedStage)
        try c.encodeIfPresent(recordedStageSince, forKey: .recordedStageSince)
        try c.encode(isRecordedClosed, forKey: .isRecordedClosed)
        try c.encode(isWrittenOff, forKey: .isWrittenOff)
        try c.encode(isRestructured, forKey: .isRestructured)
        try c.encode(isDisputeOpen, forKey: .isDisputeOpen)
        try c.encode(callsByDay, forKey: .callsByDay)
        try c.encodeIfPresent(lastAction, forKey: .lastAction)
    }
}
