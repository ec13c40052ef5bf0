import Foundation
import IntiqalDomain
import IntiqalLedger
import IntiqalStorage

extension PostgresWorkspaceStore {
    /// The whole workspace from one snapshot (`REPEATABLE READ`): writers go on meanwhile.
    public func exportWorkspace() throws -> WorkspaceExport { try exportWorkspace(readableBy: .fileHolder) }

    /// The workspace as `reader` may read it, from one snapshot: as the SQLite store's (every
    /// record it may not read left out, and for a viewer the combined marking of what is in it),
    /// with row-level security under the store's filter.
    public func exportWorkspace(readableBy reader: MarkingReader) throws -> WorkspaceExport {
        let commission = reader.readsEverything ? [] : reader.commission
        return try read(.viewer(reader)) { c in
            var markings: [Marking] = []
            func keep<T>(_ list: [T], _ marking: (T) -> Marking) -> [T] {
                let out = list.filter { reader.mayRead(marking($0)) }
                markings += out.map(marking)
                return out
            }
            let (structure, structureMarkings) = try structure(c, reader: reader)
            markings += structureMarkings
            var siteMarkings: [String: Marking] = [:]
            for row in try c.query("SELECT id, marking FROM entity WHERE kind = 'site'") {
                let m = Marking(try row.get(1, String.self)) ?? .rel([])
                if reader.mayRead(m) { siteMarkings[try row.get(0, String.self)] = m }
            }
            var assessments = keep(try assessments(c), \.marking)
            let readableRatings = Set(assessments.map(\.id))
            for i in assessments.indices where assessments[i].supersedes.map({ !readableRatings.contains($0) }) ?? false {
                assessments[i].supersedes = nil
            }
            let resolutions = keep(try resolutionRows(c), \.marking)
            let commitments = try commitmentRecords(c, reader: reader)
            markings += commitments.map(\.marking)
            let readableCommitments = Set(commitments.map(\.commitment.id))
            let statuses = keep(try commitmentHistory(c).filter { readableCommitments.contains($0.commitment) }, \.marking)
            var audit = keep(try auditLog(c), \.marking)
            for i in audit.indices where audit[i].entity == "assessment" {
                if let before = audit[i].before, before.hasPrefix(#"{"assessment":"#),
                   let id = Int64(before.dropFirst(#"{"assessment":"#.count).dropLast()), !readableRatings.contains(id) {
                    audit[i].before = nil
                }
            }
            let ledger = try ledgerEntries(c).map { ($0.entry, Marking($0.marking) ?? .rel([])) }.filter { reader.mayRead($0.1) }
            markings += ledger.map(\.1)
            return WorkspaceExport(
                schemaVersion: WorkspaceMigrations.schemaVersion,
                structure: structure,
                assessments: assessments,
                resolutions: resolutions.map(\.resolution),
                commitments: commitments.map(\.commitment),
                commitmentStatus: statuses,
                incidents: try scenarioIncidents(c, readableBy: reader).map(\.incident),
                users: try users(c),
                evidenceDocuments: keep(try evidenceDocuments(c), \.marking),
                evidenceItems: keep(try evidenceItems(c), \.marking),
                audit: audit,
                ledger: ledger.map(\.0),
                incidentRecords: keep(try incidents(c, where: nil, []), \.marking),
                notes: keep(try notes(c), \.marking),
                savedPlans: keep(try savedPlans(c), \.marking),
                markings: ExportMarkings(sites: siteMarkings, commitments: Dictionary(uniqueKeysWithValues: commitments.map { ($0.commitment.id, $0.marking) }),
                                         resolutions: resolutions.map(\.marking)),
                marking: reader.readsEverything ? nil : SQLiteWorkspaceStore.combined(markings, commission: commission))
        }
    }

    /// The tables an import fills, each with an identity column moved past the imported ids.
    static let importTables = ["entity", "assessment", "resolution", "commitment", "incident", "\"user\"", "evidence_document", "audit",
                               "ledger_entry", "note", "saved_plan"]
    static let identityTables = ["assessment", "resolution", "commitment_status", "incident", "evidence_document", "evidence_item",
                                 "audit", "sign_in_failure", "api_token", "note", "saved_plan", "signed_head", "incident_source"]

    public func importWorkspace(_ export: WorkspaceExport) throws {
        try write { c in try importWorkspace(c, export) }
    }

    /// Loads an export inside an open write transaction (the use case's).
    func importWorkspace(_ c: PGConnection, _ export: WorkspaceExport) throws {
        guard export.format == WorkspaceExport.formatName else {
            throw StorageError.invalid("format: expected '\(WorkspaceExport.formatName)', found '\(export.format)'")
        }
        guard export.schemaVersion <= WorkspaceMigrations.schemaVersion else {
            throw StorageError.invalid("schemaVersion: the export is of schema \(export.schemaVersion), newer than this Intiqal's \(WorkspaceMigrations.schemaVersion)")
        }
        do {
            for table in Self.importTables {
                if try c.one("SELECT EXISTS (SELECT 1 FROM \(table))", [], Bool.self) == true {
                    throw StorageError.notEmpty("\(location): a full export imports only into an empty workspace (this one has \(table.replacingOccurrences(of: "\"", with: "")) rows)")
                }
            }
            if let s = export.structure {
                for row in try SQLiteWorkspaceStore.structureRows(s) {
                    let marking = row.kind == "site" ? export.markings?.sites[row.id] ?? .joint : .public
                    try c.execute("INSERT INTO entity (kind, id, position, json, marking) VALUES (?, ?, ?, ?, ?)",
                                  [row.kind, row.id, Int64(row.position), row.json, marking.description])
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
            for (i, r) in export.resolutions.enumerated() {
                let marking = export.markings?.resolutions.indices.contains(i) == true ? export.markings!.resolutions[i] : .joint
                try c.execute("INSERT INTO resolution (json, marking) VALUES (?, ?)", [try jsonText(r), marking.description])
            }
            for (i, commitment) in export.commitments.enumerated() {
                var base = commitment
                base.history = []
                try c.execute("INSERT INTO commitment (id, position, json, marking) VALUES (?, ?, ?, ?)",
                              [commitment.id, Int64(i), try jsonText(base), (export.markings?.commitments[commitment.id] ?? .joint).description])
            }
            for s in export.commitmentStatus {
                try c.execute("""
                    INSERT INTO commitment_status (id, commitment_id, month, status, note, source, recorded_at, recorded_by, marking)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [s.id, s.commitment, Int64(s.change.month.ordinal), Int64(s.change.status.rawValue), s.change.note,
                          s.change.source, s.recordedAt, s.recordedBy, s.marking.description])
            }
            for u in export.users {
                try c.execute(#"INSERT INTO "user" (name, party, role, working_group) VALUES (?, ?, ?, ?)"#,
                              [u.name, u.party, u.role.rawValue, u.workingGroup])
            }
            for d in export.evidenceDocuments {
                try c.execute("INSERT INTO evidence_document (id, file, sha256, ingested_at, ingested_by, marking) VALUES (?, ?, ?, ?, ?, ?)",
                              [d.id, d.file, d.sha256, d.ingestedAt, d.ingestedBy, d.marking.description])
            }
            for x in export.evidenceItems {
                try c.execute("""
                    INSERT INTO evidence_item (id, document_id, kind, content, status, reviewed_by, reviewed_at, marking)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, [x.id, x.documentID, x.kind, x.content, x.status.rawValue, x.reviewedBy, x.reviewedAt, x.marking.description])
            }
            if let records = export.incidentRecords {
                for r in records { try restoreIncident(c, r) }
            } else {
                for x in export.incidents {
                    _ = try insertIncident(c, NewIncident(incident: x, datePrecision: .day, place: nil, placePrecision: nil, marking: .joint,
                                                          source: NewIncidentSource(kind: .scenario, reference: x.source, provenance: try jsonText(x))),
                                           actor: "import", at: "", audited: false)
                }
            }
            for a in export.audit {
                try c.execute("INSERT INTO audit (id, at, actor, action, entity, entity_id, before, after, marking) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              [a.id, a.at, a.actor, a.action, a.entity, a.entityID, a.before, a.after, a.marking.description])
            }
            for e in export.ledger {
                try c.execute("INSERT INTO ledger_entry (seq, kind, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?)",
                              [Int64(e.seq), e.kind.rawValue, e.prevHash, e.hash, e.body])
            }
            for n in export.notes ?? [] {
                try c.execute("""
                    INSERT INTO note (id, entity, entity_id, text, written_at, written_by, marking) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [n.id, n.entity, n.entityID, n.text, n.writtenAt, n.writtenBy, n.marking.description])
            }
            for p in export.savedPlans ?? [] {
                try c.execute("""
                    INSERT INTO saved_plan (id, name, mode, plan, saved_at, saved_by, marking) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [p.id, p.name, p.mode, p.plan, p.savedAt, p.savedBy, p.marking.description])
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
