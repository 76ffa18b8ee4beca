import EventStore
import Foundation
import TestSupport

/// One random append, generated once and applied to every store of a differential check.
struct RandomAppendStep {
    var stream: String
    var expected: ExpectedVersion
    var events: [NewEvent]
    var closureThrows: Bool

    /// What a step did, comparable across backends (errors by their message).
    enum Outcome: Equatable {
        case appended(AppendResult)
        case failed(String)
    }

    /// A random step over streams s0…s2; it sometimes retries an earlier batch (idempotency),
    /// sometimes mixes one with a new event, and sometimes throws from the closure (rollback).
    static func random(_ random: inout SplitMix64, history: [RandomAppendStep])
        -> RandomAppendStep
    {
        let stream = "s\(Int.random(in: 0..<3, using: &random))"
        let expected: ExpectedVersion
        switch Int.random(in: 0..<3, using: &random) {
        case 0: expected = .any
        case 1: expected = .noStream
        default: expected = .exact(Int64.random(in: 0...6, using: &random))
        }
        if let earlier = history.randomElement(using: &random), Bool.random(using: &random) {
            var events = earlier.events
            if Int.random(in: 0..<4, using: &random) == 0 {
                events.append(TestEvents.make(id: randomId(&random)))
            }
            let target = Bool.random(using: &random) ? earlier.stream : stream
            return RandomAppendStep(
                stream: target, expected: expected, events: events, closureThrows: false)
        }
        let count = Int.random(in: 1...3, using: &random)
        let events = (0..<count).map { index in
            TestEvents.make(
                data: "{\"r\":\(random.next() % 1000),\"i\":\(index)}", id: randomId(&random))
        }
        let throwing = Int.random(in: 0..<5, using: &random) == 0
        return RandomAppendStep(
            stream: stream, expected: expected, events: events, closureThrows: throwing)
    }

    /// A UUID from 16 random bytes, so a seed reproduces the ids too.
    static func randomId(_ random: inout SplitMix64) -> UUID {
        let words = [random.next(), random.next()]
        let bytes = words.flatMap { word in
            (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) }
        }
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14],
                bytes[15]
            ))
    }

    /// Appends the step, upserting a `balances` row and the checkpoint `p` in the closure.
    func apply(to store: any EventStore) -> Outcome {
        do {
            let result = try store.append(
                to: stream, expectedVersion: expected, events: events
            ) { context, recorded in
                for event in recorded {
                    try context.upsert(
                        "balances",
                        ["account": .text(event.streamId), "amount": .integer(event.version)])
                }
                try context.setCheckpoint("p", position: recorded[recorded.count - 1].position)
                if closureThrows { throw Boom() }
            }
            return .appended(result)
        } catch {
            return .failed("\(error)")
        }
    }
}
