/// A way the company contacts a customer about a loan.
///
/// Which channels a stage allows is policy (``CollectionPolicy/channels``); ``legal`` is the only
/// channel outside contact hours by default (``CollectionPolicy/contactHoursExemptChannels``),
/// because filings follow court and office times, not the customer's evening. Encoded by its
/// kebab-case raw value. `allCases` lists the channels from the mildest to the most severe.
///
/// ```swift
/// try ContactChannel(parsing: "visit")  // .visit
/// ```
public enum ContactChannel: String, Sendable, Hashable, Codable, CaseIterable,
    CustomStringConvertible
{
    /// A text message.
    case sms
    /// An app notification.
    case push
    /// An email.
    case email
    /// A phone call by a collector (capped per loan per Shanghai day).
    case call
    /// Hand-over to an outside collection agency.
    case agency
    /// A field visit by two collectors.
    case visit
    /// A legal step (letter from counsel, filing).
    case legal

    /// The kebab-case name, e.g. `call`.
    public var description: String { rawValue }

    /// Parses a channel name (`sms`, `push`, `email`, `call`, `agency`, `visit`, `legal`).
    ///
    /// - Parameters:
    ///   - text: The name as typed.
    ///   - field: The field named in the error, `channel` by default.
    /// - Throws: ``LendingError/invalidInput(field:value:rule:)`` naming `field` when `text` is
    ///   not a channel name.
    public init(parsing text: String, field: String = "channel") throws(LendingError) {
        guard let channel = ContactChannel(rawValue: text) else {
            throw .invalid(field, text, "must be sms, push, email, call, agency, visit or legal")
        }
        self = channel
    }

    /// Position in ``allCases``: sorts channel lists the same way everywhere (messages, JSON).
    var order: Int {
        ContactChannel.allCases.firstIndex(of: self) ?? ContactChannel.allCases.count
    }
}
