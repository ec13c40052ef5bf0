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

    public init(id: Int64, assessment: Assessment, recordedAt: String, recordedBy: String, supersedes: Int64?) {
        self.id = id
        self.assessment = assessment
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.supersedes = supersedes
    }
}
