/// One place in the text where an entity is named, in Unicode scalar offsets.
public struct EntityMention: Sendable, Codable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}
