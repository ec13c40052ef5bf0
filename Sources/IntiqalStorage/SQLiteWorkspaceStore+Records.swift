import Foundation
import GRDB
import IntiqalDomain
import IntiqalLedger

extension SQLiteWorkspaceStore {
    // MARK: Users

    public func addUser(_ user: User, actor: String) throws {
        let at = timestamp
        try write { db in
            let old = try UserRow.fetchOne(db, key: user.name)?.user
            try UserRow(user).save(db)
            try audit(db, at: at, actor: actor, action: old == nil ? "create" : "update", entity: "user", id: user.name,
                      before: try old.map(jsonText), after: try jsonText(user))
        }
    }

    public func users() throws -> [User] {
        try read { db in try UserRow.order(UserRow.Columns.name).fetchAll(db).map(\.user) }
    }

    // MARK: Evidence

    @discardableResult
    public func addEvidence(_ documents: [EvidenceInput], actor: String) throws -> [Int64] {
        let at = timestamp
        return try write { db in
            var ids: [Int64] = []
            for d in documents {
                try db.execute(sql: "INSERT INTO evidence_document (file, sha256, ingested_at, ingested_by) VALUES (?, ?, ?, ?)",
                               arguments: [d.file, d.sha256, at, actor])
                let document = db.lastInsertedRowID
                ids.append(document)
                try audit(db, at: at, actor: actor, action: "create", entity: "evidence-document", id: String(document), before: nil,
                          after: try jsonText(["file": d.file, "sha256": d.sha256]))
                for item in d.items {
                    try db.execute(sql: "INSERT INTO evidence_item (document_id, kind, content, status) VALUES (?, ?, ?, 'proposed')",
                                   arguments: [document, item.kind, item.content])
                    try audit(db, at: at, actor: actor, action: "propose", entity: "evidence-item", id: String(db.lastInsertedRowID),
                              before: nil, after: item.content)
                }
            }
            return ids
        }
    }

    public func reviewEvidenceItem(id: Int64, status: EvidenceItemRecord.Status, reviewer: String) throws {
        let at = timestamp
        try write { db in
            guard let old = try Row.fetchOne(db, sql: "SELECT status FROM evidence_item WHERE id = ?", arguments: [id]) else {
                throw StorageError.notFound("evidence item \(id): no such item")
            }
            let oldStatus: String = old["status"]
            try db.execute(sql: "UPDATE evidence_item SET status = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
                           arguments: [status.rawValue, reviewer, at, id])
            try audit(db, at: at, actor: reviewer, action: "review", entity: "evidence-item", id: String(id),
                      before: #"{"status":"\#(oldStatus)"}"#, after: #"{"status":"\#(status.rawValue)"}"#)
        }
    }

    public func evidenceItems() throws -> [EvidenceItemRecord] {
        try read { db in try Self.evidenceItems(db) }
    }

    static func evidenceItems(_ db: Database) throws -> [EvidenceItemRecord] {
        try EvidenceItemRow.order(EvidenceItemRow.Columns.id).fetchAll(db).map(\.record)
    }

    // MARK: Ledger

    @discardableResult
    public func appendLedger(actor: String, _ make: (Int, String) throws -> LedgerEntry) throws -> LedgerEntry {
        let at = timestamp
        return try write { db in
            let last = try Row.fetchOne(db, sql: "SELECT seq, CAST(hash AS TEXT) AS hash FROM ledger_entry ORDER BY seq DESC LIMIT 1")
            let seq = (try last.map { try $0.decode(Int.self, forColumn: "seq") } ?? 0) + 1
            let entry = try make(seq, try last.map { try $0.decode(String?.self, forColumn: "hash") ?? "" } ?? LedgerEntry.genesisHash)
            guard entry.seq == seq else { throw StorageError.invalid("ledger: entry \(entry.seq) made where \(seq) was next") }
            try db.execute(sql: "INSERT INTO ledger_entry (seq, kind, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?)",
                           arguments: [entry.seq, entry.kind.rawValue, entry.prevHash, entry.hash, entry.body])
            try audit(db, at: at, actor: actor, action: "append", entity: "ledger", id: String(seq), before: nil, after: entry.body)
            return entry
        }
    }

    public func ledgerEntries() throws -> [LedgerEntry] {
        try read { db in try Self.ledgerEntries(db) }
    }

    /// Rows as stored, read as text whatever a hand edit put there; a kind the code does not
    /// know reads as a `decision` whose body will not match.
    static func ledgerEntries(_ db: Database) throws -> [LedgerEntry] {
        try Row.fetchAll(db, sql: """
            SELECT seq, CAST(kind AS TEXT) AS kind, CAST(prev_hash AS TEXT) AS prev_hash, CAST(hash AS TEXT) AS hash,
                   CAST(body AS TEXT) AS body
            FROM ledger_entry ORDER BY seq
            """).map { row in
            let kind: String = try row.decode(String?.self, forColumn: "kind") ?? ""
            return LedgerEntry(seq: (try row.decode(forColumn: "seq")), kind: LedgerEntry.Kind(rawValue: kind) ?? .decision,
                               prevHash: try row.decode(String?.self, forColumn: "prev_hash") ?? "",
                               hash: try row.decode(String?.self, forColumn: "hash") ?? "", body: try row.decode(String?.self, forColumn: "body") ?? "")
        }
    }

    // MARK: Audit

    public func auditLog() throws -> [AuditRecord] {
        try read { db in try Self.auditLog(db) }
    }

    static func auditLog(_ db: Database) throws -> [AuditRecord] {
        try AuditRow.order(AuditRow.Columns.id).fetchAll(db).map(\.record)
    }
}
