/// What a rating rests on: a source and its grading.
public struct EvidenceReference: Sendable, Hashable, Codable {
    /// A document id, a seed file name, or a citation of a public statement.
    public var source: String
    public var note: String?
    public var rating: SourceRating?

    public init(source: String, note: String? = nil, rating: SourceRating? = nil) {
        self.source = source
        self.note = note
        self.rating = rating
    }
}
