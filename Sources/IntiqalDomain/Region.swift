/// A governorate, the Kurdistan Region, a border zone: the unit gates are assessed in.
public struct Region: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case governorate, kurdistanRegion = "kurdistan-region", borderZone = "border-zone", other
    }

    public var id: String
    public var name: LocalizedText
    public var kind: Kind

    public init(id: String, name: LocalizedText, kind: Kind = .governorate) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}
