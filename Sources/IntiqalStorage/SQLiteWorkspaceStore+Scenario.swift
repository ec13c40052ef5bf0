import Foundation
import GRDB
import IntiqalDomain

/// The scenario header: what is not a list of entities.
package struct ScenarioHeader: Codable, Hashable {
    package var id: String
    package var name: LocalizedText
    package var start: YearMonth
    package var horizonMonths: Int
    package var sources: [String: String]
}

/// Key of one rating slot: a new rating of the same slot supersedes the old.
struct AssessmentSlot: Hashable {
    var party: String
    var factor: String
    var region: String
    var capability: String
    var month: Int
}

extension SQLiteWorkspaceStore {
    public func hasScenario() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM entity WHERE kind = 'scenario')") ?? false }
    }

    public func importScenario(_ scenario: Scenario, actor: String) throws {
        let at = timestamp
        try write { db in try importScenario(db, scenario, actor: actor, at: at) }
    }

    /// Imports inside an open write transaction (the use case's, after its authorization check).
    /// Records new to the workspace (sites, commitments, status changes, resolutions) are `JOINT`:
    /// the scenario is the commission's record; a record already there keeps its marking.
    func importScenario(_ db: Database, _ scenario: Scenario, actor: String, at: String) throws {
            try saveStructure(db, scenario, actor: actor, at: at)
            // Commitments before their statuses.
            for (i, c) in scenario.commitments.enumerated() {
                var base = c
                base.history = []
                let json = try jsonText(base)
                let oldRow = try Row.fetchOne(db, sql: "SELECT json, marking FROM commitment WHERE id = ?", arguments: [c.id])
                let old: String? = try oldRow?.decode(forColumn: "json")
                let marking = try oldRow.map { Marking(try $0.decode(String.self, forColumn: "marking")) ?? .rel([]) } ?? .joint
                if old != json {
                    try db.execute(sql: """
                        INSERT INTO commitment (id, position, json, marking) VALUES (?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET position = excluded.position, json = excluded.json
                        """, arguments: [c.id, i, json, marking.description])
                    try audit(db, at: at, actor: actor, action: old == nil ? "create" : "update", entity: "commitment", id: c.id, before: old,
                              after: json, marking: marking)
                }
                let known = try commitmentHistory(db).filter { $0.commitment == c.id }.map(\.change)
                for change in c.history where !known.contains(change) {
                    try insertCommitmentStatus(db, c.id, change, actor: actor, at: at)
                }
            }
            _ = try insertAssessments(db, scenario.assessments, structure: scenario, actor: actor, at: at, skipUnchanged: true)
            let resolutions = try Set(db.fetchResolutions())
            for r in scenario.resolutions where !resolutions.contains(r) { try insertResolution(db, r, actor: actor, at: at) }
            let incidents = try Set(String.fetchAll(db, sql: "SELECT json FROM incident"))
            for incident in scenario.incidents {
                let json = try jsonText(incident)
                if incidents.contains(json) { continue }
                _ = try insertIncident(db, NewIncident(incident: incident, datePrecision: .day, place: nil, placePrecision: "region", marking: .joint,
                                                       source: NewIncidentSource(kind: .scenario, reference: incident.source, provenance: json)),
                                       actor: actor, at: at)
            }
    }

    public func scenario() throws -> Scenario {
        try read { db in
            guard var scenario = try structure(db) else {
                throw StorageError.notFound("\(location): the workspace holds no scenario yet (use `intiqal import \(location) SCENARIO`)")
            }
            scenario.assessments = try currentAssessments(db)
            scenario.resolutions = try db.fetchResolutions()
            let history = try commitmentHistory(db)
            scenario.commitments = try commitments(db).map { c in
                var c = c
                c.history = history.filter { $0.commitment == c.id }.map(\.change)
                return c
            }
            scenario.incidents = try String.fetchAll(db, sql: "SELECT json FROM incident ORDER BY id").map {
                try decodeJSON(Incident.self, $0, what: "incident")
            }
            return scenario
        }
    }

    // MARK: Structure

    /// Entity rows of a scenario's structure: (kind, id) → JSON, with a position.
    func structureRows(_ s: Scenario) throws -> [(kind: String, id: String, position: Int, json: String)] {
        try Self.structureRows(s)
    }

    /// Entity rows of a scenario's structure (shared with the PostgreSQL store).
    package static func structureRows(_ s: Scenario) throws -> [(kind: String, id: String, position: Int, json: String)] {
        var rows: [(String, String, Int, String)] = []
        rows.append(("scenario", "scenario", 0, try jsonText(ScenarioHeader(id: s.id, name: s.name, start: s.start,
                                                                          horizonMonths: s.horizonMonths, sources: s.sources))))
        for (i, x) in s.parties.enumerated() { rows.append(("party", x.id, i, try jsonText(x))) }
        for (i, x) in s.regions.enumerated() { rows.append(("region", x.id, i, try jsonText(x))) }
        for (i, x) in s.capabilities.enumerated() { rows.append(("capability", x.id, i, try jsonText(x))) }
        for (i, x) in s.scales.enumerated() { rows.append(("scale", "\(x.factor.rawValue):\(x.version)", i, try jsonText(x))) }
        for (i, x) in s.sites.enumerated() { rows.append(("site", x.id, i, try jsonText(x))) }
        for (i, x) in s.phases.enumerated() { rows.append(("phase", x.id, i, try jsonText(x))) }
        rows.append(("policy", "policy", 0, try jsonText(s.policy)))
        rows.append(("capacity", "capacity", 0, try jsonText(s.capacity)))
        rows.append(("growth", "growth", 0, try jsonText(s.growth)))
        return rows
    }

    func saveStructure(_ db: Database, _ scenario: Scenario, actor: String, at: String) throws {
        var old: [String: String] = [:], markings: [String: Marking] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kind, id, json, marking FROM entity") {
            let kind: String = try row.decode(forColumn: "kind"), id: String = try row.decode(forColumn: "id")
            old["\(kind)\u{0}\(id)"] = try row.decode(forColumn: "json")
            markings["\(kind)\u{0}\(id)"] = Marking(try row.decode(String.self, forColumn: "marking")) ?? .rel([])
        }
        var seen = Set<String>()
        for row in try structureRows(scenario) {
            let key = "\(row.kind)\u{0}\(row.id)"
            seen.insert(key)
            let marking = markings[key] ?? Self.defaultMarking(kind: row.kind)
            try db.execute(sql: """
                INSERT INTO entity (kind, id, position, json, marking) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (kind, id) DO UPDATE SET position = excluded.position, json = excluded.json
                """, arguments: [row.kind, row.id, row.position, row.json, marking.description])
            if old[key] != row.json {
                var auditMarking = marking
                if row.kind == "phase" || row.kind == "capacity" {
                    // A phase's row and the capacity's name sites: their history is read only by those who may read them.
                    let commission = try commissionParties(db).union(scenario.policy.ratingParties)
                    let named = row.kind == "phase" ? try decodeJSON(Phase.self, row.json, what: "phase").sites
                                                    : Array(try decodeJSON(Capacity.self, row.json, what: "capacity").perSite.keys)
                    for site in named {
                        auditMarking = auditMarking.combined(with: markings["site\u{0}\(site)"] ?? .joint, commission: commission)
                    }
                }
                try audit(db, at: at, actor: actor, action: old[key] == nil ? "create" : "update", entity: row.kind, id: row.id,
                          before: old[key], after: row.json, marking: auditMarking)
            }
        }
        for (key, json) in old where !seen.contains(key) {
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            try db.execute(sql: "DELETE FROM entity WHERE kind = ? AND id = ?", arguments: [parts[0], parts[1]])
            try audit(db, at: at, actor: actor, action: "delete", entity: parts[0], id: parts[1], before: json, after: nil,
                      marking: markings[key] ?? .joint)
        }
    }

    /// A new structure row's marking: sites (their teams and headcounts) are the commission's
    /// (`JOINT`); the frame every party plans in is `PUBLIC`.
    static func defaultMarking(kind: String) -> Marking { kind == "site" ? .joint : .public }

    /// The structure alone (no ratings, resolutions, commitments or incidents); nil before import.
    func structure(_ db: Database) throws -> Scenario? { try structure(db, reader: .fileHolder).scenario }

    /// The structure as `reader` may see it (sites it may not read left out), and the markings of
    /// the rows read.
    func structure(_ db: Database, reader: MarkingReader) throws -> (scenario: Scenario?, markings: [Marking]) {
        var byKind: [String: [String]] = [:]
        var markings: [Marking] = []
        for row in try Row.fetchAll(db, sql: "SELECT kind, json, marking FROM entity ORDER BY kind, position, id") {
            let marking = Marking(try row.decode(String.self, forColumn: "marking")) ?? .rel([])
            guard reader.mayRead(marking) else { continue }
            markings.append(marking)
            try byKind[row.decode(String.self, forColumn: "kind"), default: []].append(row.decode(forColumn: "json"))
        }
        return (try Self.structure(byKind: byKind, location: location, readsEverything: reader.readsEverything), markings)
    }

    /// The structure from its entity rows' JSON by kind, in order (shared with the PostgreSQL store);
    /// unless `readsEverything`, a phase and the capacity name only the sites among the rows given.
    package static func structure(byKind: [String: [String]], location: String, readsEverything: Bool = true) throws -> Scenario? {
        guard let headerText = byKind["scenario"]?.first else { return nil }
        func list<T: Decodable>(_ kind: String, _ type: T.Type) throws -> [T] {
            try (byKind[kind] ?? []).map { try decodeJSON(T.self, $0, what: kind) }
        }
        func one<T: Decodable>(_ kind: String, _ type: T.Type) throws -> T {
            guard let text = byKind[kind]?.first else { throw StorageError.invalid("\(location): the workspace has no \(kind)") }
            return try decodeJSON(T.self, text, what: kind)
        }
        let header = try decodeJSON(ScenarioHeader.self, headerText, what: "scenario")
        var phases = try list("phase", Phase.self)
        var capacity = try one("capacity", Capacity.self)
        if !readsEverything {
            // A phase and the capacity name only the sites the reader may read.
            let sites = Set(try list("site", Site.self).map(\.id))
            for i in phases.indices { phases[i].sites = phases[i].sites.filter(sites.contains) }
            capacity.perSite = capacity.perSite.filter { sites.contains($0.key) }
        }
        return Scenario(id: header.id, name: header.name, start: header.start, horizonMonths: header.horizonMonths,
                        parties: try list("party", Party.self), regions: try list("region", Region.self),
                        capabilities: try list("capability", CapabilityArea.self), scales: try list("scale", RatingScale.self),
                        sites: try list("site", Site.self), phases: phases, assessments: [],
                        policy: try one("policy", Policy.self), capacity: capacity,
                        growth: try one("growth", Growth.self), sources: header.sources)
    }

    public func setPhaseCompleted(phase: String, month: YearMonth, actor: String) throws {
        let at = timestamp
        try write { db in
            guard let old = try String.fetchOne(db, sql: "SELECT json FROM entity WHERE kind = 'phase' AND id = ?", arguments: [phase]) else {
                throw StorageError.notFound("phase: unknown phase '\(phase)'")
            }
            var p = try decodeJSON(Phase.self, old, what: "phase")
            p.completed = month
            let json = try jsonText(p)
            try db.execute(sql: "UPDATE entity SET json = ? WHERE kind = 'phase' AND id = ?", arguments: [json, phase])
            try audit(db, at: at, actor: actor, action: "update", entity: "phase", id: phase, before: old, after: json)
        }
    }

    // MARK: Commitments, resolutions

    func commitments(_ db: Database) throws -> [Commitment] {
        try String.fetchAll(db, sql: "SELECT json FROM commitment ORDER BY position, id").map {
            try decodeJSON(Commitment.self, $0, what: "commitment")
        }
    }

    func commitmentHistory(_ db: Database) throws -> [CommitmentStatusRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM commitment_status ORDER BY id").map { row in
            guard let status = Commitment.Status(rawValue: (try row.decode(forColumn: "status"))) else { throw StorageError.invalid("stored commitment status is not 0–3") }
            return CommitmentStatusRecord(
                id: (try row.decode(forColumn: "id")), commitment: (try row.decode(forColumn: "commitment_id")),
                change: .init(month: YearMonth(ordinal: (try row.decode(forColumn: "month"))), status: status, note: (try row.decode(forColumn: "note")), source: (try row.decode(forColumn: "source"))),
                recordedAt: (try row.decode(forColumn: "recorded_at")), recordedBy: (try row.decode(forColumn: "recorded_by")),
                marking: Marking(try row.decode(String.self, forColumn: "marking")) ?? .rel([]))
        }
    }

    func insertCommitmentStatus(_ db: Database, _ id: String, _ change: Commitment.StatusChange, actor: String, at: String,
                                marking: Marking = .joint) throws {
        try db.execute(sql: """
            INSERT INTO commitment_status (commitment_id, month, status, note, source, recorded_at, recorded_by, marking)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, change.month.ordinal, change.status.rawValue, change.note, change.source, at, actor, marking.description])
        try audit(db, at: at, actor: actor, action: "create", entity: "commitment-status", id: "\(id)#\(db.lastInsertedRowID)",
                  before: nil, after: try jsonText(change), marking: marking)
    }

    public func recordCommitmentStatus(commitment: String, change: Commitment.StatusChange, actor: String) throws {
        let at = timestamp
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM commitment WHERE id = ?)", arguments: [commitment]) == true else {
                throw StorageError.notFound("commitment: unknown commitment '\(commitment)'")
            }
            try insertCommitmentStatus(db, commitment, change, actor: actor, at: at)
        }
    }

    func insertResolution(_ db: Database, _ r: Resolution, actor: String, at: String, marking: Marking = .joint) throws {
        let json = try jsonText(r)
        try db.execute(sql: "INSERT INTO resolution (json, marking) VALUES (?, ?)", arguments: [json, marking.description])
        try audit(db, at: at, actor: actor, action: "create", entity: "resolution", id: String(db.lastInsertedRowID), before: nil, after: json,
                  marking: marking)
    }

    public func recordResolution(_ resolution: Resolution, actor: String) throws {
        let at = timestamp
        try write { db in try insertResolution(db, resolution, actor: actor, at: at) }
    }
}

extension Database {
    func fetchResolutions() throws -> [Resolution] {
        try String.fetchAll(self, sql: "SELECT json FROM resolution ORDER BY id").map { try decodeJSON(Resolution.self, $0, what: "resolution") }
    }
}
