/// A gazetteer entity found in a document, under its canonical English name.
public struct ExtractedEntity: Sendable, Codable, Hashable {
    public var name: String
    public var kind: EntityKind
    public var mentions: [EntityMention]

    public init(name: String, kind: EntityKind, mentions: [EntityMention]) {
        self.name = name
        self.kind = kind
        self.mentions = mentions
    }
}
