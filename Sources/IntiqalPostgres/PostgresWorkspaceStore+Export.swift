import Foundation
import IntiqalDomain
import IntiqalLedger
import IntiqalStorage

extension PostgresWorkspaceStore {
    /// The whole workspace from one snapshot (`REPEATABLE READ`): writers go on meanwhile.
    public func exportWorkspace() throws -> WorkspaceExport {
        try read { c in
            WorkspaceExport(
                schemaVersion: WorkspaceMigrations.schemaVersion,
                structure: try structure(c),
                assessments: try assessments(c),
                resolutions: try resolutions(c),
                commitments: try commitments(c),
                commitmentStatus: try commitmentHistory(c),
                incidents: try incidents(c),
                users: try users(c),
                evidenceDocuments: try evidenceDocuments(c),
                evidenceItems: try evidenceItems(c),
                audit: try auditLog(c),
                ledger: try ledgerEntries(c).map(\.entry))
        }
    }

    /// The tables an import fills, each with an identity column moved past the imported ids.
    static let importTables = ["entity", "assessment", "resolution", "commitment", "incident", "\"user\"", "evidence_document", "audit",
                               "ledger_entry"]
    static let identityTables = ["assessment", "resolution", "commitment_status", "incident", "evidence_document", "evidence_item",
                                 "audit", "sign_in_failure", "api_token"]

    public func importWorkspace(_ export: WorkspaceExport) throws {
        guard export.format == WorkspaceExport.formatName else {
            throw StorageError.invalid("format: expected '\(WorkspaceExport.formatName)', found '\(export.format)'")
        }
        guard export.schemaVersion <= WorkspaceMigrations.schemaVersion else {
            throw StorageError.invalid("schemaVersion: the export is of schema \(export.schemaVersion), newer than this Intiqal's \(WorkspaceMigrations.schemaVersion)")
        }
        try write { c in
            for table in Self.importTables {
                if try c.one("SELECT EXISTS (SELECT 1 FROM \(table))", [], Bool.self) == true {
                    throw StorageError.notEmpty("\(location): a full export imports only into an empty workspace (this one has \(table.replacingOccurrences(of: "\"", with: "")) rows)")
                }
            }
            if let s = export.structure {
                for row in try SQLiteWorkspaceStore.structureRows(s) {
                    try c.execute("INSERT INTO entity (kind, id, position, json) VALUES (?, ?, ?, ?)", [row.kind, row.id, Int64(row.position), row.json])
                }
            }
            for (i, r) in export.assessments.enumerated() {
                let a = r.assessment
                if let structure = export.structure { try structure.validate(a, at: "assessments[\(i)].assessment") }
                try c.execute("""
                    INSERT INTO assessment (id, party, working_group, region, capability, month, value, trend, scale_version,
                                            confidence, evidence, illustrative, recorded_at, recorded_by, supersedes, marking)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [r.id as Any?] + (try Self.assessmentValues(a, at: r.recordedAt, actor: r.recordedBy, supersedes: r.supersedes, marking: r.marking)))
            }
            for r in export.resolutions { try c.execute("INSERT INTO resolution (json) VALUES (?)", [try jsonText(r)]) }
            for (i, commitment) in export.commitments.enumerated() {
                var base = commitment
                base.history = []
                try c.execute("INSERT INTO commitment (id, position, json) VALUES (?, ?, ?)", [commitment.id, Int64(i), try jsonText(base)])
            }
            for s in export.commitmentStatus {
                try c.execute("""
                    INSERT INTO commitment_status (id, commitment_id, month, status, note, source, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, [s.id, s.commitment, Int64(s.change.month.ordinal), Int64(s.change.status.rawValue), s.change.note,
                          s.change.source, s.recordedAt, s.recordedBy])
            }
            for x in export.incidents { try c.execute("INSERT INTO incident (json) VALUES (?)", [try jsonText(x)]) }
            for u in export.users {
                try c.execute(#"INSERT INTO "user" (name, party, role, working_group) VALUES (?, ?, ?, ?)"#,
                              [u.name, u.party, u.role.rawValue, u.workingGroup])
            }
            for d in export.evidenceDocuments {
                try c.execute("INSERT INTO evidence_document (id, file, sha256, ingested_at, ingested_by) VALUES (?, ?, ?, ?, ?)",
                              [d.id, d.file, d.sha256, d.ingestedAt, d.ingestedBy])
            }
            for x in export.evidenceItems {
                try c.execute("""
                    INSERT INTO evidence_item (id, document_id, kind, content, status, reviewed_by, reviewed_at, marking)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, [x.id, x.documentID, x.kind, x.content, x.status.rawValue, x.reviewedBy, x.reviewedAt, x.marking.description])
            }
            for a in export.audit {
                try c.execute("INSERT INTO audit (id, at, actor, action, entity, entity_id, before, after, marking) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              [a.id, a.at, a.actor, a.action, a.entity, a.entityID, a.before, a.after, a.marking.description])
            }
            for e in export.ledger {
                try c.execute("INSERT INTO ledger_entry (seq, kind, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?)",
                              [Int64(e.seq), e.kind.rawValue, e.prevHash, e.hash, e.body])
            }
            try advanceIdentities(c)
        }
    }

    /// Moves each identity past the largest id present (rows inserted with explicit ids leave it behind).
    func advanceIdentities(_ c: PGConnection) throws {
        for table in Self.identityTables {
            _ = try c.query("""
                SELECT setval(pg_get_serial_sequence('\(table)', 'id'), GREATEST((SELECT COALESCE(MAX(id), 0) FROM \(table)), 1),
                              (SELECT COUNT(*) > 0 FROM \(table)))
                """)
        }
    }
}
