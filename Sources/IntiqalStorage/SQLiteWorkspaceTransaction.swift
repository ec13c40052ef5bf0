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

    // MARK: Import, notes, saved plans, markings of other records

    func importScenario(_ scenario: Scenario, actor: String) throws -> Int {
        let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assessment") ?? 0
        try store.importScenario(db, scenario, actor: actor, at: at)
        return (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assessment") ?? 0) - before
    }

    func importWorkspace(_ export: WorkspaceExport) throws { try store.importWorkspace(db, export) }

    func marking(of entity: String, id: String) throws -> Marking? {
        let text: String?
        switch entity {
        case "assessment":
            text = try Int64(id).flatMap { try String.fetchOne(db, sql: "SELECT marking FROM assessment WHERE id = ?", arguments: [$0]) }
        case "evidence-document":
            text = try Int64(id).flatMap { try String.fetchOne(db, sql: "SELECT marking FROM evidence_document WHERE id = ?", arguments: [$0]) }
        case "evidence-item":
            text = try Int64(id).flatMap { try String.fetchOne(db, sql: "SELECT marking FROM evidence_item WHERE id = ?", arguments: [$0]) }
        case "commitment":
            text = try String.fetchOne(db, sql: "SELECT marking FROM commitment WHERE id = ?", arguments: [id])
        case "site":
            text = try String.fetchOne(db, sql: "SELECT marking FROM entity WHERE kind = 'site' AND id = ?", arguments: [id])
        case "saved-plan":
            text = try Int64(id).flatMap { try String.fetchOne(db, sql: "SELECT marking FROM saved_plan WHERE id = ?", arguments: [$0]) }
        case "decision":
            text = try Int(id).flatMap {
                try String.fetchOne(db, sql: "SELECT marking FROM ledger_entry WHERE seq = ? AND kind = 'decision'", arguments: [$0])
            }
        default:
            text = nil
        }
        return text.map { Marking($0) ?? .rel([]) }
    }

    func addNote(entity: String, id: String, text: String, marking: Marking, actor: String) throws -> NoteRecord {
        try db.execute(sql: "INSERT INTO note (entity, entity_id, text, written_at, written_by, marking) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [entity, id, text, at, actor, marking.description])
        let note = NoteRecord(id: db.lastInsertedRowID, entity: entity, entityID: id, text: text, writtenAt: at, writtenBy: actor, marking: marking)
        try store.audit(db, at: at, actor: actor, action: "create", entity: "note", id: String(note.id), before: nil,
                        after: try jsonText(["entity": entity, "entityID": id, "text": text]), marking: marking)
        return note
    }

    func savePlan(name: String, mode: String, plan: String, marking: Marking, actor: String) throws -> SavedPlanRecord {
        try db.execute(sql: "INSERT INTO saved_plan (name, mode, plan, saved_at, saved_by, marking) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [name, mode, plan, at, actor, marking.description])
        let saved = SavedPlanRecord(id: db.lastInsertedRowID, name: name, mode: mode, plan: plan, savedAt: at, savedBy: actor, marking: marking)
        try store.audit(db, at: at, actor: actor, action: "create", entity: "saved-plan", id: String(saved.id), before: nil,
                        after: try jsonText(["name": name, "mode": mode]), marking: marking)
        return saved
    }

    func recordCommitmentStatus(commitment: String, change: Commitment.StatusChange, marking: Marking, actor: String) throws {
        guard let own = try self.marking(of: "commitment", id: commitment) else {
            throw StorageError.notFound("commitment '\(commitment)': no such commitment")
        }
        // A change is never readable by someone who may not read its commitment.
        let commission = try store.commissionParties(db)
        try store.insertCommitmentStatus(db, commitment, change, actor: actor, at: at, marking: marking.combined(with: own, commission: commission))
    }

    func setMarking(of entity: String, id: String, _ marking: Marking, actor: String) throws {
        guard let old = try self.marking(of: entity, id: id) else { throw StorageError.notFound("\(entity) \(id): no such record") }
        switch entity {
        case "site": try db.execute(sql: "UPDATE entity SET marking = ? WHERE kind = 'site' AND id = ?", arguments: [marking.description, id])
        case "commitment": try db.execute(sql: "UPDATE commitment SET marking = ? WHERE id = ?", arguments: [marking.description, id])
        default: throw StorageError.invalid(field: "entity", "site or commitment")
        }
        // What speaks of the record is narrowed with it: its audit rows, the notes on it, a
        // commitment's status changes (and their audit rows), the phases and the capacity that name a site.
        let commission = try store.commissionParties(db)
        func narrow(_ table: String, _ key: String, where condition: String, _ arguments: StatementArguments) throws {
            for row in try Row.fetchAll(db, sql: "SELECT \(key) AS k, marking FROM \(table) WHERE \(condition)", arguments: arguments) {
                let current = Marking(try row.decode(String.self, forColumn: "marking")) ?? .rel([])
                let narrowed = current.combined(with: marking, commission: commission)
                if narrowed != current {
                    try db.execute(sql: "UPDATE \(table) SET marking = ? WHERE \(key) = ?", arguments: [narrowed.description, row["k"]])
                }
            }
        }
        try narrow("audit", "id", where: "entity = ? AND entity_id = ?", [entity, id])
        try narrow("note", "id", where: "entity = ? AND entity_id = ?", [entity, id])
        if entity == "commitment" {
            try narrow("commitment_status", "id", where: "commitment_id = ?", [id])
            try narrow("audit", "id", where: "entity = 'commitment-status' AND entity_id LIKE ? ESCAPE '\\'", [Self.likePrefix(id) + "#%"])
        }
        if entity == "site" {
            try narrow("audit", "id", where: "entity IN ('phase', 'capacity') AND (after LIKE ? ESCAPE '\\' OR before LIKE ? ESCAPE '\\')",
                       ["%\"" + Self.likePrefix(id) + "\"%", "%\"" + Self.likePrefix(id) + "\"%"])
        }
        try store.audit(db, at: at, actor: actor, action: "mark", entity: entity, id: id,
                        before: #"{"marking":"\#(old)"}"#, after: #"{"marking":"\#(marking)"}"#, marking: marking)
    }

    /// `text` with LIKE's wildcards escaped (by `\`).
    static func likePrefix(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
