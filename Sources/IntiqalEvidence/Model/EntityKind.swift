/// What a gazetteer entry names.
public enum EntityKind: String, Sendable, Codable, Hashable, CaseIterable {
    case person, organisation, party, place, site, capability
}
