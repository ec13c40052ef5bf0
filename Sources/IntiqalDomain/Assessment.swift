/// One party's working-group rating of a factor, for a region (× capability) and month.
public struct Assessment: Sendable, Hashable, Codable {
    public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable {
        case low, medium, high
    }

    public var party: String
    public var factor: Factor
    public var region: String
    /// Nil for threat, which is rated per region.
    public var capability: String?
    public var month: YearMonth
    public var value: Double
    public var trend: Trend?
    public var scale: ScaleReference
    public var confidence: Confidence
    public var evidence: [EvidenceReference]
    /// True where the figure is illustrative rather than drawn from a source.
    public var illustrative: Bool

    public init(party: String, factor: Factor, region: String, capability: String?, month: YearMonth,
                value: Double, trend: Trend? = nil, scale: ScaleReference, confidence: Confidence = .medium,
                evidence: [EvidenceReference] = [], illustrative: Bool = false) {
        self.party = party
        self.factor = factor
        self.region = region
        self.capability = capability
        self.month = month
        self.value = value
        self.trend = trend
        self.scale = scale
        self.confidence = confidence
        self.evidence = evidence
        self.illustrative = illustrative
    }

    public var subject: RatingSubject { RatingSubject(factor: factor, region: region, capability: capability) }
}

/// What is rated: a factor for a region, and a capability area unless the factor is threat.
public struct RatingSubject: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var factor: Factor
    public var region: String
    public var capability: String?

    public init(factor: Factor, region: String, capability: String?) {
        self.factor = factor
        self.region = region
        self.capability = capability
    }

    public var description: String {
        if let capability { return "\(factor.rawValue) \(capability)/\(region)" }
        return "\(factor.rawValue) \(region)"
    }

    public static func < (a: RatingSubject, b: RatingSubject) -> Bool {
        (a.factor, a.region, a.capability ?? "") < (b.factor, b.region, b.capability ?? "")
    }
}
