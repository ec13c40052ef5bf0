/// A capability area (air cover, ISR, ammunition …) that passes from coalition support to Iraqi lead.
public struct CapabilityArea: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText
    /// How much a shortfall in this area weighs in a region's capability gap, the risk model's
    /// input (finite, ≥ 0; 1 unless the scenario says otherwise).
    public var weight: Double

    public init(id: String, name: LocalizedText, weight: Double = 1) {
        self.id = id
        self.name = name
        self.weight = weight
    }

    enum CodingKeys: String, CodingKey { case id, name, weight }

    /// Decodes stores written before areas had a weight: a missing weight is 1.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), name: try c.decode(LocalizedText.self, forKey: .name),
                  weight: try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1)
    }
}
