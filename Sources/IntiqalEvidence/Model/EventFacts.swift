/// What an event is, apart from where it was read: shared by an extracted event and an event
/// merged across reports, so both write the same keys (with explicit nulls) in the same order.
protocol EventFacts {
    var type: EventType { get }
    var date: String? { get }
    var dateEnd: String? { get }
    var precision: DatePrecision? { get }
    var place: String? { get }
    var actors: [String] { get }
    var planned: Bool { get }
}

/// Coding keys that name the facts of an event.
protocol EventFactKey: CodingKey {
    static var type: Self { get }
    static var date: Self { get }
    static var dateEnd: Self { get }
    static var precision: Self { get }
    static var place: Self { get }
    static var actors: Self { get }
    static var planned: Self { get }
}

extension KeyedEncodingContainer where K: EventFactKey {
    /// Encodes the facts, nil values as JSON null (the output contract lists every key).
    mutating func encodeFacts(_ event: some EventFacts) throws {
        try encode(event.type, forKey: .type)
        try encode(event.date, forKey: .date)
        try encode(event.dateEnd, forKey: .dateEnd)
        try encode(event.precision, forKey: .precision)
        try encode(event.place, forKey: .place)
        try encode(event.actors, forKey: .actors)
        try encode(event.planned, forKey: .planned)
    }
}
