/// A day-precise date the extractor gave that no gold event of its document has, with the gold events nearest its
/// sentence: what a reviewer needs to see why a day was wrong (`Scorer.dayDateMistakes`).
public struct DayDateMistake: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var type: EventType
    public var date: String
    public var evidenceStart: Int
    public var evidenceEnd: Int
    /// Gold events whose span overlaps the sentence, else the nearest one of the same type (none when the gold has none).
    public var gold: [GoldFile.Event]

    public var description: String {
        let g = gold.isEmpty ? "no gold event near it"
            : gold.map { "gold \($0.type.rawValue) \($0.date)\($0.dateEnd.map { ".." + $0 } ?? "") at \($0.start)–\($0.end)" }
                .joined(separator: "; ")
        return "\(file): \(type.rawValue) \(date) at \(evidenceStart)–\(evidenceEnd) — \(g)"
    }
}
