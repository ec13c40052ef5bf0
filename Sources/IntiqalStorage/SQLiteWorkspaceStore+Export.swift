import Foundation
import GRDB
import IntiqalDomain
import IntiqalLedger

extension SQLiteWorkspaceStore {
    public func exportWorkspace() throws -> WorkspaceExport { try exportWorkspace(readableBy: .fileHolder) }

    /// The workspace as `reader` may read it: every record it may not read left out (a rating
    /// that superseded one it may not read does not name it; neither does the audit row), and
    /// for a viewer, the combined marking of what is in it.
    public func exportWorkspace(readableBy reader: MarkingReader) throws -> WorkspaceExport {
        let commission = reader.readsEverything ? [] : reader.commission
        return try read { db in
            var markings: [Marking] = []
            func keep<T>(_ list: [T], _ marking: (T) -> Marking) -> [T] {
                let out = list.filter { reader.mayRead(marking($0)) }
                markings += out.map(marking)
                return out
            }
            let (structure, structureMarkings) = try structure(db, reader: reader)
            markings += structureMarkings
            var siteMarkings: [String: Marking] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, marking FROM entity WHERE kind = 'site'") {
                let m = Marking(try row.decode(String.self, forColumn: "marking")) ?? .rel([])
                if reader.mayRead(m) { siteMarkings[try row.decode(forColumn: "id")] = m }
            }
            var assessments = keep(try Row.fetchAll(db, sql: "SELECT \(Self.assessmentColumns) FROM assessment a ORDER BY a.id").map(Self.assessmentRecord), \.marking)
            let readableRatings = Set(assessments.map(\.id))
            for i in assessments.indices where assessments[i].supersedes.map({ !readableRatings.contains($0) }) ?? false {
                assessments[i].supersedes = nil
            }
            let resolutions = keep(try Self.resolutionRows(db), \.marking)
            let commitments = try commitmentRecords(db, reader: reader)
            markings += commitments.map(\.marking)
            let readableCommitments = Set(commitments.map(\.commitment.id))
            let statuses = keep(try commitmentHistory(db).filter { readableCommitments.contains($0.commitment) }, \.marking)
            var audit = keep(try Self.auditLog(db), \.marking)
            for i in audit.indices where audit[i].entity == "assessment" {
                if let before = audit[i].before, before.hasPrefix(#"{"assessment":"#),
                   let id = Int64(before.dropFirst(#"{"assessment":"#.count).dropLast()), !readableRatings.contains(id) {
                    audit[i].before = nil
                }
            }
            let ledgerMarkings = try String.fetchAll(db, sql: "SELECT marking FROM ledger_entry ORDER BY seq").map { Marking($0) ?? .rel([]) }
            let ledger = zip(try Self.ledgerEntries(db), ledgerMarkings).filter { reader.mayRead($0.1) }
            markings += ledger.map(\.1)
            let incidentRecords = keep(try Self.incidents(db, where: nil, arguments: []), \.marking)
            return WorkspaceExport(
                schemaVersion: WorkspaceMigrations.schemaVersion,
                structure: structure,
                assessments: assessments,
                resolutions: resolutions.map(\.resolution),
                commitments: commitments.map(\.commitment),
                commitmentStatus: statuses,
                incidents: try Self.scenarioIncidents(db, readableBy: reader),
                users: try UserRow.order(UserRow.Columns.name).fetchAll(db).map(\.user),
                evidenceDocuments: keep(try EvidenceDocumentRow.order(EvidenceDocumentRow.Columns.id).fetchAll(db).map(\.record), \.marking),
                evidenceItems: keep(try Self.evidenceItems(db), \.marking),
                audit: audit,
                ledger: ledger.map(\.0),
                incidentRecords: incidentRecords,
                notes: keep(try Self.notes(db), \.marking),
                savedPlans: keep(try Self.savedPlans(db), \.marking),
                markings: ExportMarkings(sites: siteMarkings, commitments: Dictionary(uniqueKeysWithValues: commitments.map { ($0.commitment.id, $0.marking) }),
                                         resolutions: resolutions.map(\.marking)),
                marking: reader.readsEverything ? nil : Self.combined(markings, commission: commission))
        }
    }

    public func importWorkspace(_ export: WorkspaceExport) throws {
        try write { db in try importWorkspace(db, export) }
    }

    /// Loads an export inside an open write transaction (the use case's).
    func importWorkspace(_ db: Database, _ export: WorkspaceExport) throws {
        guard export.format == WorkspaceExport.formatName else {
            throw StorageError.invalid("format: expected '\(WorkspaceExport.formatName)', found '\(export.format)'")
        }
        guard export.schemaVersion <= WorkspaceMigrations.schemaVersion else {
            throw StorageError.invalid("schemaVersion: the export is of schema \(export.schemaVersion), newer than this Intiqal's \(WorkspaceMigrations.schemaVersion)")
        }
        do {
            for table in ["entity", "assessment", "resolution", "commitment", "incident", "user", "evidence_document", "audit", "ledger_entry",
                          "note", "saved_plan"] {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") == true {
                    throw StorageError.notEmpty("\(location): a full export imports only into an empty workspace (this one has \(table) rows)")
                }
            }
            if let s = export.structure {
                for row in try structureRows(s) {
                    let marking = row.kind == "site" ? export.markings?.sites[row.id] ?? .joint : .public
                    try db.execute(sql: "INSERT INTO entity (kind, id, position, json, marking) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [row.kind, row.id, row.position, row.json, marking.description])
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
            for (i, r) in export.resolutions.enumerated() {
                let marking = export.markings?.resolutions.indices.contains(i) == true ? export.markings!.resolutions[i] : .joint
                try db.execute(sql: "INSERT INTO resolution (json, marking) VALUES (?, ?)", arguments: [try jsonText(r), marking.description])
            }
            for (i, c) in export.commitments.enumerated() {
                var base = c
                base.history = []
                try db.execute(sql: "INSERT INTO commitment (id, position, json, marking) VALUES (?, ?, ?, ?)",
                               arguments: [c.id, i, try jsonText(base), (export.markings?.commitments[c.id] ?? .joint).description])
            }
            for s in export.commitmentStatus {
                try db.execute(sql: """
                    INSERT INTO commitment_status (id, commitment_id, month, status, note, source, recorded_at, recorded_by, marking)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [s.id, s.commitment, s.change.month.ordinal, s.change.status.rawValue, s.change.note,
                                     s.change.source, s.recordedAt, s.recordedBy, s.marking.description])
            }
            for u in export.users { try UserRow(u).insert(db) }
            for d in export.evidenceDocuments {
                try EvidenceDocumentRow(id: d.id, file: d.file, sha256: d.sha256, ingestedAt: d.ingestedAt, ingestedBy: d.ingestedBy,
                                        marking: d.marking.description).insert(db)
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
            for n in export.notes ?? [] {
                try db.execute(sql: """
                    INSERT INTO note (id, entity, entity_id, text, written_at, written_by, marking) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [n.id, n.entity, n.entityID, n.text, n.writtenAt, n.writtenBy, n.marking.description])
            }
            for p in export.savedPlans ?? [] {
                try db.execute(sql: """
                    INSERT INTO saved_plan (id, name, mode, plan, saved_at, saved_by, marking) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [p.id, p.name, p.mode, p.plan, p.savedAt, p.savedBy, p.marking.description])
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
