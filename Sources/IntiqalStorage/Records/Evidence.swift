/// A document run through the evidence pipeline.
public struct EvidenceDocumentRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var file: String
    /// SHA-256 of the document's bytes, hex.
    public var sha256: String
    public var ingestedAt: String
    public var ingestedBy: String

    public init(id: Int64, file: String, sha256: String, ingestedAt: String, ingestedBy: String) {
        self.id = id
        self.file = file
        self.sha256 = sha256
        self.ingestedAt = ingestedAt
        self.ingestedBy = ingestedBy
    }
}

/// An item extracted from a document (an event, a number), awaiting a working group's review.
public struct EvidenceItemRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case proposed, accepted, rejected
    }

    public var id: Int64
    public var documentID: Int64
    /// `event` or `number`.
    public var kind: String
    /// The extracted item as JSON.
    public var content: String
    public var status: Status
    public var reviewedBy: String?
    public var reviewedAt: String?

    public init(id: Int64, documentID: Int64, kind: String, content: String, status: Status = .proposed,
                reviewedBy: String? = nil, reviewedAt: String? = nil) {
        self.id = id
        self.documentID = documentID
        self.kind = kind
        self.content = content
        self.status = status
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
    }
}
