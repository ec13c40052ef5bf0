import IntiqalDomain

/// What one source says of its incident, kept in the source's provenance with the source's
/// own payload (the event's JSON or the dataset row), so a merge can be explained and undone:
/// a split rebuilds the incident from these facts.
struct IncidentFacts: Codable, Hashable {
    var date: String
    var until: String?
    var datePrecision: String
    var region: String
    var kind: Incident.Kind
    var place: String?
    var placePrecision: String?
    /// The source's payload as it came (JSON text).
    var payload: String
}
