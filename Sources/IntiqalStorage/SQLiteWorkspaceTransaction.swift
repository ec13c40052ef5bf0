import Foundation
import GRDB
import IntiqalDomain
import IntiqalLedger

/// `WorkspaceTransaction` over an open SQLite write transaction.
struct SQLiteWorkspaceTransaction: WorkspaceTransaction {
    let db: Database
    let store: SQLiteWorkspaceStore
    /// The transaction's one timestamp, for every row it writes.
    let at: String

    func user(named name: String) throws -> User? { try UserRow.fetchOne(db, key: name)?.user }

    func hasUsers() throws -> Bool { try UserRow.fetchCount(db) > 0 }

    func structure() throws -> Scenario? { try store.structure(db) }

    func addUser(_ user: User, actor: String) throws {
        let old = try UserRow.fetchOne(db, key: user.name)?.user
        try UserRow(user).save(db)
        try store.audit(db, at: at, actor: actor, action: old == nil ? "create" : "update", entity: "user", id: user.name,
                        before: try old.map(jsonText), after: try jsonText(user))
    }

    func setPasswordHash(user: String, _ hash: String?, actor: String) throws {
        try db.execute(sql: "UPDATE user SET password_hash = ? WHERE name = ?", arguments: [hash, user])
        guard db.changesCount == 1 else { throw StorageError.notFound("user '\(user)': no such user") }
        try store.audit(db, at: at, actor: actor, action: hash == nil ? "clear-password" : "set-password", entity: "user", id: user,
                        before: nil, after: nil)
    }

    func setTOTPSecret(user: String, _ secret: String?, actor: String) throws {
        try db.execute(sql: "UPDATE user SET totp_secret = ? WHERE name = ?", arguments: [secret, user])
        guard db.changesCount == 1 else { throw StorageError.notFound("user '\(user)': no such user") }
        try store.audit(db, at: at, actor: actor, action: secret == nil ? "clear-totp" : "set-totp", entity: "user", id: user,
                        before: nil, after: nil)
    }

    func recordAssessments(_ assessments: [Assessment], marking: Marking, actor: String) throws -> [Int64] {
        guard let structure = try structure() else {
            throw StorageError.notFound("\(store.location): the workspace holds no scenario yet")
        }
        return try store.insertAssessments(db, assessments, structure: structure, actor: actor, at: at, skipUnchanged: false,
                                           marking: marking)
    }

    func assessment(id: Int64) throws -> AssessmentRecord? {
        try Row.fetchOne(db, sql: "SELECT \(SQLiteWorkspaceStore.assessmentColumns) FROM assessment a WHERE a.id = ?", arguments: [id])
            .map(SQLiteWorkspaceStore.assessmentRecord)
    }

    func setMarking(assessment id: Int64, _ marking: Marking, actor: String) throws {
        guard let old = try assessment(id: id) else { throw StorageError.notFound("assessment \(id): no such rating") }
        try db.execute(sql: "UPDATE assessment SET marking = ? WHERE id = ?", arguments: [marking.description, id])
        // The release is audited under the marking it releases to: its readers may know it happened.
        try store.audit(db, at: at, actor: actor, action: "release", entity: "assessment", id: String(id),
                        before: #"{"marking":"\#(old.marking)"}"#, after: #"{"marking":"\#(marking)"}"#, marking: marking)
    }

    func addEvidence(_ documents: [EvidenceInput], actor: String) throws -> [Int64] {
        var ids: [Int64] = []
        for d in documents {
            let marking = d.marking.description
            try db.execute(sql: "INSERT INTO evidence_document (file, sha256, ingested_at, ingested_by, marking) VALUES (?, ?, ?, ?, ?)",
                           arguments: [d.file, d.sha256, at, actor, marking])
            let document = db.lastInsertedRowID
            ids.append(document)
            try store.audit(db, at: at, actor: actor, action: "create", entity: "evidence-document", id: String(document), before: nil,
                            after: try jsonText(["file": d.file, "sha256": d.sha256]), marking: d.marking)
            for item in d.items {
                try db.execute(sql: "INSERT INTO evidence_item (document_id, kind, content, status, marking) VALUES (?, ?, ?, 'proposed', ?)",
                               arguments: [document, item.kind, item.content, marking])
                try store.audit(db, at: at, actor: actor, action: "propose", entity: "evidence-item", id: String(db.lastInsertedRowID),
                                before: nil, after: item.content, marking: d.marking)
            }
        }
        return ids
    }

    func evidenceItem(id: Int64) throws -> EvidenceItemRecord? { try EvidenceItemRow.fetchOne(db, key: id)?.record }

    func reviewEvidenceItem(id: Int64, status: EvidenceItemRecord.Status, reviewer: String) throws {
        guard let old = try evidenceItem(id: id) else { throw StorageError.notFound("evidence item \(id): no such item") }
        try db.execute(sql: "UPDATE evidence_item SET status = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
                       arguments: [status.rawValue, reviewer, at, id])
        try store.audit(db, at: at, actor: reviewer, action: "review", entity: "evidence-item", id: String(id),
                        before: #"{"status":"\#(old.status.rawValue)"}"#, after: #"{"status":"\#(status.rawValue)"}"#, marking: old.marking)
    }

    func appendLedger(actor: String, _ make: (Int, String) throws -> LedgerEntry) throws -> LedgerEntry {
        let last = try Row.fetchOne(db, sql: "SELECT seq, CAST(hash AS TEXT) AS hash FROM ledger_entry ORDER BY seq DESC LIMIT 1")
        let seq = (try last.map { try $0.decode(Int.self, forColumn: "seq") } ?? 0) + 1
        let entry = try make(seq, try last.map { try $0.decode(String?.self, forColumn: "hash") ?? "" } ?? LedgerEntry.genesisHash)
        guard entry.seq == seq else { throw StorageError.invalid("ledger: entry \(entry.seq) made where \(seq) was next") }
        try db.execute(sql: "INSERT INTO ledger_entry (seq, kind, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?)",
                       arguments: [entry.seq, entry.kind.rawValue, entry.prevHash, entry.hash, entry.body])
        try store.audit(db, at: at, actor: actor, action: "append", entity: "ledger", id: String(seq), before: nil, after: entry.body)
        return entry
    }

    func audit(actor: String, action: String, entity: String, id: String, before: String?, after: String?, marking: Marking) throws {
        try store.audit(db, at: at, actor: actor, action: action, entity: entity, id: id, before: before, after: after, marking: marking)
    }
}
