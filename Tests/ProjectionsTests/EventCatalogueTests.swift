import EventStore
import Foundation
import Lending
import Projections
import Testing

@Suite struct EventCatalogueTests {
    static let docsURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/events.md")

    @Test("docs/events.md describes every stored event type")
    func everyTypeIsDocumented() throws {
        let text = try String(contentsOf: EventCatalogueTests.docsURL, encoding: .utf8)
        for type in EventCatalogue.allTypes {
            #expect(text.contains("### \(type)") || text.contains("/ \(type)"),
                    "docs/events.md has no heading for \(type)")
        }
    }

    static let customer = CustomerID(validated: "C-1")
    static let loan = LoanID(validated: "L-1")
    static let day = BusinessDate(year: 2026, month: 3, day: 5)
    static let contract = LoanContract.make(
        loanId: loan, customerId: customer, principal: .yuan(10_000), disbursedOn: day,
        terms: LoanTerms(dailyRate: DailyRate(millionths: 400), method: .equalInstallment,
                         termMonths: 12))

    static let samples: [LendingEvent] = [
        .creditLineOpened(.init(customerId: customer, limit: .yuan(50_000))),
        .creditLimitAdjusted(.init(customerId: customer, previousLimit: .yuan(1), limit: .yuan(2))),
        .creditLineFrozen(.init(customerId: customer, reason: .overdue, causedByLoan: loan)),
        .creditLineUnfrozen(.init(customerId: customer, reason: .manual, correctsFrom: day)),
        .creditLineClosed(.init(customerId: customer, cause: .dpd91, causedByLoan: loan)),
        .creditLineReopened(.init(customerId: customer, limit: .yuan(3))),
        .loanDisbursed(.init(contract: contract)),
        .repaymentReceived(.init(loan: loan, reference: PaymentReference(validated: "P-1"),
                                 amount: Money(fen: 89_975), receivedOn: day, channel: "bank",
                                 allocation: Allocation(interest: Money(fen: 12_000),
                                                        principal: Money(fen: 77_975)))),
        .repaymentReallocated(.init(loan: loan, reference: PaymentReference(validated: "P-1"),
                                    previous: Allocation(principal: .yuan(1)),
                                    current: Allocation(interest: .yuan(1)), cause: "x")),
        .repaymentReversed(.init(loan: loan, reference: PaymentReference(validated: "P-1"),
                                 amount: .yuan(1), paymentDate: day)),
        .refundIssued(.init(loan: loan, reference: PaymentReference(validated: "R-1"),
                            amount: .yuan(1))),
        .penaltyWaived(.init(loan: loan, amount: Money(fen: 5))),
        .loanWrittenOff(.init(loan: loan, principal: .yuan(1), interest: .yuan(2),
                              penalty: .yuan(3))),
        .loanClosed(.init(loan: loan, reason: .paidOff)),
        .loanReopened(.init(loan: loan, cause: "reversal P-1")),
        .installmentOverdue(.init(loan: loan, installment: 2, dueDate: day)),
        .loanCured(.init(loan: loan, reason: .backdatedRepayment, correctsFrom: day)),
        .collectionStageChanged(.init(loan: loan, from: .grace, to: .early, dpd: 4,
                                      overdueAmount: .yuan(900))),
        .collectionActionRecorded(.init(
            loan: loan, channel: .call, at: LocalTime(date: day, minuteOfDay: 630),
            actors: [ActorID(validated: "agent.li")], stage: .early, outcome: "no answer",
            note: nil)),
        .disputeOpened(.init(loan: loan)),
        .disputeResolved(.init(loan: loan, outcome: .upheld, note: "bank delay")),
    ]

    @Test("every event survives encode then decode, and encodes to the same bytes twice",
          arguments: samples)
    func roundTrip(_ event: LendingEvent) throws {
        let decided = DecidedEvent(event, on: EventCatalogueTests.day)
        let metadata = EventMetadata(actor: "ops.test", reason: "test")
        let first = EventCodec.newEvent(decided, id: UUID(), metadata: metadata)
        let second = EventCodec.newEvent(decided, id: UUID(), metadata: metadata)
        #expect(first.data == second.data)
        let recorded = RecordedEvent(
            position: 1, streamId: "customer-C-1", version: 1, eventId: first.eventId,
            type: first.type, schemaVersion: first.schemaVersion,
            effectiveDate: first.effectiveDate, recordedAt: 0, data: first.data,
            metadata: first.metadata, hash: [UInt8](repeating: 0, count: 32))
        let decoded = try #require(try EventCodec.decodeLending(recorded))
        #expect(decoded.event == event)
        #expect(decoded.effectiveDate == EventCatalogueTests.day)
        #expect(decoded.metadata == metadata)
    }

    @Test("the sample list covers every lending event type")
    func samplesCoverCatalogue() {
        let covered = Set(EventCatalogueTests.samples.map(\.type)).union(["LoanRestructured"])
        let lending = Set(EventCatalogue.allTypes).subtracting(["DayClosed",
                                                                 "CollectionPolicyAdopted"])
        #expect(covered == lending)
    }

    @Test("an event of an unknown type or a newer schema is refused with its position")
    func unknownAndNewerRefused() throws {
        let unknown = RecordedEvent(
            position: 7, streamId: "customer-C-1", version: 1, eventId: UUID(), type: "LoanEaten",
            schemaVersion: 1, effectiveDate: "2026-03-05", recordedAt: 0, data: Array("{}".utf8),
            metadata: Array(#"{"actor":"x"}"#.utf8), hash: [])
        #expect(throws: EventCodec.DecodingError.unknownType(position: 7, type: "LoanEaten")) {
            try EventCodec.decodeLending(unknown)
        }
        var newer = unknown
        newer.type = "LoanClosed"
        newer.schemaVersion = 2
        #expect(throws: EventCodec.DecodingError.self) { try EventCodec.decodeLending(newer) }
    }
}

extension LendingEvent: CustomTestStringConvertible {
    public var testDescription: String { type }
}
