import Foundation
import IntiqalDomain
import IntiqalLedger
import IntiqalStorage

/// Row mapping, one place per table (the column lists and the readers of their rows), shared by
/// the store's reads, its transactions and the export. A new column or table adds its list and
/// reader here.
extension PostgresWorkspaceStore {
    /// The columns `assessmentRecord` reads, in the order it reads them (as the SQLite store's).
    static let assessmentColumns = """
        a.id, a.party, a.working_group, a.region, a.capability, a.month, a.value, a.trend, a.scale_version, a.confidence, \
        a.evidence, a.illustrative, a.recorded_at, a.recorded_by, a.supersedes, a.marking
        """

    static func assessmentRecord(_ row: PGRow) throws -> AssessmentRecord {
        let factor = Factor(rawValue: try row.get(2, String.self)) ?? .threat
        let capability = try row.get(4, String.self)
        let evidenceText = try row.get(10, String?.self)
        let evidence = evidenceText.flatMap { try? JSONDecoder().decode([EvidenceReference].self, from: Data($0.utf8)) } ?? []
        let trendText = try row.get(7, String?.self)
        let a = Assessment(party: try row.get(1, String.self), factor: factor, region: try row.get(3, String.self),
                           capability: capability.isEmpty ? nil : capability, month: YearMonth(ordinal: Int(try row.get(5, Int64.self))),
                           value: try row.get(6, Double.self), trend: trendText.flatMap(Trend.init(rawValue:)),
                           scale: ScaleReference(factor: factor, version: Int(try row.get(8, Int64.self))),
                           confidence: Assessment.Confidence(rawValue: try row.get(9, String.self)) ?? .medium,
                           evidence: evidence, illustrative: try row.get(11, Bool.self))
        return AssessmentRecord(id: try row.get(0, Int64.self), assessment: a, recordedAt: try row.get(12, String.self),
                                recordedBy: try row.get(13, String.self), supersedes: try row.get(14, Int64?.self),
                                marking: Marking(try row.get(15, String.self)) ?? .rel([]))
    }

    /// The values of an assessment row for `INSERT INTO assessment (party … marking)`.
    static func assessmentValues(_ a: Assessment, at: String, actor: String, supersedes: Int64?, marking: Marking) throws -> [Any?] {
        [a.party, a.factor.rawValue, a.region, a.capability ?? "", Int64(a.month.ordinal), a.value, a.trend?.rawValue,
         Int64(a.scale.version), a.confidence.rawValue, a.evidence.isEmpty ? nil : try jsonText(a.evidence), a.illustrative,
         at, actor, supersedes, marking.description]
    }

    static let assessmentInsert = """
        INSERT INTO assessment (party, working_group, region, capability, month, value, trend, scale_version,
                                confidence, evidence, illustrative, recorded_at, recorded_by, supersedes, marking)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static let userColumns = "name, party, role, working_group"

    static func user(_ row: PGRow) throws -> User {
        User(name: try row.get(0), party: try row.get(1), role: User.Role(rawValue: try row.get(2, String.self)) ?? .analyst,
             workingGroup: try row.get(3, String?.self))
    }

    static let evidenceDocumentColumns = "id, file, sha256, ingested_at, ingested_by, marking"

    static func evidenceDocument(_ row: PGRow) throws -> EvidenceDocumentRecord {
        EvidenceDocumentRecord(id: try row.get(0), file: try row.get(1), sha256: try row.get(2), ingestedAt: try row.get(3),
                               ingestedBy: try row.get(4), marking: Marking(try row.get(5, String.self)) ?? .rel([]))
    }

    static let evidenceItemColumns = "id, document_id, kind, content, status, reviewed_by, reviewed_at, marking"

    static func evidenceItem(_ row: PGRow) throws -> EvidenceItemRecord {
        EvidenceItemRecord(id: try row.get(0), documentID: try row.get(1), kind: try row.get(2), content: try row.get(3),
                           status: EvidenceItemRecord.Status(rawValue: try row.get(4, String.self)) ?? .proposed,
                           reviewedBy: try row.get(5, String?.self), reviewedAt: try row.get(6, String?.self),
                           marking: Marking(try row.get(7, String.self)) ?? .rel([]))
    }

    static let auditColumns = "id, at, actor, action, entity, entity_id, before, after, marking"

    static func auditRecord(_ row: PGRow) throws -> AuditRecord {
        AuditRecord(id: try row.get(0), at: try row.get(1), actor: try row.get(2), action: try row.get(3), entity: try row.get(4),
                    entityID: try row.get(5), before: try row.get(6, String?.self), after: try row.get(7, String?.self),
                    marking: Marking(try row.get(8, String.self)) ?? .rel([]))
    }

    static let ledgerColumns = "seq, kind, prev_hash, hash, body, marking"

    static func ledgerEntry(_ row: PGRow) throws -> LedgerEntry {
        LedgerEntry(seq: Int(try row.get(0, Int64.self)), kind: LedgerEntry.Kind(rawValue: try row.get(1, String.self)) ?? .decision,
                    prevHash: try row.get(2), hash: try row.get(3), body: try row.get(4))
    }

    static let tokenColumns = "id, user_name, label, scope, created_at, expires_at, revoked_at"

    static func storedToken(_ row: PGRow) throws -> StoredToken {
        StoredToken(id: try row.get(0), user: try row.get(1), label: try row.get(2),
                    scope: StoredToken.Scope(rawValue: try row.get(3, String.self)) ?? .read, createdAt: try row.get(4),
                    expiresAt: try row.get(5), revokedAt: try row.get(6, Double?.self))
    }

    static let commitmentStatusColumns = "id, commitment_id, month, status, note, source, recorded_at, recorded_by, marking"

    static func commitmentStatus(_ row: PGRow) throws -> CommitmentStatusRecord {
        guard let status = Commitment.Status(rawValue: Int(try row.get(3, Int64.self))) else {
            throw StorageError.invalid("stored commitment status is not 0–3")
        }
        return CommitmentStatusRecord(
            id: try row.get(0), commitment: try row.get(1),
            change: .init(month: YearMonth(ordinal: Int(try row.get(2, Int64.self))), status: status, note: try row.get(4, String?.self),
                          source: try row.get(5, String?.self)),
            recordedAt: try row.get(6), recordedBy: try row.get(7), marking: Marking(try row.get(8, String.self)) ?? .rel([]))
    }

    static let noteColumns = "id, entity, entity_id, text, written_at, written_by, marking"

    static func note(_ row: PGRow) throws -> NoteRecord {
        NoteRecord(id: try row.get(0), entity: try row.get(1), entityID: try row.get(2), text: try row.get(3), writtenAt: try row.get(4),
                   writtenBy: try row.get(5), marking: Marking(try row.get(6, String.self)) ?? .rel([]))
    }

    static let savedPlanColumns = "id, name, mode, plan, saved_at, saved_by, marking"

    static func savedPlan(_ row: PGRow) throws -> SavedPlanRecord {
        SavedPlanRecord(id: try row.get(0), name: try row.get(1), mode: try row.get(2), plan: try row.get(3), savedAt: try row.get(4),
                        savedBy: try row.get(5), marking: Marking(try row.get(6, String.self)) ?? .rel([]))
    }

    static let signedHeadColumns = "seq, head, at, party, public_key, signature"

    static func signedHead(_ row: PGRow) throws -> LedgerReceipt {
        LedgerReceipt(seq: Int(try row.get(0, Int64.self)), head: try row.get(1), at: try row.get(2), party: try row.get(3),
                      publicKey: try row.get(4), signature: try row.get(5))
    }

    // MARK: Whole-table reads (in one open transaction)

    func assessments(_ c: PGConnection) throws -> [AssessmentRecord] {
        try c.query("SELECT \(Self.assessmentColumns) FROM assessment a ORDER BY a.id").map(Self.assessmentRecord)
    }

    func users(_ c: PGConnection) throws -> [User] {
        try c.query(#"SELECT \#(Self.userColumns) FROM "user" ORDER BY name COLLATE "C""#).map(Self.user)
    }

    func evidenceDocuments(_ c: PGConnection) throws -> [EvidenceDocumentRecord] {
        try c.query("SELECT \(Self.evidenceDocumentColumns) FROM evidence_document ORDER BY id").map(Self.evidenceDocument)
    }

    func evidenceItems(_ c: PGConnection) throws -> [EvidenceItemRecord] {
        try c.query("SELECT \(Self.evidenceItemColumns) FROM evidence_item ORDER BY id").map(Self.evidenceItem)
    }

    func auditLog(_ c: PGConnection) throws -> [AuditRecord] {
        try c.query("SELECT \(Self.auditColumns) FROM audit ORDER BY id").map(Self.auditRecord)
    }

    func ledgerEntries(_ c: PGConnection) throws -> [(entry: LedgerEntry, marking: String)] {
        try c.query("SELECT \(Self.ledgerColumns) FROM ledger_entry ORDER BY seq").map { (try Self.ledgerEntry($0), try $0.get(5, String.self)) }
    }

    func resolutions(_ c: PGConnection) throws -> [Resolution] {
        try c.query("SELECT json FROM resolution ORDER BY id").map { try decodeJSON(Resolution.self, try $0.get(0), what: "resolution") }
    }

    func resolutionRows(_ c: PGConnection) throws -> [(id: Int64, resolution: Resolution, marking: Marking)] {
        try c.query("SELECT id, json, marking FROM resolution ORDER BY id").map { row in
            (try row.get(0, Int64.self), try decodeJSON(Resolution.self, try row.get(1), what: "resolution"),
             Marking(try row.get(2, String.self)) ?? .rel([]))
        }
    }

    func notes(_ c: PGConnection) throws -> [NoteRecord] {
        try c.query("SELECT \(Self.noteColumns) FROM note ORDER BY id").map(Self.note)
    }

    func savedPlans(_ c: PGConnection) throws -> [SavedPlanRecord] {
        try c.query("SELECT \(Self.savedPlanColumns) FROM saved_plan ORDER BY id").map(Self.savedPlan)
    }

    /// Commitments `reader` may read, each with the status changes it may read (as the SQLite store's).
    func commitmentRecords(_ c: PGConnection, reader: MarkingReader) throws -> [CommitmentRecord] {
        let statuses = Dictionary(grouping: try commitmentHistory(c).filter { reader.mayRead($0.marking) }, by: \.commitment)
        return try c.query(#"SELECT json, marking FROM commitment ORDER BY position, id COLLATE "C""#).compactMap { row in
            let marking = Marking(try row.get(1, String.self)) ?? .rel([])
            guard reader.mayRead(marking) else { return nil }
            let commitment = try decodeJSON(Commitment.self, try row.get(0), what: "commitment")
            return CommitmentRecord(commitment: commitment, marking: marking, statuses: statuses[commitment.id] ?? [])
        }
    }

    func incidents(_ c: PGConnection) throws -> [Incident] {
        try c.query("SELECT json FROM incident ORDER BY id").map { try decodeJSON(Incident.self, try $0.get(0), what: "incident") }
    }

    func commitments(_ c: PGConnection) throws -> [Commitment] {
        try c.query(#"SELECT json FROM commitment ORDER BY position, id COLLATE "C""#).map {
            try decodeJSON(Commitment.self, try $0.get(0), what: "commitment")
        }
    }

    func commitmentHistory(_ c: PGConnection) throws -> [CommitmentStatusRecord] {
        try c.query("SELECT \(Self.commitmentStatusColumns) FROM commitment_status ORDER BY id").map(Self.commitmentStatus)
    }

    /// The structure alone (no ratings, resolutions, commitments or incidents); nil before import.
    func structure(_ c: PGConnection) throws -> Scenario? { try structure(c, reader: .fileHolder).scenario }

    /// The structure as `reader` may see it (sites it may not read left out), and the markings of the rows read.
    func structure(_ c: PGConnection, reader: MarkingReader) throws -> (scenario: Scenario?, markings: [Marking]) {
        var byKind: [String: [String]] = [:]
        var markings: [Marking] = []
        for row in try c.query(#"SELECT kind, json, marking FROM entity ORDER BY kind COLLATE "C", position, id COLLATE "C""#) {
            let marking = Marking(try row.get(2, String.self)) ?? .rel([])
            guard reader.mayRead(marking) else { continue }
            markings.append(marking)
            byKind[try row.get(0, String.self), default: []].append(try row.get(1, String.self))
        }
        return (try SQLiteWorkspaceStore.structure(byKind: byKind, location: location, readsEverything: reader.readsEverything), markings)
    }
}
