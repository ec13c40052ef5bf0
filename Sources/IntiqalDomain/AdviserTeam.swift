/// Advisers of one nation at one site, supporting one region in one capability area.
public struct AdviserTeam: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var region: String
    public var capability: String
    public var headcount: Int
    public var nation: String

    public init(id: String, region: String, capability: String, headcount: Int, nation: String) {
        self.id = id
        self.region = region
        self.capability = capability
        self.headcount = headcount
        self.nation = nation
    }

    /// The gate this team's departure depends on.
    public var gateKey: GateKey { GateKey(region: region, capability: capability) }
}

/// A region × capability pair: the unit of handover.
public struct GateKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var region: String
    public var capability: String

    public init(region: String, capability: String) {
        self.region = region
        self.capability = capability
    }

    public var description: String { "\(capability)/\(region)" }

    public static func < (a: GateKey, b: GateKey) -> Bool {
        (a.region, a.capability) < (b.region, b.capability)
    }
}
