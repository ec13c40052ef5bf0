import IntiqalDomain

/// One recorded rating with its provenance. Never changed once written: a new rating of the
/// same party, working group, subject and month supersedes it.
public struct AssessmentRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var assessment: Assessment
    public var recordedAt: String
    public var recordedBy: String
    /// The record this one superseded, if any.
    public var supersedes: Int64?
    /// Who may read it (DESIGN §7): a working group's new rating is `REL` its party until released.
    public var marking: Marking

    public init(id: Int64, assessment: Assessment, recordedAt: String, recordedBy: String, supersedes: Int64?,
                marking: Marking = .joint) {
        self.id = id
        self.assessment = assessment
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.supersedes = supersedes
        self.marking = marking
    }

    enum CodingKeys: String, CodingKey { case id, assessment, recordedAt, recordedBy, supersedes, marking }

    /// An export written before markings reads its ratings as `JOINT`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(Int64.self, forKey: .id), assessment: try c.decode(Assessment.self, forKey: .assessment),
                  recordedAt: try c.decode(String.self, forKey: .recordedAt), recordedBy: try c.decode(String.self, forKey: .recordedBy),
                  supersedes: try c.decodeIfPresent(Int64.self, forKey: .supersedes),
                  marking: try c.decodeIfPresent(Marking.self, forKey: .marking) ?? .joint)
    }
}
