import Foundation
import GRDB
import IntiqalDomain
import IntiqalLedger

extension SQLiteWorkspaceStore {
    // MARK: Users

    public func addUser(_ user: User, actor: String) throws {
        try transaction { try $0.addUser(user, actor: actor) }
    }

    public func users() throws -> [User] {
        try read { db in try UserRow.order(UserRow.Columns.name).fetchAll(db).map(\.user) }
    }

    // MARK: Evidence

    @discardableResult
    public func addEvidence(_ documents: [EvidenceInput], actor: String) throws -> [Int64] {
        try transaction { try $0.addEvidence(documents, actor: actor) }
    }

    public func reviewEvidenceItem(id: Int64, status: EvidenceItemRecord.Status, reviewer: String) throws {
        try transaction { try $0.reviewEvidenceItem(id: id, status: status, reviewer: reviewer) }
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
        try transaction { try $0.appendLedger(actor: actor, make) }
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
