import Foundation
import IntiqalDomain
import IntiqalLedger
import IntiqalStorage

/// The store's operations: each the SQLite store's, statement for statement where it can be
/// (see `SQLiteWorkspaceStore+Scenario`, `+Assessments`, `+Records`, `+Markings`).
extension PostgresWorkspaceStore {
    // MARK: Scenario

    public func hasScenario() throws -> Bool {
        try read { c in try c.one("SELECT EXISTS (SELECT 1 FROM entity WHERE kind = 'scenario')", [], Bool.self) ?? false }
    }

    public func importScenario(_ scenario: Scenario, actor: String) throws {
        let at = timestamp
        try write { c in try importScenario(c, scenario, actor: actor, at: at) }
    }

    /// Imports inside an open write transaction (the use case's, after its authorization check).
    /// Records new to the workspace (sites, commitments, status changes, resolutions) are `JOINT`;
    /// a record already there keeps its marking (as the SQLite store's).
    func importScenario(_ c: PGConnection, _ scenario: Scenario, actor: String, at: String) throws {
        try saveStructure(c, scenario, actor: actor, at: at)
        let history = try commitmentHistory(c)
        for (i, commitment) in scenario.commitments.enumerated() {
            var base = commitment
            base.history = []
            let json = try jsonText(base)
            let oldRow = try c.query("SELECT json, marking FROM commitment WHERE id = ?", [commitment.id]).first
            let old = try oldRow?.get(0, String.self)
            let marking = try oldRow.map { Marking(try $0.get(1, String.self)) ?? .rel([]) } ?? .joint
            if old != json {
                try c.execute("""
                    INSERT INTO commitment (id, position, json, marking) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET position = excluded.position, json = excluded.json
                    """, [commitment.id, Int64(i), json, marking.description])
                try audit(c, at: at, actor: actor, action: old == nil ? "create" : "update", entity: "commitment", id: commitment.id,
                          before: old, after: json, marking: marking)
            }
            var known = history.filter { $0.commitment == commitment.id }.map(\.change)
            for change in commitment.history where !known.contains(change) {
                try insertCommitmentStatus(c, commitment.id, change, actor: actor, at: at)
                known.append(change)
            }
        }
        _ = try insertAssessments(c, scenario.assessments, structure: scenario, actor: actor, at: at, skipUnchanged: true)
        let resolutions = Set(try self.resolutions(c))
        for r in scenario.resolutions where !resolutions.contains(r) { try insertResolution(c, r, actor: actor, at: at) }
        let incidents = Set(try c.query("SELECT json FROM incident").map { try $0.get(0, String.self) })
        for incident in scenario.incidents {
            let json = try jsonText(incident)
            if incidents.contains(json) { continue }
            _ = try insertIncident(c, NewIncident(incident: incident, datePrecision: .day, place: nil, placePrecision: "region", marking: .joint,
                                                  source: NewIncidentSource(kind: .scenario, reference: incident.source, provenance: json)),
                                   actor: actor, at: at)
        }
    }

    public func scenario() throws -> Scenario {
        try read { c in
            guard var scenario = try structure(c) else {
                throw StorageError.notFound("\(location): the workspace holds no scenario yet (use `intiqal import --database … SCENARIO`)")
            }
            scenario.assessments = try currentAssessments(c)
            scenario.resolutions = try resolutions(c)
            let history = try commitmentHistory(c)
            scenario.commitments = try commitments(c).map { commitment in
                var commitment = commitment
                commitment.history = history.filter { $0.commitment == commitment.id }.map(\.change)
                return commitment
            }
            scenario.incidents = try incidents(c)
            return scenario
        }
    }

    func saveStructure(_ c: PGConnection, _ scenario: Scenario, actor: String, at: String) throws {
        var old: [String: String] = [:], markings: [String: Marking] = [:]
        for row in try c.query("SELECT kind, id, json, marking FROM entity") {
            let key = "\(try row.get(0, String.self))\u{0}\(try row.get(1, String.self))"
            old[key] = try row.get(2, String.self)
            markings[key] = Marking(try row.get(3, String.self)) ?? .rel([])
        }
        var seen = Set<String>()
        var commission: Set<String>?
        for row in try SQLiteWorkspaceStore.structureRows(scenario) {
            let key = "\(row.kind)\u{0}\(row.id)"
            seen.insert(key)
            if old[key] == row.json {
                try c.execute("UPDATE entity SET position = ? WHERE kind = ? AND id = ?", [Int64(row.position), row.kind, row.id])
                continue
            }
            let marking = markings[key] ?? (row.kind == "site" ? .joint : .public)
            try c.execute("""
                INSERT INTO entity (kind, id, position, json, marking) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (kind, id) DO UPDATE SET position = excluded.position, json = excluded.json
                """, [row.kind, row.id, Int64(row.position), row.json, marking.description])
            var auditMarking = marking
            if row.kind == "phase" || row.kind == "capacity" {
                // A phase's row and the capacity's name sites: their history is read only by those who may read them.
                if commission == nil { commission = try commissionParties(c).union(scenario.policy.ratingParties) }
                let named = row.kind == "phase" ? try decodeJSON(Phase.self, row.json, what: "phase").sites
                                                : Array(try decodeJSON(Capacity.self, row.json, what: "capacity").perSite.keys)
                for site in named {
                    auditMarking = auditMarking.combined(with: markings["site\u{0}\(site)"] ?? .joint, commission: commission ?? [])
                }
            }
            try audit(c, at: at, actor: actor, action: old[key] == nil ? "create" : "update", entity: row.kind, id: row.id,
                      before: old[key], after: row.json, marking: auditMarking)
        }
        for (key, json) in old.sorted(by: { $0.key < $1.key }) where !seen.contains(key) {
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            try c.execute("DELETE FROM entity WHERE kind = ? AND id = ?", [parts[0], parts[1]])
            try audit(c, at: at, actor: actor, action: "delete", entity: parts[0], id: parts[1], before: json, after: nil,
                      marking: markings[key] ?? .joint)
        }
    }

    public func setPhaseCompleted(phase: String, month: YearMonth, actor: String) throws {
        let at = timestamp
        try write { c in
            guard let old = try c.one("SELECT json FROM entity WHERE kind = 'phase' AND id = ?", [phase], String.self) else {
                throw StorageError.notFound("phase: unknown phase '\(phase)'")
            }
            var p = try decodeJSON(Phase.self, old, what: "phase")
            p.completed = month
            let json = try jsonText(p)
            try c.execute("UPDATE entity SET json = ? WHERE kind = 'phase' AND id = ?", [json, phase])
            try audit(c, at: at, actor: actor, action: "update", entity: "phase", id: phase, before: old, after: json)
        }
    }

    // MARK: Commitments, resolutions

    func insertCommitmentStatus(_ c: PGConnection, _ id: String, _ change: Commitment.StatusChange, actor: String, at: String,
                                marking: Marking = .joint) throws {
        let row = try insertReturningID(c, """
            INSERT INTO commitment_status (commitment_id, month, status, note, source, recorded_at, recorded_by, marking)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [id, Int64(change.month.ordinal), Int64(change.status.rawValue), change.note, change.source, at, actor, marking.description])
        try audit(c, at: at, actor: actor, action: "create", entity: "commitment-status", id: "\(id)#\(row)", before: nil,
                  after: try jsonText(change), marking: marking)
    }

    public func recordCommitmentStatus(commitment: String, change: Commitment.StatusChange, actor: String) throws {
        let at = timestamp
        try write { c in
            guard try c.one("SELECT EXISTS (SELECT 1 FROM commitment WHERE id = ?)", [commitment], Bool.self) == true else {
                throw StorageError.notFound("commitment: unknown commitment '\(commitment)'")
            }
            try insertCommitmentStatus(c, commitment, change, actor: actor, at: at)
        }
    }

    func insertResolution(_ c: PGConnection, _ r: Resolution, actor: String, at: String, marking: Marking = .joint) throws {
        let json = try jsonText(r)
        let id = try insertReturningID(c, "INSERT INTO resolution (json, marking) VALUES (?, ?)", [json, marking.description])
        try audit(c, at: at, actor: actor, action: "create", entity: "resolution", id: String(id), before: nil, after: json, marking: marking)
    }

    public func recordResolution(_ resolution: Resolution, actor: String) throws {
        let at = timestamp
        try write { c in try insertResolution(c, resolution, actor: actor, at: at) }
    }

    // MARK: Assessments

    @discardableResult
    public func recordAssessments(_ assessments: [Assessment], actor: String) throws -> [Int64] {
        try transaction { try $0.recordAssessments(assessments, marking: .joint, actor: actor) }
    }

    /// How many ratings the workspace has ever recorded (superseded ones included).
    public func assessmentCount() throws -> Int {
        try read { c in Int(try c.one("SELECT COUNT(*) FROM assessment", [], Int64.self) ?? 0) }
    }

    public func assessmentHistory() throws -> [AssessmentRecord] {
        try read { c in try assessments(c) }
    }

    func insertAssessments(_ c: PGConnection, _ assessments: [Assessment], structure: Scenario, actor: String, at: String,
                           skipUnchanged: Bool, marking: Marking = .joint) throws -> [Int64] {
        var validator = AssessmentValidator(structure)
        // The latest id of every slot, read once (the workspace's ratings are few next to a round trip each).
        // A few ratings: each slot looked up by the index.
        var latest: [String: Int64] = [:]
        let readAll = assessments.count > 16
        if readAll {
            for row in try c.query("SELECT party, working_group, region, capability, month, max(id) FROM assessment GROUP BY 1, 2, 3, 4, 5") {
                latest[Self.slotKey(try row.get(0), try row.get(1), try row.get(2), try row.get(3), Int(try row.get(4, Int64.self)))] = try row.get(5, Int64.self)
            }
        }
        var ids: [Int64] = []
        ids.reserveCapacity(assessments.count)
        for (i, a) in assessments.enumerated() {
            try validator.validate(a, at: "assessments[\(i)]")
            let key = Self.slotKey(a.party, a.factor.rawValue, a.region, a.capability ?? "", a.month.ordinal)
            let previousID = readAll || latest[key] != nil ? latest[key] : try c.one("""
                SELECT id FROM assessment WHERE party = ? AND working_group = ? AND region = ? AND capability = ? AND month = ?
                ORDER BY id DESC LIMIT 1
                """, [a.party, a.factor.rawValue, a.region, a.capability ?? "", Int64(a.month.ordinal)], Int64.self)
            if skipUnchanged, let previousID,
               let previous = try c.query("SELECT \(Self.assessmentColumns) FROM assessment a WHERE id = ?", [previousID]).first,
               try Self.assessmentRecord(previous).assessment == a { continue }
            let id = try insertReturningID(c, Self.assessmentInsert,
                                           try Self.assessmentValues(a, at: at, actor: actor, supersedes: previousID, marking: marking))
            latest[key] = id
            ids.append(id)
            try audit(c, at: at, actor: actor, action: previousID == nil ? "create" : "supersede", entity: "assessment",
                      id: String(id), before: previousID.map { #"{"assessment":\#($0)}"# }, after: SQLiteWorkspaceStore.auditText(a),
                      marking: marking)
        }
        return ids
    }

    static func slotKey(_ party: String, _ group: String, _ region: String, _ capability: String, _ month: Int) -> String {
        "\(party)\u{0}\(group)\u{0}\(region)\u{0}\(capability)\u{0}\(month)"
    }

    func currentAssessments(_ c: PGConnection) throws -> [Assessment] {
        try c.query("""
            SELECT \(Self.assessmentColumns) FROM assessment a
            WHERE NOT EXISTS (SELECT 1 FROM assessment b WHERE b.supersedes = a.id)
            ORDER BY a.id
            """).map { try Self.assessmentRecord($0).assessment }
    }

    // MARK: Users, evidence, ledger, audit

    public func addUser(_ user: User, actor: String) throws {
        try transaction { try $0.addUser(user, actor: actor) }
    }

    public func users() throws -> [User] {
        try read { c in try users(c) }
    }

    @discardableResult
    public func addEvidence(_ documents: [EvidenceInput], actor: String) throws -> [Int64] {
        try transaction { try $0.addEvidence(documents, actor: actor) }
    }

    public func reviewEvidenceItem(id: Int64, status: EvidenceItemRecord.Status, reviewer: String) throws {
        try transaction { try $0.reviewEvidenceItem(id: id, status: status, reviewer: reviewer) }
    }

    public func evidenceItems() throws -> [EvidenceItemRecord] {
        try read { c in try evidenceItems(c) }
    }

    @discardableResult
    public func appendLedger(actor: String, _ make: (Int, String) throws -> LedgerEntry) throws -> LedgerEntry {
        try transaction { try $0.appendLedger(actor: actor, make) }
    }

    public func ledgerEntries() throws -> [LedgerEntry] {
        try read { c in try ledgerEntries(c).map(\.entry) }
    }

    public func auditLog() throws -> [AuditRecord] {
        try read { c in try auditLog(c) }
    }

    // MARK: Sessions and tokens (in the database: every instance sees them)

    public func session(idHash: String) throws -> StoredSession? {
        try read { c in
            try c.query("SELECT id_hash, user_name, csrf_token, expires_at FROM session WHERE id_hash = ?", [idHash]).first.map {
                StoredSession(idHash: try $0.get(0), user: try $0.get(1), csrfToken: try $0.get(2),
                              expiresAt: Double(try $0.get(3, String.self)) ?? 0)
            }
        }
    }

    public func token(hash: String) throws -> StoredToken? {
        try read { c in try c.query("SELECT \(Self.tokenColumns) FROM api_token WHERE token_hash = ?", [hash]).first.map(Self.storedToken) }
    }

    public func tokens(user: String?) throws -> [StoredToken] {
        try read { c in
            try c.query("SELECT \(Self.tokenColumns) FROM api_token WHERE ?::text IS NULL OR user_name = ? ORDER BY id", [user, user])
                .map(Self.storedToken)
        }
    }

    // MARK: Reads for a viewer: the store's filter, and row-level security under it

    public func commissionParties() throws -> Set<String> {
        try read { c in try commissionParties(c) }
    }

    func commissionParties(_ c: PGConnection) throws -> Set<String> {
        guard let json = try c.one("SELECT json FROM entity WHERE kind = 'policy'", [], String.self) else { return [] }
        return Set(try decodeJSON(Policy.self, json, what: "policy").ratingParties)
    }

    public func scenario(readableBy reader: MarkingReader) throws -> Scenario {
        guard !reader.readsEverything else { return try scenario() }
        return try markedScenario(readableBy: reader).scenario
    }

    public func markedScenario(readableBy reader: MarkingReader) throws -> MarkedScenario {
        let commission = reader.readsEverything ? try commissionParties() : reader.commission
        return try read(.viewer(reader)) { c in
            let (structure, structureMarkings) = try structure(c, reader: reader)
            guard var scenario = structure else {
                throw StorageError.notFound("\(location): the workspace holds no scenario yet (use `intiqal import --database … SCENARIO`)")
            }
            var markings = structureMarkings
            let all = try assessments(c)
            let current: [AssessmentRecord]
            if reader.readsEverything {
                let superseded = Set(all.compactMap(\.supersedes))
                current = all.filter { !superseded.contains($0.id) }
            } else {
                current = SQLiteWorkspaceStore.current(all.filter { reader.mayRead($0.marking) })
            }
            scenario.assessments = current.map(\.assessment)
            markings += current.map(\.marking)
            for r in try resolutionRows(c) where reader.mayRead(r.marking) {
                scenario.resolutions.append(r.resolution)
                markings.append(r.marking)
            }
            scenario.commitments = try commitmentRecords(c, reader: reader).map { r in
                markings.append(r.marking)
                markings += r.statuses.map(\.marking)
                var commitment = r.commitment
                commitment.history = r.statuses.map(\.change)
                return commitment
            }
            // Incidents the reader may read (from scenario files, evidence and datasets), and their markings.
            scenario.incidents = try scenarioIncidents(c, readableBy: reader).map { r in
                markings.append(r.marking)
                return r.incident
            }
            return MarkedScenario(scenario: scenario, marking: SQLiteWorkspaceStore.combined(markings, commission: commission))
        }
    }

    public func commitmentRecords(readableBy reader: MarkingReader) throws -> [CommitmentRecord] {
        try read(.viewer(reader)) { c in try commitmentRecords(c, reader: reader) }
    }

    public func evidenceDocuments(readableBy reader: MarkingReader) throws -> [EvidenceDocumentRecord] {
        try read(.viewer(reader)) { c in try evidenceDocuments(c) }.filter { reader.mayRead($0.marking) }
    }

    public func notes(readableBy reader: MarkingReader) throws -> [NoteRecord] {
        try read(.viewer(reader)) { c in try notes(c) }.filter { reader.mayRead($0.marking) }
    }

    public func savedPlans(readableBy reader: MarkingReader) throws -> [SavedPlanRecord] {
        try read(.viewer(reader)) { c in try savedPlans(c) }.filter { reader.mayRead($0.marking) }
    }

    /// The workspace's change counter (`meta` key `changes`, bumped by every write transaction of any instance).
    public func changeCounter() throws -> Int64? {
        try read { c in try c.one("SELECT value FROM meta WHERE key = 'changes'", [], String.self).flatMap { Int64($0) } ?? 0 }
    }

    public func assessment(id: Int64) throws -> AssessmentRecord? {
        try read { c in try c.query("SELECT \(Self.assessmentColumns) FROM assessment a WHERE a.id = ?", [id]).first.map(Self.assessmentRecord) }
    }

    public func ratingScales() throws -> [RatingScale] {
        try read { c in
            try c.query(#"SELECT json FROM entity WHERE kind = 'scale' ORDER BY position, id COLLATE "C""#).map {
                try decodeJSON(RatingScale.self, try $0.get(0), what: "scale")
            }
        }
    }

    public func signedHeads() throws -> [LedgerReceipt] {
        try read { c in try c.query("SELECT \(Self.signedHeadColumns) FROM signed_head ORDER BY id").map(Self.signedHead) }
    }

    public func assessmentHistory(readableBy reader: MarkingReader) throws -> [AssessmentRecord] {
        try read(.viewer(reader)) { c in try assessments(c) }.filter { reader.mayRead($0.marking) }
    }

    public func auditLog(readableBy reader: MarkingReader) throws -> [AuditRecord] {
        try read(.viewer(reader)) { c in try auditLog(c) }.filter { reader.mayRead($0.marking) }
    }

    public func evidenceItems(readableBy reader: MarkingReader) throws -> [EvidenceItemRecord] {
        try read(.viewer(reader)) { c in try evidenceItems(c) }.filter { reader.mayRead($0.marking) }
    }

    public func ledgerEntries(readableBy reader: MarkingReader) throws -> [LedgerEntry] {
        try read(.viewer(reader)) { c in try ledgerEntries(c) }.filter { reader.mayRead(Marking($0.marking) ?? .rel([])) }.map(\.entry)
    }
}
