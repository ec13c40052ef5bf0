/// The kinds of event the extractor recognises (DESIGN §8).
public enum EventType: String, Sendable, Codable, Hashable, CaseIterable {
    case meeting, statement, attack, agreement, withdrawal, handover, other
}
