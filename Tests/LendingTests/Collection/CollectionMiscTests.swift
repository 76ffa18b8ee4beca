import Lending
import Testing

@Suite struct CollectionActionRequestTests {
    typealias Fixture = CollectionFixture

    @Test("Request validation bounds actors, outcome and note")
    func validation() throws {
        var request = Fixture.request(.call)
        request.outcome = "promised-to-pay"
        request.note = "customer asked to be called after 18:00"
        try request.validate()
        var tooMany = request
        tooMany.actors = (1...9).map { ActorID(validated: "a\($0)") }
        #expect(throws: LendingError.invalidInput(
            field: "by", value: "a1,a2,a3,a4,a5,a6,a7,a8,a9", rule: "must name at most 8 actors")
        ) { try tooMany.validate() }
        var empty = request
        empty.outcome = ""
        #expect(throws: LendingError.invalidInput(
            field: "outcome", value: "", rule: "must be 1 to 200 characters")
        ) { try empty.validate() }
        var long = request
        long.note = String(repeating: "x", count: 2_001)
        #expect(throws: LendingError.self) { try long.validate() }
        var twoLines = request
        twoLines.note = "first\nsecond"
        #expect(throws: LendingError.invalidInput(
            field: "note", value: "first", rule: "must be one line")
        ) { try twoLines.validate() }
    }
}

@Suite struct CollectionQueueOrderTests {
    @Test("Queue order: stage descending, then overdue amount descending, then loan id")
    func queueOrder() {
        typealias Key = CollectionQueueOrder.Key
        func key(_ stage: CollectionStage, _ yuan: Int64, _ id: String) -> Key {
            .init(stage: stage, overdueAmount: .yuan(yuan), loanId: LoanID(validated: id))
        }
        let expected = [
            key(.late, 100, "L-9"), key(.mid, 30_000, "L-2"), key(.mid, 500, "L-1"),
            key(.mid, 500, "L-3"), key(.early, 90_000, "L-4"), key(.current, 0, "L-5"),
        ]
        // Every rotation of the input sorts to the same queue.
        for shift in 0..<expected.count {
            let input = Array(expected[shift...] + expected[..<shift]).reversed()
            #expect(input.sorted(by: CollectionQueueOrder.precedes) == expected)
        }
    }
}
