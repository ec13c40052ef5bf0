import Foundation
import GRDB
import IntiqalDomain

/// Incidents and their sources (DESIGN §4, §7).
extension SQLiteWorkspaceStore {
    static let incidentColumns = "id, json, date_precision, place, place_precision, marking, created_at, created_by"

    public func incidents(readableBy reader: MarkingReader) throws -> [IncidentRecord] {
        try read { db in try Self.incidents(db, where: nil, arguments: []) }.filter { reader.mayRead($0.marking) }
    }

    public func incident(id: Int64, readableBy reader: MarkingReader) throws -> IncidentRecord? {
        try read { db in try Self.incidents(db, where: "id = ?", arguments: [id]).first }.flatMap { reader.mayRead($0.marking) ? $0 : nil }
    }

    /// Incidents matching `condition` (SQL over `incident`), by id, with their sources.
    static func incidents(_ db: Database, where condition: String?, arguments: StatementArguments) throws -> [IncidentRecord] {
        let rows = try Row.fetchAll(db, sql: "SELECT \(incidentColumns) FROM incident \(condition.map { "WHERE \($0)" } ?? "") ORDER BY id",
                                    arguments: arguments)
        guard !rows.isEmpty else { return [] }
        var sources: [Int64: [IncidentSource]] = [:]
        let sourceSQL = "SELECT * FROM incident_source" + (condition == nil ? "" : " WHERE incident_id IN (SELECT id FROM incident WHERE \(condition!))")
            + " ORDER BY id"
        for row in try Row.fetchAll(db, sql: sourceSQL, arguments: condition == nil ? [] : arguments) {
            let incident: Int64 = row["incident_id"]
            sources[incident, default: []].append(try incidentSource(row))
        }
        return try rows.map { row in
            let id: Int64 = row["id"]
            let json: String = row["json"]
            let marking: String = row["marking"]
            return IncidentRecord(
                id: id, incident: try decodeJSON(Incident.self, json, what: "incident"),
                datePrecision: IncidentRecord.DatePrecision(rawValue: row["date_precision"]) ?? .day,
                place: row["place"], placePrecision: row["place_precision"], marking: Marking(marking) ?? .rel([]),
                sources: sources[id] ?? [], createdAt: row["created_at"], createdBy: row["created_by"])
        }
    }

    static func incidentSource(_ row: Row) throws -> IncidentSource {
        let kind: String = row["kind"], marking: String = row["marking"]
        let merge: String? = row["merge_reason"]
        return IncidentSource(
            id: row["id"], kind: IncidentSource.Kind(rawValue: kind) ?? .scenario, evidenceItem: row["evidence_item_id"],
            dataset: row["dataset"], key: row["row_key"], file: row["file"], line: row["line"], reference: row["reference"],
            provenance: row["provenance"], merge: try merge.map { try decodeJSON(IncidentMerge.self, $0, what: "incident merge") },
            marking: Marking(marking) ?? .rel([]), addedAt: row["added_at"], addedBy: row["added_by"])
    }

    /// Inserts an incident and its first source; returns its id.
    func insertIncident(_ db: Database, _ new: NewIncident, actor: String, at: String, audited: Bool = true) throws -> Int64 {
        let json = try jsonText(new.incident)
        let day = CivilDate(new.incident.date)?.dayNumber ?? 0
        try db.cachedStatement(sql: """
            INSERT INTO incident (json, region, kind, day, date_precision, place, place_precision, marking, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [json, new.incident.region, new.incident.kind.rawValue, day, new.datePrecision.rawValue,
                                     new.place, new.placePrecision, new.marking.description, at, actor])
        let id = db.lastInsertedRowID
        _ = try insertIncidentSource(db, incident: id, new.source, marking: new.marking, actor: actor, at: at, audited: false)
        if audited {
            try audit(db, at: at, actor: actor, action: "create", entity: "incident", id: String(id), before: nil, after: json, marking: new.marking)
        }
        return id
    }

    func insertIncidentSource(_ db: Database, incident: Int64, _ s: NewIncidentSource, marking: Marking, actor: String, at: String,
                              audited: Bool = true) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO incident_source (incident_id, kind, evidence_item_id, dataset, row_key, file, line, reference, provenance,
                                         merge_reason, marking, added_at, added_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [incident, s.kind.rawValue, s.evidenceItem, s.dataset, s.key, s.file, s.line, s.reference, s.provenance,
                                     try s.merge.map(jsonText), marking.description, at, actor])
        let id = db.lastInsertedRowID
        if audited {
            try audit(db, at: at, actor: actor, action: s.merge == nil ? "add-source" : "merge", entity: "incident", id: String(incident),
                      before: nil, after: try jsonText(["source": String(id), "merge": try s.merge.map(jsonText) ?? ""]), marking: marking)
        }
        return id
    }

    /// Incident rows as the domain's `Incident`s, of the records `reader` may read.
    static func scenarioIncidents(_ db: Database, readableBy reader: MarkingReader) throws -> [Incident] {
        try Row.fetchAll(db, sql: "SELECT json, marking FROM incident ORDER BY id").compactMap { row in
            let marking: String = row["marking"]
            guard reader.mayRead(Marking(marking) ?? .rel([])) else { return nil }
            return try decodeJSON(Incident.self, row["json"], what: "incident")
        }
    }
}

extension SQLiteWorkspaceTransaction {
    func incident(id: Int64) throws -> IncidentRecord? {
        try SQLiteWorkspaceStore.incidents(db, where: "id = ?", arguments: [id]).first
    }

    func incident(sourceID: Int64) throws -> IncidentRecord? {
        try SQLiteWorkspaceStore.incidents(db, where: "id = (SELECT incident_id FROM incident_source WHERE id = ?)", arguments: [sourceID]).first
    }

    func incidents(region: String, kind: Incident.Kind, days: ClosedRange<Int>) throws -> [IncidentRecord] {
        try SQLiteWorkspaceStore.incidents(db, where: "region = ? AND kind = ? AND day BETWEEN ? AND ?",
                                           arguments: [region, kind.rawValue, days.lowerBound, days.upperBound])
    }

    func incidentSource(evidenceItem: Int64) throws -> (incident: Int64, source: IncidentSource)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM incident_source WHERE evidence_item_id = ?", arguments: [evidenceItem]) else {
            return nil
        }
        return (row["incident_id"], try SQLiteWorkspaceStore.incidentSource(row))
    }

    func addIncident(_ new: NewIncident, actor: String) throws -> Int64 {
        try store.insertIncident(db, new, actor: actor, at: at)
    }

    func addIncidentSource(incident: Int64, _ source: NewIncidentSource, actor: String) throws -> Int64 {
        guard let target = try self.incident(id: incident) else { throw StorageError.notFound("incident \(incident): no such incident") }
        return try store.insertIncidentSource(db, incident: incident, source, marking: target.marking, actor: actor, at: at)
    }

    func removeIncidentSource(id: Int64, actor: String) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM incident_source WHERE id = ?", arguments: [id]) else {
            throw StorageError.notFound("incident source \(id): no such source")
        }
        let incident: Int64 = row["incident_id"]
        let source = try SQLiteWorkspaceStore.incidentSource(row)
        try db.execute(sql: "DELETE FROM incident_source WHERE id = ?", arguments: [id])
        try store.audit(db, at: at, actor: actor, action: "remove-source", entity: "incident", id: String(incident),
                        before: try jsonText(source), after: nil, marking: source.marking)
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM incident_source WHERE incident_id = ?", arguments: [incident]) == 0 {
            let json = try String.fetchOne(db, sql: "SELECT json FROM incident WHERE id = ?", arguments: [incident])
            try db.execute(sql: "DELETE FROM incident WHERE id = ?", arguments: [incident])
            try store.audit(db, at: at, actor: actor, action: "delete", entity: "incident", id: String(incident), before: json, after: nil,
                            marking: source.marking)
        }
    }

    func splitIncidentSource(id: Int64, into new: NewIncident, actor: String) throws -> Int64 {
        guard let row = try Row.fetchOne(db, sql: "SELECT incident_id, marking FROM incident_source WHERE id = ?", arguments: [id]) else {
            throw StorageError.notFound("incident source \(id): no such source")
        }
        let old: Int64 = row["incident_id"]
        let json = try jsonText(new.incident)
        try db.execute(sql: """
            INSERT INTO incident (json, region, kind, day, date_precision, place, place_precision, marking, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [json, new.incident.region, new.incident.kind.rawValue, CivilDate(new.incident.date)?.dayNumber ?? 0,
                             new.datePrecision.rawValue, new.place, new.placePrecision, new.marking.description, at, actor])
        let created = db.lastInsertedRowID
        try db.execute(sql: "UPDATE incident_source SET incident_id = ?, merge_reason = NULL WHERE id = ?", arguments: [created, id])
        try store.audit(db, at: at, actor: actor, action: "split", entity: "incident", id: String(old),
                        before: try jsonText(["source": String(id), "incident": String(old)]),
                        after: try jsonText(["source": String(id), "incident": String(created)]), marking: new.marking)
        return created
    }

    func datasetKeysPresent(_ keys: [String]) throws -> Set<String> {
        var present = Set<String>()
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM incident_source WHERE row_key = ?")
        for key in keys where try Bool.fetchOne(statement, arguments: [key]) == true { present.insert(key) }
        return present
    }

    func addIncidents(_ incidents: [NewIncident], actor: String) throws -> [Int64] {
        try incidents.map { try store.insertIncident(db, $0, actor: actor, at: at) }
    }
}
