/// A document run through the evidence pipeline.
public struct EvidenceDocumentRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var file: String
    /// SHA-256 of the document's bytes, hex.
    public var sha256: String
    public var ingestedAt: String
    public var ingestedBy: String
    /// Who may read it: what the person who ingested it chose (DESIGN §7).
    public var marking: Marking

    public init(id: Int64, file: String, sha256: String, ingestedAt: String, ingestedBy: String, marking: Marking = .joint) {
        self.marking = marking
        self.id = id
        self.file = file
        self.sha256 = sha256
        self.ingestedAt = ingestedAt
        self.ingestedBy = ingestedBy
    }

    enum CodingKeys: String, CodingKey { case id, file, sha256, ingestedAt, ingestedBy, marking }

    /// An export written before markings reads its documents as `JOINT`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(Int64.self, forKey: .id), file: try c.decode(String.self, forKey: .file),
                  sha256: try c.decode(String.self, forKey: .sha256), ingestedAt: try c.decode(String.self, forKey: .ingestedAt),
                  ingestedBy: try c.decode(String.self, forKey: .ingestedBy),
                  marking: try c.decodeIfPresent(Marking.self, forKey: .marking) ?? .joint)
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
    /// Who may read it: what the person who ingested the document chose (DESIGN §7).
    public var marking: Marking

    public init(id: Int64, documentID: Int64, kind: String, content: String, status: Status = .proposed,
                reviewedBy: String? = nil, reviewedAt: String? = nil, marking: Marking = .joint) {
        self.marking = marking
        self.id = id
        self.documentID = documentID
        self.kind = kind
        self.content = content
        self.status = status
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
    }

    enum CodingKeys: String, CodingKey { case id, documentID, kind, content, status, reviewedBy, reviewedAt, marking }

    /// An export written before markings reads its items as `JOINT`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(Int64.self, forKey: .id), documentID: try c.decode(Int64.self, forKey: .documentID),
                  kind: try c.decode(String.self, forKey: .kind), content: try c.decode(String.self, forKey: .content),
                  status: try c.decode(Status.self, forKey: .status), reviewedBy: try c.decodeIfPresent(String.self, forKey: .reviewedBy),
                  reviewedAt: try c.decodeIfPresent(String.self, forKey: .reviewedAt),
                  marking: try c.decodeIfPresent(Marking.self, forKey: .marking) ?? .joint)
    }
}
