/// One entry of the gazetteer data file: a canonical English name, its kind, and its written forms.
public struct GazetteerEntry: Sendable, Codable, Hashable {
    public var name: String
    public var kind: EntityKind
    public var aliases: [String]

    public init(name: String, kind: EntityKind, aliases: [String]) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
    }
}
