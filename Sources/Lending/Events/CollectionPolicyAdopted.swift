/// A collection policy version was adopted, effective from its own `effectiveFrom` date.
/// Appended to the policy stream (`policy-collection`); the version in force on an action's
/// date applies, to old loans too.
public struct CollectionPolicyAdopted: Sendable, Hashable, Codable {
    public static let type = "CollectionPolicyAdopted"
    public static let schemaVersion = 1
    public var policy: CollectionPolicy
    public init(policy: CollectionPolicy) { self.policy = policy }
}
