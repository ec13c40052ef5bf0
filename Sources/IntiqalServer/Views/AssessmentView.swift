import IntiqalStorage

/// A rating as the API shows it.
struct AssessmentView: Codable, Sendable, Hashable {
    var id: Int64
    var party: String
    var group: String
    var region: String
    var capability: String?
    var month: String
    var value: Double
    var trend: String?
    var confidence: String
    var scale: Int
    var recordedAt: String
    var recordedBy: String
    var supersedes: Int64?
    var marking: String

    init(_ r: AssessmentRecord) {
        let a = r.assessment
        id = r.id; party = a.party; group = a.factor.rawValue; region = a.region; capability = a.capability
        month = a.month.description; value = a.value; trend = a.trend?.rawValue; confidence = a.confidence.rawValue
        scale = a.scale.version; recordedAt = r.recordedAt; recordedBy = r.recordedBy; supersedes = r.supersedes
        marking = r.marking.description
    }
}
