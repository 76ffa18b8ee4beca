import Foundation

/// Makes event ids for commands that carry no request id. Injected so tests are deterministic.
public protocol EventIDGenerator: Sendable {
    func next() -> UUID
}

/// Random version-4 UUIDs from the system generator.
public struct RandomEventIDs: EventIDGenerator {
    public init() {}
    public func next() -> UUID { UUID() }
}
