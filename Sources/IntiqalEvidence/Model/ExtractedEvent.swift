/// A dated, typed event with its actors and place, tied to the sentence it came from.
public struct ExtractedEvent: Sendable, Codable, Hashable, EventFacts {
    public var type: EventType
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; nil when the sentence gives no date.
    public var date: String?
    /// The last day of a range ("22 and 23 July"), same precision as `date`.
    public var dateEnd: String?
    public var precision: DatePrecision?
    public var place: String?
    public var actors: [String]
    /// True when the text announces or schedules the event rather than reports it.
    public var planned: Bool
    /// For statements: who spoke, when known.
    public var speaker: String?
    public var evidence: EvidenceSpan

    public init(type: EventType, date: String? = nil, dateEnd: String? = nil, precision: DatePrecision? = nil,
                place: String? = nil, actors: [String] = [], planned: Bool = false, speaker: String? = nil,
                evidence: EvidenceSpan) {
        self.type = type
        self.date = date
        self.dateEnd = dateEnd
        self.precision = precision
        self.place = place
        self.actors = actors
        self.planned = planned
        self.speaker = speaker
        self.evidence = evidence
    }

    enum CodingKeys: String, EventFactKey {
        case type, date, dateEnd, precision, place, actors, planned, speaker, evidence
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeFacts(self)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(evidence, forKey: .evidence)
    }
}
