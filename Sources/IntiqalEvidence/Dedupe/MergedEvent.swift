/// An event reported by one or more documents (`intiqal extract --dedupe`).
public struct MergedEvent: Sendable, Codable, Hashable, EventFacts {
    public var type: EventType
    public var date: String?
    public var dateEnd: String?
    public var precision: DatePrecision?
    public var place: String?
    public var actors: [String]
    public var planned: Bool
    public var sources: [EventSource]

    enum CodingKeys: String, EventFactKey { case type, date, dateEnd, precision, place, actors, planned, sources }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeFacts(self)
        try c.encode(sources, forKey: .sources)
    }
}
