/// A state taking part: the host nation, the lead nation, or a coalition partner.
public struct Party: Sendable, Hashable, Codable, Identifiable {
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case host, lead, partner
    }

    public var id: String
    public var name: LocalizedText
    public var role: Role

    public init(id: String, name: LocalizedText, role: Role) {
        self.id = id
        self.name = name
        self.role = role
    }
}
