import IntiqalDomain

/// One change of a commitment's status, as recorded.
public struct CommitmentStatusRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var commitment: String
    public var change: Commitment.StatusChange
    public var recordedAt: String
    public var recordedBy: String

    public init(id: Int64, commitment: String, change: Commitment.StatusChange, recordedAt: String, recordedBy: String) {
        self.id = id
        self.commitment = commitment
        self.change = change
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
