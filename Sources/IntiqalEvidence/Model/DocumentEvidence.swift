import IntiqalDomain

/// Everything extracted from one document: the `intiqal extract` JSON line (DESIGN §8).
public struct DocumentEvidence: Sendable, Codable, Hashable {
    public var document: String
    /// The publication date used to resolve relative dates, `YYYY-MM-DD`, or nil when unknown.
    public var published: String?
    /// Where `published` came from: "given", "dateline", or "inferred" (latest full date in the text).
    public var publishedSource: String?
    public var events: [ExtractedEvent]
    public var numbers: [ExtractedNumber]
    public var entities: [ExtractedEntity]
    public var diagnostics: [Diagnostic]

    public init(document: String, published: String?, publishedSource: String?, events: [ExtractedEvent],
                numbers: [ExtractedNumber], entities: [ExtractedEntity], diagnostics: [Diagnostic]) {
        self.document = document
        self.published = published
        self.publishedSource = publishedSource
        self.events = events
        self.numbers = numbers
        self.entities = entities
        self.diagnostics = diagnostics
    }

    enum CodingKeys: String, CodingKey {
        case document, published, publishedSource, events, numbers, entities, diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document, forKey: .document)
        try c.encode(published, forKey: .published)
        try c.encode(publishedSource, forKey: .publishedSource)
        try c.encode(events, forKey: .events)
        try c.encode(numbers, forKey: .numbers)
        try c.encode(entities, forKey: .entities)
        try c.encode(diagnostics, forKey: .diagnostics)
    }
}
