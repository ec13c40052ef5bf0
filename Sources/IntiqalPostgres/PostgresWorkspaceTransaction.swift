import Foundation
import IntiqalDomain
import IntiqalLedger
import IntiqalStorage

/// `WorkspaceTransaction` over an open PostgreSQL write transaction (holding the writer lock);
/// statement for statement the SQLite store's `SQLiteWorkspaceTransaction`.
struct PostgresWorkspaceTransaction: WorkspaceTransaction {
    let c: PGConnection
    let store: PostgresWorkspaceStore
    /// The transaction's one timestamp, for every row it writes.
    let at: String

    func user(named name: String) throws -> User? {
        try c.query(#"SELECT \#(PostgresWorkspaceStore.userColumns) FROM "user" WHERE name = ?"#, [name]).first.map(PostgresWorkspaceStore.user)
    }

    func hasUsers() throws -> Bool { try c.one(#"SELECT EXISTS (SELECT 1 FROM "user")"#, [], Bool.self) ?? false }

    func structure() throws -> Scenario? { try store.structure(c) }

    func addUser(_ user: User, actor: String) throws {
        let old = try self.user(named: user.name)
        try c.execute(#"""
            INSERT INTO "user" (name, party, role, working_group) VALUES (?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET party = excluded.party, role = excluded.role, working_group = excluded.working_group
            """#, [user.name, user.party, user.role.rawValue, user.workingGroup])
        try store.audit(c, at: at, actor: actor, action: old == nil ? "create" : "update", entity: "user", id: user.name,
                        before: try old.map(jsonText), after: try jsonText(user))
    }

    func setPasswordHash(user: String, _ hash: String?, actor: String) throws {
        guard try c.execute(#"UPDATE "user" SET password_hash = ? WHERE name = ?"#, [hash, user]) == 1 else {
            throw StorageError.notFound("user '\(user)': no such user")
        }
        try store.audit(c, at: at, actor: actor, action: hash == nil ? "clear-password" : "set-password", entity: "user", id: user,
                        before: nil, after: nil)
    }

    func setTOTPSecret(user: String, _ secret: String?, actor: String) throws {
        guard try c.execute(#"UPDATE "user" SET totp_secret = ? WHERE name = ?"#, [secret, user]) == 1 else {
            throw StorageError.notFound("user '\(user)': no such user")
        }
        try store.audit(c, at: at, actor: actor, action: secret == nil ? "clear-totp" : "set-totp", entity: "user", id: user,
                        before: nil, after: nil)
    }

    func recordAssessments(_ assessments: [Assessment], marking: Marking, actor: String) throws -> [Int64] {
        guard let structure = try structure() else {
            throw StorageError.notFound("\(store.location): the workspace holds no scenario yet")
        }
        return try store.insertAssessments(c, assessments, structure: structure, actor: actor, at: at, skipUnchanged: false, marking: marking)
    }

    func assessment(id: Int64) throws -> AssessmentRecord? {
        try c.query("SELECT \(PostgresWorkspaceStore.assessmentColumns) FROM assessment a WHERE a.id = ?", [id]).first
            .map(PostgresWorkspaceStore.assessmentRecord)
    }

    func setMarking(assessment id: Int64, _ marking: Marking, actor: String) throws {
        guard let old = try assessment(id: id) else { throw StorageError.notFound("assessment \(id): no such rating") }
        try c.execute("UPDATE assessment SET marking = ? WHERE id = ?", [marking.description, id])
        // The release is audited under the marking it releases to: its readers may know it happened.
        try store.audit(c, at: at, actor: actor, action: "release", entity: "assessment", id: String(id),
                        before: #"{"marking":"\#(old.marking)"}"#, after: #"{"marking":"\#(marking)"}"#, marking: marking)
    }

    func addEvidence(_ documents: [EvidenceInput], actor: String) throws -> [Int64] {
        var ids: [Int64] = []
        for d in documents {
            let marking = d.marking.description
            let document = try store.insertReturningID(c, """
                INSERT INTO evidence_document (file, sha256, ingested_at, ingested_by, marking) VALUES (?, ?, ?, ?, ?)
                """, [d.file, d.sha256, at, actor, marking])
            ids.append(document)
            try store.audit(c, at: at, actor: actor, action: "create", entity: "evidence-document", id: String(document), before: nil,
                            after: try jsonText(["file": d.file, "sha256": d.sha256]), marking: d.marking)
            for item in d.items {
                let id = try store.insertReturningID(c, """
                    INSERT INTO evidence_item (document_id, kind, content, status, marking) VALUES (?, ?, ?, 'proposed', ?)
                    """, [document, item.kind, item.content, marking])
                try store.audit(c, at: at, actor: actor, action: "propose", entity: "evidence-item", id: String(id),
                                before: nil, after: item.content, marking: d.marking)
            }
        }
        return ids
    }

    func evidenceItem(id: Int64) throws -> EvidenceItemRecord? {
        try c.query("SELECT \(PostgresWorkspaceStore.evidenceItemColumns) FROM evidence_item WHERE id = ?", [id]).first
            .map(PostgresWorkspaceStore.evidenceItem)
    }

    func reviewEvidenceItem(id: Int64, status: EvidenceItemRecord.Status, reviewer: String) throws {
        guard let old = try evidenceItem(id: id) else { throw StorageError.notFound("evidence item \(id): no such item") }
        try c.execute("UPDATE evidence_item SET status = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
                      [status.rawValue, reviewer, at, id])
        try store.audit(c, at: at, actor: reviewer, action: "review", entity: "evidence-item", id: String(id),
                        before: #"{"status":"\#(old.status.rawValue)"}"#, after: #"{"status":"\#(status.rawValue)"}"#, marking: old.marking)
    }

    /// The transaction holds the workspace's writer lock (taken at BEGIN), so no other instance
    /// can read the same head and append after it: the primary key on `seq` would refuse a fork
    /// in any case.
    func appendLedger(actor: String, _ make: (Int, String) throws -> LedgerEntry) throws -> LedgerEntry {
        let last = try c.query("SELECT seq, hash FROM ledger_entry ORDER BY seq DESC LIMIT 1").first
        let seq = Int(try last?.get(0, Int64.self) ?? 0) + 1
        let entry = try make(seq, try last?.get(1, String.self) ?? LedgerEntry.genesisHash)
        guard entry.seq == seq else { throw StorageError.invalid("ledger: entry \(entry.seq) made where \(seq) was next") }
        try c.execute("INSERT INTO ledger_entry (seq, kind, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?)",
                      [Int64(entry.seq), entry.kind.rawValue, entry.prevHash, entry.hash, entry.body])
        try store.audit(c, at: at, actor: actor, action: "append", entity: "ledger", id: String(seq), before: nil, after: entry.body)
        return entry
    }

    func audit(actor: String, action: String, entity: String, id: String, before: String?, after: String?, marking: Marking) throws {
        try store.audit(c, at: at, actor: actor, action: action, entity: entity, id: id, before: before, after: after, marking: marking)
    }

    // MARK: Import, notes, saved plans, markings of other records (as `SQLiteWorkspaceTransaction`'s)

    func importScenario(_ scenario: Scenario, actor: String) throws -> Int {
        let before = try c.one("SELECT COUNT(*) FROM assessment", [], Int64.self) ?? 0
        try store.importScenario(c, scenario, actor: actor, at: at)
        return Int((try c.one("SELECT COUNT(*) FROM assessment", [], Int64.self) ?? 0) - before)
    }

    func importWorkspace(_ export: WorkspaceExport) throws { try store.importWorkspace(c, export) }

    func marking(of entity: String, id: String) throws -> Marking? {
        let text: String?
        switch entity {
        case "assessment":
            text = try Int64(id).flatMap { try c.one("SELECT marking FROM assessment WHERE id = ?", [$0], String.self) }
        case "evidence-document":
            text = try Int64(id).flatMap { try c.one("SELECT marking FROM evidence_document WHERE id = ?", [$0], String.self) }
        case "evidence-item":
            text = try Int64(id).flatMap { try c.one("SELECT marking FROM evidence_item WHERE id = ?", [$0], String.self) }
        case "commitment":
            text = try c.one("SELECT marking FROM commitment WHERE id = ?", [id], String.self)
        case "site":
            text = try c.one("SELECT marking FROM entity WHERE kind = 'site' AND id = ?", [id], String.self)
        case "saved-plan":
            text = try Int64(id).flatMap { try c.one("SELECT marking FROM saved_plan WHERE id = ?", [$0], String.self) }
        case "decision":
            text = try Int64(id).flatMap { try c.one("SELECT marking FROM ledger_entry WHERE seq = ? AND kind = 'decision'", [$0], String.self) }
        default:
            text = nil
        }
        return text.map { Marking($0) ?? .rel([]) }
    }

    func addNote(entity: String, id: String, text: String, marking: Marking, actor: String) throws -> NoteRecord {
        let noteID = try store.insertReturningID(c, """
            INSERT INTO note (entity, entity_id, text, written_at, written_by, marking) VALUES (?, ?, ?, ?, ?, ?)
            """, [entity, id, text, at, actor, marking.description])
        let note = NoteRecord(id: noteID, entity: entity, entityID: id, text: text, writtenAt: at, writtenBy: actor, marking: marking)
        try store.audit(c, at: at, actor: actor, action: "create", entity: "note", id: String(noteID), before: nil,
                        after: try jsonText(["entity": entity, "entityID": id, "text": text]), marking: marking)
        return note
    }

    func savePlan(name: String, mode: String, plan: String, marking: Marking, actor: String) throws -> SavedPlanRecord {
        let planID = try store.insertReturningID(c, """
            INSERT INTO saved_plan (name, mode, plan, saved_at, saved_by, marking) VALUES (?, ?, ?, ?, ?, ?)
            """, [name, mode, plan, at, actor, marking.description])
        let saved = SavedPlanRecord(id: planID, name: name, mode: mode, plan: plan, savedAt: at, savedBy: actor, marking: marking)
        try store.audit(c, at: at, actor: actor, action: "create", entity: "saved-plan", id: String(planID), before: nil,
                        after: try jsonText(["name": name, "mode": mode]), marking: marking)
        return saved
    }

    func recordCommitmentStatus(commitment: String, change: Commitment.StatusChange, marking: Marking, actor: String) throws {
        guard let own = try self.marking(of: "commitment", id: commitment) else {
            throw StorageError.notFound("commitment '\(commitment)': no such commitment")
        }
        // A change is never readable by someone who may not read its commitment.
        let commission = try store.commissionParties(c)
        try store.insertCommitmentStatus(c, commitment, change, actor: actor, at: at, marking: marking.combined(with: own, commission: commission))
    }

    func setMarking(of entity: String, id: String, _ marking: Marking, actor: String) throws {
        guard let old = try self.marking(of: entity, id: id) else { throw StorageError.notFound("\(entity) \(id): no such record") }
        switch entity {
        case "site": try c.execute("UPDATE entity SET marking = ? WHERE kind = 'site' AND id = ?", [marking.description, id])
        case "commitment": try c.execute("UPDATE commitment SET marking = ? WHERE id = ?", [marking.description, id])
        default: throw StorageError.invalid(field: "entity", "site or commitment")
        }
        // What speaks of the record is narrowed with it: its audit rows, the notes on it, a
        // commitment's status changes (and their audit rows), the phases and the capacity that name a site.
        let commission = try store.commissionParties(c)
        func narrow(_ table: String, where condition: String, _ values: [Any?]) throws {
            for row in try c.query("SELECT id, marking FROM \(table) WHERE \(condition)", values) {
                let current = Marking(try row.get(1, String.self)) ?? .rel([])
                let narrowed = current.combined(with: marking, commission: commission)
                if narrowed != current {
                    try c.execute("UPDATE \(table) SET marking = ? WHERE id = ?", [narrowed.description, try row.get(0, Int64.self)])
                }
            }
        }
        try narrow("audit", where: "entity = ? AND entity_id = ?", [entity, id])
        try narrow("note", where: "entity = ? AND entity_id = ?", [entity, id])
        if entity == "commitment" {
            try narrow("commitment_status", where: "commitment_id = ?", [id])
            try narrow("audit", where: #"entity = 'commitment-status' AND entity_id LIKE ? ESCAPE '\'"#, [Self.likePrefix(id) + "#%"])
        }
        if entity == "site" {
            let pattern = "%\"" + Self.likePrefix(id) + "\"%"
            try narrow("audit", where: #"entity IN ('phase', 'capacity') AND (after LIKE ? ESCAPE '\' OR before LIKE ? ESCAPE '\')"#,
                       [pattern, pattern])
        }
        try store.audit(c, at: at, actor: actor, action: "mark", entity: entity, id: id,
                        before: #"{"marking":"\#(old)"}"#, after: #"{"marking":"\#(marking)"}"#, marking: marking)
    }

    /// `text` with LIKE's wildcards escaped (by `\`).
    static func likePrefix(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    // MARK: Signed heads

    func keepSignedHead(_ r: LedgerReceipt, actor: String) throws -> Bool {
        guard let id = try c.one("""
            INSERT INTO signed_head (seq, head, at, party, public_key, signature, received_at, received_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id
            """, [Int64(r.seq), r.head, r.at, r.party, r.publicKey, r.signature, at, actor], Int64.self) else { return false }
        try store.audit(c, at: at, actor: actor, action: "keep", entity: "signed-head", id: String(id), before: nil,
                        after: #"{"party":"\#(r.party)","seq":\#(r.seq),"head":"\#(r.head)"}"#)
        return true
    }

    // MARK: Sign-in, sessions, throttling: rows every instance shares

    func credentials(user: String) throws -> Credentials? {
        try c.query(#"SELECT password_hash, totp_secret FROM "user" WHERE name = ?"#, [user]).first.map {
            Credentials(passwordHash: try $0.get(0, String?.self), totpSecret: try $0.get(1, String?.self))
        }
    }

    func failedSignIns(user: String, address: String, since: Double) throws -> (user: Int, address: Int) {
        let row = try c.query("""
            SELECT (SELECT COUNT(*) FROM sign_in_failure WHERE user_name = ? AND at >= ?),
                   (SELECT COUNT(*) FROM sign_in_failure WHERE address = ? AND at >= ?)
            """, [user, since, address, since]).first
        return (Int(try row?.get(0, Int64.self) ?? 0), Int(try row?.get(1, Int64.self) ?? 0))
    }

    func recordFailedSignIn(user: String, address: String, at: Double) throws {
        try c.execute("INSERT INTO sign_in_failure (user_name, address, at) VALUES (?, ?, ?)", [user, address, at])
    }

    func createSession(_ session: StoredSession, createdAt: Double) throws {
        try c.execute("INSERT INTO session (id_hash, user_name, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                      [session.idHash, session.user, session.csrfToken, String(createdAt), String(session.expiresAt)])
    }

    func deleteSession(idHash: String) throws -> Bool {
        try c.execute("DELETE FROM session WHERE id_hash = ?", [idHash]) > 0
    }

    func createToken(_ token: StoredToken, hash: String, actor: String) throws -> Int64 {
        let id = try store.insertReturningID(c, """
            INSERT INTO api_token (token_hash, user_name, label, scope, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
            """, [hash, token.user, token.label, token.scope.rawValue, token.createdAt, token.expiresAt])
        try store.audit(c, at: at, actor: actor, action: "create", entity: "api-token", id: String(id), before: nil,
                        after: #"{"user":"\#(token.user)","scope":"\#(token.scope.rawValue)"}"#)
        return id
    }

    func token(id: Int64) throws -> StoredToken? {
        try c.query("SELECT \(PostgresWorkspaceStore.tokenColumns) FROM api_token WHERE id = ?", [id]).first.map(PostgresWorkspaceStore.storedToken)
    }

    func revokeToken(id: Int64, at time: Double, actor: String) throws {
        try c.execute("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", [time, id])
        try store.audit(c, at: at, actor: actor, action: "revoke", entity: "api-token", id: String(id), before: nil, after: nil)
    }
}
