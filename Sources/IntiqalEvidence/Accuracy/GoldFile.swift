/// Hand annotations of documents: facts and offsets only (no text), for scoring the extractor.
public struct GoldFile: Sendable, Codable, Hashable {
    public struct Event: Sendable, Codable, Hashable {
        public var type: EventType
        public var date: String
        public var dateEnd: String?
        public var place: String?
        public var planned: Bool
        public var start: Int
        public var end: Int
    }

    public struct Number: Sendable, Codable, Hashable {
        public var value: Double
        public var unit: String
        /// `about`, `more than`, `less than`, `at least`, `up to`, or nil (not scored).
        public var qualifier: String?
        public var start: Int
        public var end: Int
    }

    public struct Document: Sendable, Codable, Hashable {
        public var file: String
        public var published: String
        /// `ar` or `en`, for scores per language; nil in older gold files.
        public var language: String?
        /// True when the page carries its own date line; otherwise the scorer passes `published`.
        public var publishedInPage: Bool
        public var events: [Event]
        public var numbers: [Number]
    }

    public var version: Int
    public var about: String?
    public var documents: [Document]
}
