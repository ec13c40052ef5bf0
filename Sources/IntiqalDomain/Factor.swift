/// The three factors, one per joint working group.
public enum Factor: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Working group 1: the level of the threat ISIS poses (مستوى التهديد).
    case threat
    /// Working group 2: operational and environmental requirements (المتطلبات العملياتية والبيئية).
    case requirement
    /// Working group 3: the capability of the Iraqi Security Forces.
    case capability

    /// Threat is assessed per region; the other factors per region × capability.
    public var isPerCapability: Bool { self != .threat }

    public static func < (a: Factor, b: Factor) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Direction of the threat, assessed with its level.
public enum Trend: String, Sendable, Hashable, Codable, CaseIterable {
    case falling, steady, rising
}
