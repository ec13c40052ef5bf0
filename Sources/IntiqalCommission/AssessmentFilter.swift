import IntiqalDomain
import IntiqalStorage

/// Which ratings a listing shows: each field, when set, must match.
public struct AssessmentFilter: Sendable, Hashable {
    public var party: String?
    public var group: Factor?
    public var region: String?
    public var capability: String?
    public var month: YearMonth?
    /// Only the latest record of each slot (party, group, subject, month).
    public var current: Bool

    public init(party: String? = nil, group: Factor? = nil, region: String? = nil, capability: String? = nil,
                month: YearMonth? = nil, current: Bool = false) {
        self.party = party
        self.group = group
        self.region = region
        self.capability = capability
        self.month = month
        self.current = current
    }

    func apply(_ records: [AssessmentRecord]) -> [AssessmentRecord] {
        var out = records
        if current {
            struct Slot: Hashable { var party: String; var subject: RatingSubject; var month: YearMonth }
            var latest: [Slot: Int] = [:]
            for (i, r) in out.enumerated() { latest[Slot(party: r.assessment.party, subject: r.assessment.subject, month: r.assessment.month)] = i }
            out = latest.values.sorted().map { out[$0] }
        }
        return out.filter { r in
            let a = r.assessment
            return (party == nil || a.party == party) && (group == nil || a.factor == group)
                && (region == nil || a.region == region) && (capability == nil || a.capability == capability)
                && (month == nil || a.month == month)
        }
    }
}
