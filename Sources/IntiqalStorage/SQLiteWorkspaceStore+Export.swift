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
                users: try UserRow.order(UserRow.Columns.name).fetchAll(db).map(\.user),
                evidenceDocuments: try EvidenceDocumentRow.order(EvidenceDocumentRow.Columns.id).fetchAll(db).map(\.record),
                evidenceItems: try Self.evidenceItems(db),
                audit: try Self.auditLog(db),
                ledger: try Self.ledgerEntries(db),
                incidentRecords: try Self.incidents(db, where: nil, arguments: []))
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
                                        confidence, evidence, illustrative, recorded_at, recorded_by, supersedes, marking)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (i, r) in export.assessments.enumerated() {
                let a = r.assessment
                if let structure { try Self.validate(a, in: structure, at: "assessments[\(i)].assessment") }
                try insert.execute(arguments: [r.id, a.party, a.factor.rawValue, a.region, a.capability ?? "", a.month.ordinal, a.value,
                                               a.trend?.rawValue, a.scale.version, a.confidence.rawValue,
                                               a.evidence.isEmpty ? nil : try jsonText(a.evidence), a.illustrative,
                                               r.recordedAt, r.recordedBy, r.supersedes, r.marking.description])
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
            for u in export.users { try UserRow(u).insert(db) }
            for d in export.evidenceDocuments {
                try EvidenceDocumentRow(id: d.id, file: d.file, sha256: d.sha256, ingestedAt: d.ingestedAt, ingestedBy: d.ingestedBy).insert(db)
            }
            for x in export.evidenceItems {
                try EvidenceItemRow(id: x.id, documentID: x.documentID, kind: x.kind, content: x.content, status: x.status.rawValue,
                                    reviewedBy: x.reviewedBy, reviewedAt: x.reviewedAt, marking: x.marking.description).insert(db)
            }
            if let records = export.incidentRecords {
                for r in records { try restoreIncident(db, r) }
            } else {
                for x in export.incidents {
                    _ = try insertIncident(db, NewIncident(incident: x, datePrecision: .day, place: nil, placePrecision: nil, marking: .joint,
                                                           source: NewIncidentSource(kind: .scenario, reference: x.source, provenance: try jsonText(x))),
                                           actor: "import", at: "", audited: false)
                }
            }
            let audit = try db.cachedStatement(sql: """
                INSERT INTO audit (id, at, actor, action, entity, entity_id, before, after, marking) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for a in export.audit {
                try audit.execute(arguments: [a.id, a.at, a.actor, a.action, a.entity, a.entityID, a.before, a.after, a.marking.description])
            }
            for e in export.ledger {
                try db.execute(sql: "INSERT INTO ledger_entry (seq, kind, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?)",
                               arguments: [e.seq, e.kind.rawValue, e.prevHash, e.hash, e.body])
            }
        }
    }

    /// Puts back an exported incident with its id and its sources' ids.
    func restoreIncident(_ db: Database, _ r: IncidentRecord) throws {
        try db.execute(sql: """
            INSERT INTO incident (id, json, region, kind, day, date_precision, place, place_precision, marking, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.id, try jsonText(r.incident), r.incident.region, r.incident.kind.rawValue, CivilDate(r.incident.date)?.dayNumber ?? 0,
                             r.datePrecision.rawValue, r.place, r.placePrecision, r.marking.description, r.createdAt, r.createdBy])
        for s in r.sources {
            try db.execute(sql: """
                INSERT INTO incident_source (id, incident_id, kind, evidence_item_id, dataset, row_key, file, line, reference, provenance,
                                             merge_reason, marking, added_at, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [s.id, r.id, s.kind.rawValue, s.evidenceItem, s.dataset, s.key, s.file, s.line, s.reference, s.provenance,
                                 try s.merge.map(jsonText), s.marking.description, s.addedAt, s.addedBy])
        }
    }
}
