/// Every version of the collection policy, by the date each comes into force.
///
/// A policy change is an event on the policy stream carrying a ``CollectionPolicy``; folding
/// those events with ``adopt(_:)`` builds the book, and ``policy(on:)`` answers which version
/// applies to an action or a stage computation on a business date. A later `effectiveFrom` wins
/// from its date on; adopting a version with the same `effectiveFrom` as an existing one replaces
/// it (a correction before, or on, the day it starts). Before the first version the
/// ``CollectionPolicy/standard`` policy applies.
///
/// ```swift
/// var book = CollectionPolicyBook()
/// var stricter = CollectionPolicy.standard
/// stricter.effectiveFrom = try BusinessDate(parsing: "2026-04-01", field: "date")
/// stricter.callsPerLoanPerDayMax = 2
/// book.adopt(stricter)
/// book.policy(on: try BusinessDate(parsing: "2026-03-31", field: "date")).callsPerLoanPerDayMax
/// // 3
/// ```
public struct CollectionPolicyBook: Sendable, Hashable, Codable {
    /// The adopted versions, in strictly increasing `effectiveFrom` order.
    public private(set) var versions: [CollectionPolicy]

    /// The most versions a book holds: policy changes follow regulation, a few a year at most;
    /// the bound keeps a runaway policy stream from growing the book without limit.
    public static let versionCountMax = 10_000

    /// Creates an empty book (the standard policy applies on every date).
    public init() { versions = [] }

    /// Creates a book by adopting `versions` in order (see ``adopt(_:)``).
    public init(versions: [CollectionPolicy]) {
        self.versions = []
        for version in versions { adopt(version) }
    }

    /// The version in force on `date`: the one with the latest `effectiveFrom` on or before
    /// `date`, or ``CollectionPolicy/standard`` when no version starts that early.
    ///
    /// - Complexity: O(log n) in the number of versions.
    public func policy(on date: BusinessDate) -> CollectionPolicy {
        // Binary search for the first version starting after `date`.
        var low = 0
        var high = versions.count
        while low < high {
            let middle = (low + high) / 2
            if versions[middle].effectiveFrom <= date { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? .standard : versions[low - 1]
    }

    /// Adds `policy` as the version in force from its `effectiveFrom` until the next version.
    ///
    /// Same `effectiveFrom` as an existing version: replaces it. This is the fold step of the
    /// policy stream, so it never validates (the command that recorded the event did:
    /// ``checkAdoptable(_:)``).
    /// - Precondition: the book holds fewer than ``versionCountMax`` versions, or `policy`
    ///   replaces one.
    /// - Complexity: O(n) in the number of versions.
    public mutating func adopt(_ policy: CollectionPolicy) {
        let index = versions.firstIndex { $0.effectiveFrom >= policy.effectiveFrom }
            ?? versions.count
        if index < versions.count, versions[index].effectiveFrom == policy.effectiveFrom {
            versions[index] = policy
            return
        }
        precondition(versions.count < Self.versionCountMax, "collection policy book is full")
        versions.insert(policy, at: index)
    }

    /// Checks that `policy` may be recorded as a new version: it is coherent and the book has
    /// room for it.
    ///
    /// - Throws: ``LendingError/invalidInput(field:value:rule:)`` from
    ///   ``CollectionPolicy/validate()``; ``LendingError/refused(rule:message:)`` with rule
    ///   `policy-book-full` when it would be version ``versionCountMax`` + 1.
    public func checkAdoptable(_ policy: CollectionPolicy) throws(LendingError) {
        try policy.validate()
        let replaces = versions.contains { $0.effectiveFrom == policy.effectiveFrom }
        guard replaces || versions.count < Self.versionCountMax else {
            throw .refused(rule: "policy-book-full",
                           message: "collection policy book already holds "
                               + "\(Self.versionCountMax) versions")
        }
    }

    /// Decodes the versions and adopts them in order, so the stored order is restored even
    /// from unsorted data.
    /// - Throws: `DecodingError` for a wrong shape, an invalid policy, or more than
    ///   ``versionCountMax`` versions.
    public init(from decoder: any Decoder) throws {
        let box = try decoder.container(keyedBy: CodingKeys.self)
        let decoded = try box.decode([CollectionPolicy].self, forKey: .versions)
        guard decoded.count <= Self.versionCountMax else {
            throw DecodingError.dataCorruptedError(
                forKey: .versions, in: box,
                debugDescription: "more than \(Self.versionCountMax) policy versions")
        }
        self.init(versions: decoded)
    }

    enum CodingKeys: String, CodingKey { case versions }
}

// MARK: - Conveniences

extension CollectionPolicyBook {
    /// The stage of a loan on `date` under the policy in force on that date.
    ///
    /// Same as `policy(on: date).stage(dpd:overdueAmount:graceDays:)`; see
    /// ``CollectionPolicy/stage(dpd:overdueAmount:graceDays:)``.
    /// - Precondition: `dpd` ≥ 0 and `graceDays` ≥ 0.
    public func stage(
        on date: BusinessDate, dpd: Int64, overdueAmount: Money, graceDays: Int64
    ) -> CollectionStage {
        policy(on: date).stage(dpd: dpd, overdueAmount: overdueAmount, graceDays: graceDays)
    }
}

extension Compliance {
    /// Checks `request` against the policy in force on its Shanghai date.
    ///
    /// Same as ``check(_:facts:policy:)`` with `book.policy(on: request.at.date)`, so the date
    /// that picks the policy is always the action's own.
    /// - Throws: ``LendingError/refused(rule:message:)`` naming the first broken
    ///   ``ComplianceRule``.
    public static func check(
        _ request: CollectionActionRequest, facts: ComplianceFacts, book: CollectionPolicyBook
    ) throws(LendingError) {
        try check(request, facts: facts, policy: book.policy(on: request.at.date))
    }
}
