/// The sentence an item came from, with its offsets in Unicode scalars of the file's text
/// (`start` inclusive, `end` exclusive).
public struct EvidenceSpan: Sendable, Codable, Hashable {
    public var sentence: String
    public var start: Int
    public var end: Int

    public init(sentence: String, start: Int, end: Int) {
        self.sentence = sentence
        self.start = start
        self.end = end
    }
}
