import IntiqalDomain

/// One change of a commitment's status, as recorded.
public struct CommitmentStatusRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var commitment: String
    public var change: Commitment.StatusChange
    public var recordedAt: String
    public var recordedBy: String
    /// Who may read this change (DESIGN §7).
    public var marking: Marking

    public init(id: Int64, commitment: String, change: Commitment.StatusChange, recordedAt: String, recordedBy: String,
                marking: Marking = .joint) {
        self.marking = marking
        self.id = id
        self.commitment = commitment
        self.change = change
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    enum CodingKeys: String, CodingKey { case id, commitment, change, recordedAt, recordedBy, marking }

    /// An export written before `v6-markings` reads its changes as `JOINT`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(Int64.self, forKey: .id), commitment: try c.decode(String.self, forKey: .commitment),
                  change: try c.decode(Commitment.StatusChange.self, forKey: .change), recordedAt: try c.decode(String.self, forKey: .recordedAt),
                  recordedBy: try c.decode(String.self, forKey: .recordedBy),
                  marking: try c.decodeIfPresent(Marking.self, forKey: .marking) ?? .joint)
    }
}
