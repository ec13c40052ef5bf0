/// A quantity stated in the text: "نحو 2500 عسكري" → 2500 troops, qualifier "about".
public struct ExtractedNumber: Sendable, Codable, Hashable {
    public var value: Double
    public var unit: String
    /// "about", "at least", "more than", "less than", "up to"; nil when the number is stated flat.
    public var qualifier: String?
    public var evidence: EvidenceSpan

    public init(value: Double, unit: String, qualifier: String? = nil, evidence: EvidenceSpan) {
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey { case value, unit, qualifier, evidence }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if value.rounded() == value, abs(value) < 9.0e15 {
            try c.encode(Int64(value), forKey: .value)
        } else {
            try c.encode(value, forKey: .value)
        }
        try c.encode(unit, forKey: .unit)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(evidence, forKey: .evidence)
    }
}
