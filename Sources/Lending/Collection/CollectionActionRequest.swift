/// A collection action someone wants to record: who contacted the customer of which loan, how,
/// and when.
///
/// ``Compliance/check(_:facts:policy:)`` decides whether it may be recorded; an allowed request
/// becomes a `CollectionActionRecorded` event (the audit trail).
///
/// ```swift
/// let request = CollectionActionRequest(
///     loanId: try LoanID("L-7"), channel: .call,
///     at: try LocalTime(rfc3339: "2026-03-05T10:30:00+08:00", field: "at"),
///     actors: [try ActorID("ops.wang")], outcome: "promised-to-pay", note: nil)
/// ```
public struct CollectionActionRequest: Sendable, Hashable, Codable {
    /// The loan the action is about.
    public var loanId: LoanID
    /// How the customer was contacted.
    public var channel: ContactChannel
    /// When, on the Shanghai wall clock (convert other offsets with ``LocalTime``).
    public var at: LocalTime
    /// Who acted, in the order given; a visit needs two distinct collectors.
    public var actors: [ActorID]
    /// What came of it, free text (e.g. `promised-to-pay`), if anything.
    public var outcome: String?
    /// A free-text note, if any.
    public var note: String?

    /// The longest `outcome` accepted, in characters.
    public static let outcomeLengthMax = 200
    /// The longest `note` accepted, in characters.
    public static let noteLengthMax = 2_000
    /// The most actors one action may name.
    public static let actorCountMax = 8

    /// Creates a request; ``validate()`` checks the sizes of the free parts.
    public init(
        loanId: LoanID, channel: ContactChannel, at: LocalTime, actors: [ActorID],
        outcome: String? = nil, note: String? = nil
    ) {
        self.loanId = loanId
        self.channel = channel
        self.at = at
        self.actors = actors
        self.outcome = outcome
        self.note = note
    }

    /// Checks the request on its face, without the loan's state: at most ``actorCountMax``
    /// actors, `outcome` 1 … ``outcomeLengthMax`` characters, `note` 1 …
    /// ``noteLengthMax`` characters, both on one line. A missing actor is not checked here: it
    /// is the `actor-required` compliance rule.
    /// - Throws: ``LendingError/invalidInput(field:value:rule:)`` naming `by`, `outcome` or
    ///   `note`.
    public func validate() throws(LendingError) {
        guard actors.count <= Self.actorCountMax else {
            throw .invalid("by", actors.map(\.rawValue).joined(separator: ","),
                           "must name at most \(Self.actorCountMax) actors")
        }
        try Self.validateText(outcome, field: "outcome", lengthMax: Self.outcomeLengthMax)
        try Self.validateText(note, field: "note", lengthMax: Self.noteLengthMax)
    }

    private static func validateText(
        _ text: String?, field: String, lengthMax: Int
    ) throws(LendingError) {
        guard let text else { return }
        guard !text.isEmpty, text.count <= lengthMax else {
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            throw .invalid(field, shown, "must be 1 to \(lengthMax) characters")
        }
        // One line keeps error messages, logs and `investigate` output one line per fact.
        guard !text.contains(where: \.isNewline) else {
            throw .invalid(field, text.split(whereSeparator: \.isNewline).first.map(String.init)
                           ?? "", "must be one line")
        }
    }
}
