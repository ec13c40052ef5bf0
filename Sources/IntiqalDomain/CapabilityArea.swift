/// A capability area (air cover, ISR, ammunition …) that passes from coalition support to Iraqi lead.
public struct CapabilityArea: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText

    public init(id: String, name: LocalizedText) {
        self.id = id
        self.name = name
    }
}
