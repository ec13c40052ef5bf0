import GRDB

// GRDB record types of the tables read and written whole, one per table, each with a
// `Columns` enum for queries. (Ratings and ledger rows are read by hand for speed and
// robustness against hand edits; see the store's extensions.)

/// A row of `user`.
struct UserRow: Codable, FetchableRecord, PersistableRecord, Hashable {
    static let databaseTableName = "user"

    var name: String
    var party: String
    var role: String
    var workingGroup: String?

    enum CodingKeys: String, CodingKey {
        case name, party, role
        case workingGroup = "working_group"
    }

    enum Columns {
        static let name = Column(CodingKeys.name)
        static let party = Column(CodingKeys.party)
    }

    init(_ user: User) {
        name = user.name
        party = user.party
        role = user.role.rawValue
        workingGroup = user.workingGroup
    }

    var user: User { User(name: name, party: party, role: User.Role(rawValue: role) ?? .analyst, workingGroup: workingGroup) }
}

/// A row of `evidence_document`.
struct EvidenceDocumentRow: Codable, FetchableRecord, PersistableRecord, Hashable {
    static let databaseTableName = "evidence_document"

    var id: Int64?
    var file: String
    var sha256: String
    var ingestedAt: String
    var ingestedBy: String
    var marking: String

    enum CodingKeys: String, CodingKey {
        case id, file, sha256, marking
        case ingestedAt = "ingested_at"
        case ingestedBy = "ingested_by"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
    }

    var record: EvidenceDocumentRecord {
        EvidenceDocumentRecord(id: id ?? 0, file: file, sha256: sha256, ingestedAt: ingestedAt, ingestedBy: ingestedBy,
                               marking: Marking(marking) ?? .rel([]))
    }
}

/// A row of `evidence_item`.
struct EvidenceItemRow: Codable, FetchableRecord, PersistableRecord, Hashable {
    static let databaseTableName = "evidence_item"

    var id: Int64?
    var documentID: Int64
    var kind: String
    var content: String
    var status: String
    var reviewedBy: String?
    var reviewedAt: String?
    var marking: String

    enum CodingKeys: String, CodingKey {
        case id, kind, content, status, marking
        case documentID = "document_id"
        case reviewedBy = "reviewed_by"
        case reviewedAt = "reviewed_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let status = Column(CodingKeys.status)
    }

    var record: EvidenceItemRecord {
        EvidenceItemRecord(id: id ?? 0, documentID: documentID, kind: kind, content: content,
                           status: EvidenceItemRecord.Status(rawValue: status) ?? .proposed, reviewedBy: reviewedBy, reviewedAt: reviewedAt,
                           marking: Marking(marking) ?? .rel([]))
    }
}

/// A row of `audit`.
struct AuditRow: Codable, FetchableRecord, PersistableRecord, Hashable {
    static let databaseTableName = "audit"

    var id: Int64?
    var at: String
    var actor: String
    var action: String
    var entity: String
    var entityID: String
    var before: String?
    var after: String?
    var marking: String

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, entity, before, after, marking
        case entityID = "entity_id"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let entity = Column(CodingKeys.entity)
    }

    var record: AuditRecord {
        AuditRecord(id: id ?? 0, at: at, actor: actor, action: action, entity: entity, entityID: entityID, before: before, after: after,
                    marking: Marking(marking) ?? .rel([]))
    }
}
