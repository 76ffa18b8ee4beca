// crashwriter: appends batches to a SQLite event store until killed, for the crash-safety test.
//
// Usage: crashwriter STORE_PATH SEED [full|normal]
//
// Each batch of 1…20 events goes to one of five streams; every event's data carries the batch
// number and the batch size, so a reader can tell a whole batch from a torn one. After each
// commit it prints `ack BATCH LAST_POSITION COUNT` and flushes stdout: a line on stdout means
// the store acknowledged the batch. In the same transaction it upserts a row of the read-model
// table `batches` and sets the checkpoint `crashwriter`, so the test can check that rows and
// checkpoints are as atomic as events.
import EventStore
import Foundation

/// SplitMix64, duplicated from TestSupport because an executable cannot depend on a test target.
struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("crashwriter: \(message)\n".utf8))
    exit(64)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, let seed = UInt64(arguments[2]) else {
    fail("usage: crashwriter STORE_PATH SEED [full|normal]")
}
let synchronous: SQLiteStoreOptions.Synchronous =
    arguments.count > 3 && arguments[3] == "normal"
    ? .normal : .full

do {
    let store = try SQLiteEventStore(
        path: arguments[1], options: SQLiteStoreOptions(synchronous: synchronous))
    try store.ensureTables([
        TableSchema(
            name: "batches", columns: [.init("batch", .integer), .init("size", .integer)],
            primaryKey: ["batch"])
    ])
    var random = Generator(state: seed)
    var batch = (try store.head().position) * 1_000 + 1  // distinct from earlier runs' batches
    while true {
        let count = Int.random(in: 1...20, using: &random)
        let stream = "stream-\(Int.random(in: 0..<5, using: &random))"
        let events = (0..<count).map { index in
            NewEvent(
                eventId: UUID(), type: "Written", schemaVersion: 1, effectiveDate: "2026-01-01",
                data: Array("{\"batch\":\(batch),\"size\":\(count),\"index\":\(index)}".utf8),
                metadata: Array("{}".utf8))
        }
        let result = try store.append(to: stream, expectedVersion: .any, events: events) {
            context, recorded in
            try context.upsert(
                "batches", ["batch": .integer(batch), "size": .integer(Int64(count))])
            try context.setCheckpoint(
                "crashwriter", position: recorded[recorded.count - 1].position)
        }
        let last = result.events[result.events.count - 1].position
        // FileHandle writes straight to the descriptor: no buffer to lose at SIGKILL.
        FileHandle.standardOutput.write(Data("ack \(batch) \(last) \(count)\n".utf8))
        batch += 1
    }
} catch {
    fail("\(error)")
}
