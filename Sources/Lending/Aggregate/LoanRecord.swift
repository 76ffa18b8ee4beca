/// One loan inside the customer aggregate: its contract, its money facts in log order, and the
/// operational facts the company recorded about it.
public struct LoanRecord: Sendable, Hashable {
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
}
