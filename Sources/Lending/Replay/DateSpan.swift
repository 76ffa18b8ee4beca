/// An inclusive run of business days; `through == nil` means still running on the as-of date.
public struct DateSpan: Sendable, Hashable, Codable {
    /// First day.
    public var from: BusinessDate
    /// Last day, or nil while open.
    public var through: BusinessDate?

    /// Creates a span.
    public init(from: BusinessDate, through: BusinessDate?) {
        self.from = from
        self.through = through
    }
}
