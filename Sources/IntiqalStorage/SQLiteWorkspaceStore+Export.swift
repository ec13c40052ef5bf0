import Foundation
import GRDB
import IntiqalDomain
import IntiqalLedger

extension SQLiteWorkspaceStore {
    public func exportWorkspace() throws -> WorkspaceExport {
        try read { db in
            WorkspaceExport(
                schemaVersion: WorkspaceMigrations.schemaVersion,
                structure: try structure(db),
                assessments: try Row.fetchAll(db, sql: "SELECT \(Self.assessmentColumns) FROM assessment a ORDER BY a.id").map(Self.assessmentRecord),
                resolutions: try db.fetchResolutions(),
                commitments: try commitments(db),
                commitmentStatus: try commitmentHistory(db),
                incidents: try String.fetchAll(db, sql: "SELECT json FROM incident ORDER BY id").map { try decodeJSON(Incident.self, $0, what: "incident") },
                users: try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY name").map(Self.user),
                evidenceDocuments: try Row.fetchAll(db, sql: "SELECT * FROM evidence_document ORDER BY id").map { row in
                    EvidenceDocumentRecord(id: (try row.decode(forColumn: "id")), file: (try row.decode(forColumn: "file")), sha256: (try row.decode(forColumn: "sha256")),
                                           ingestedAt: (try row.decode(forColumn: "ingested_at")), ingestedBy: (try row.decode(forColumn: "ingested_by")))
                },
                evidenceItems: try Self.evidenceItems(db),
                audit: try Self.auditLog(db),
                ledger: try Self.ledgerEntries(db))
        }
    }

    public func importWorkspace(_ export: WorkspaceExport) throws {
        guard export.format == WorkspaceExport.formatName else {
            throw StorageError.invalid("format: expected '\(WorkspaceExport.formatName)', found '\(export.format)'")
        }
        guard export.schemaVersion <= WorkspaceMigrations.schemaVersion else {
            throw StorageError.invalid("schemaVersion: the export is of schema \(export.schemaVersion), newer than this Intiqal's \(WorkspaceMigrations.schemaVersion)")
        }
        try write { db in
            for table in ["entity", "assessment", "resolution", "commitment", "incident", "user", "evidence_document", "audit", "ledger_entry"] {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") == true {
                    throw StorageError.notEmpty("\(location): a full export imports only into an empty workspace (this one has \(table) rows)")
                }
            }
            if let s = export.structure {
                for row in try structureRows(s) {
                    try db.execute(sql: "INSERT INTO entity (kind, id, position, json) VALUES (?, ?, ?, ?)",
                                   arguments: [row.kind, row.id, row.position, row.json])
                }
            }
            let structure = export.structure
            let insert = try db.cachedStatement(sql: """
                INSERT INTO assessment (id, party, working_group, region, capability, month, value, trend, scale_version,
                                        confidence, evidence, illustrative, recorded_at, recorded_by, supersedes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (i, r) in export.assessments.enumerated() {
                let a = r.assessment
                if let structure { try Self.validate(a, in: structure, at: "assessments[\(i)].assessment") }
                try insert.execute(arguments: [r.id, a.party, a.factor.rawValue, a.region, a.capability ?? "", a.month.ordinal, a.value,
                                               a.trend?.rawValue, a.scale.version, a.confidence.rawValue,
                                               a.evidence.isEmpty ? nil : try jsonText(a.evidence), a.illustrative,
                                               r.recordedAt, r.recordedBy, r.supersedes])
            }
            for r in export.resolutions { try db.execute(sql: "INSERT INTO resolution (json) VALUES (?)", arguments: [try jsonText(r)]) }
            for (i, c) in export.commitments.enumerated() {
                var base = c
                base.history = []
                try db.execute(sql: "INSERT INTO commitment (id, position, json) VALUES (?, ?, ?)", arguments: [c.id, i, try jsonText(base)])
            }
            for s in export.commitmentStatus {
                try db.execute(sql: """
                    INSERT INTO commitment_status (id, commitment_id, month, status, note, source, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [s.id, s.commitment, s.change.month.ordinal, s.change.status.rawValue, s.change.note,
                                     s.change.source, s.recordedAt, s.recordedBy])
            }
            for x in export.incidents { try db.execute(sql: "INSERT INTO incident (json) VALUES (?)", arguments: [try jsonText(x)]) }
            for u in export.users {
                try db.execute(sql: "INSERT INTO user (name, party, role, working_group) VALUES (?, ?, ?, ?)",
                               arguments: [u.name, u.party, u.role.rawValue, u.workingGroup])
            }
            for d in export.evidenceDocuments {
                try db.execute(sql: "INSERT INTO evidence_document (id, file, sha256, ingested_at, ingested_by) VALUES (?, ?, ?, ?, ?)",
                               arguments: [d.id, d.file, d.sha256, d.ingestedAt, d.ingestedBy])
            }
            for x in export.evidenceItems {
                try db.execute(sql: """
                    INSERT INTO evidence_item (id, document_id, kind, content, status, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [x.id, x.documentID, x.kind, x.content, x.status.rawValue, x.reviewedBy, x.reviewedAt])
            }
            let audit = try db.cachedStatement(sql: """
                INSERT INTO audit (id, at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for a in export.audit {
                try audit.execute(arguments: [a.id, a.at, a.actor, a.action, a.entity, a.entityID, a.before, a.after])
            }
            for e in export.ledger {
                try db.execute(sql: "INSERT INTO ledger_entry (seq, kind, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?)",
                               arguments: [e.seq, e.kind.rawValue, e.prevHash, e.hash, e.body])
            }
        }
    }
}
