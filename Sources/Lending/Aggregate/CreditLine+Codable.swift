extension CreditLine: Codable {
    enum CodingKeys: String, CodingKey {
        case lifecycle, limit, freezeReasons, openedOn, closure, limitHistory
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lifecycle = try c.decode(Lifecycle.self, forKey: .lifecycle)
        limit = try c.decode(Money.self, forKey: .limit)
        freezeReasons = Set(try c.decode([FreezeReason].self, forKey: .freezeReasons))
        openedOn = try c.decode(BusinessDate.self, forKey: .openedOn)
        closure = try c.decodeIfPresent(LineClosure.self, forKey: .closure)
        limitHistory = try c.decode([LimitChange].self, forKey: .limitHistory)
    }

    /// Sets are written sorted so the same state always encodes to the same bytes.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lifecycle, forKey: .lifecycle)
        try c.encode(limit, forKey: .limit)
        try c.encode(freezeReasons.sorted(), forKey: .freezeReasons)
        try c.encode(openedOn, forKey: .openedOn)
        try c.encodeIfPresent(closure, forKey: .closure)
        try c.encode(limitHistory, forKey: .limitHistory)
    }
}
