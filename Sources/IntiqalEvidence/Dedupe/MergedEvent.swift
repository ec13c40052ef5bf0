/// An event reported by one or more documents (`intiqal extract --dedupe`).
public struct MergedEvent: Sendable, Codable, Hashable {
    public var type: EventType
    public var date: String?
    public var dateEnd: String?
    public var precision: DatePrecision?
    public var place: String?
    public var actors: [String]
    public var planned: Bool
    public var sources: [EventSource]

    enum CodingKeys: String, CodingKey { case type, date, dateEnd, precision, place, actors, planned, sources }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(date, forKey: .date)
        try c.encode(dateEnd, forKey: .dateEnd)
        try c.encode(precision, forKey: .precision)
        try c.encode(place, forKey: .place)
        try c.encode(actors, forKey: .actors)
        try c.encode(planned, forKey: .planned)
        try c.encode(sources, forKey: .sources)
    }
}
