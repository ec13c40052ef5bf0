import Foundation
import IntiqalDomain
import IntiqalStorage

/// Incidents and their sources (DESIGN §4, §7): statement for statement the SQLite store's
/// `SQLiteWorkspaceStore+Incidents`.
extension PostgresWorkspaceStore {
    static let incidentColumns = "id, json, date_precision, place, place_precision, marking, created_at, created_by"
    static let incidentSourceColumns = """
        id, incident_id, kind, evidence_item_id, dataset, row_key, file, line, reference, provenance, merge_reason, marking, added_at, added_by
        """

    public func incidents(readableBy reader: MarkingReader) throws -> [IncidentRecord] {
        try read(.viewer(reader)) { c in try incidents(c, where: nil, []) }.filter { reader.mayRead($0.marking) }
    }

    public func incident(id: Int64, readableBy reader: MarkingReader) throws -> IncidentRecord? {
        try read(.viewer(reader)) { c in try incidents(c, where: "id = ?", [id]).first }.flatMap { reader.mayRead($0.marking) ? $0 : nil }
    }

    /// Incidents matching `condition` (SQL over `incident`), by id, with their sources.
    func incidents(_ c: PGConnection, where condition: String?, _ values: [Any?]) throws -> [IncidentRecord] {
        let rows = try c.query("SELECT \(Self.incidentColumns) FROM incident \(condition.map { "WHERE \($0)" } ?? "") ORDER BY id", values)
        guard !rows.isEmpty else { return [] }
        var sources: [Int64: [IncidentSource]] = [:]
        let sourceSQL = "SELECT \(Self.incidentSourceColumns) FROM incident_source"
            + (condition.map { " WHERE incident_id IN (SELECT id FROM incident WHERE \($0))" } ?? "") + " ORDER BY id"
        for row in try c.query(sourceSQL, condition == nil ? [] : values) {
            sources[try row.get(1, Int64.self), default: []].append(try Self.incidentSource(row))
        }
        return try rows.map { row in
            let id = try row.get(0, Int64.self)
            return IncidentRecord(
                id: id, incident: try decodeJSON(Incident.self, try row.get(1), what: "incident"),
                datePrecision: IncidentRecord.DatePrecision(rawValue: try row.get(2, String.self)) ?? .day,
                place: try row.get(3, String?.self), placePrecision: try row.get(4, String?.self),
                marking: Marking(try row.get(5, String.self)) ?? .rel([]),
                sources: sources[id] ?? [], createdAt: try row.get(6), createdBy: try row.get(7))
        }
    }

    /// A row of `incidentSourceColumns`.
    static func incidentSource(_ row: PGRow) throws -> IncidentSource {
        IncidentSource(
            id: try row.get(0), kind: IncidentSource.Kind(rawValue: try row.get(2, String.self)) ?? .scenario,
            evidenceItem: try row.get(3, Int64?.self), dataset: try row.get(4, String?.self), key: try row.get(5, String?.self),
            file: try row.get(6, String?.self), line: try row.get(7, Int64?.self).map { Int($0) }, reference: try row.get(8, String?.self),
            provenance: try row.get(9), merge: try row.get(10, String?.self).map { try decodeJSON(IncidentMerge.self, $0, what: "incident merge") },
            marking: Marking(try row.get(11, String.self)) ?? .rel([]), addedAt: try row.get(12), addedBy: try row.get(13))
    }

    /// Inserts an incident and its first source; returns its id.
    func insertIncident(_ c: PGConnection, _ new: NewIncident, actor: String, at: String, audited: Bool = true) throws -> Int64 {
        let json = try jsonText(new.incident)
        let id = try insertReturningID(c, """
            INSERT INTO incident (json, region, kind, day, date_precision, place, place_precision, marking, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [json, new.incident.region, new.incident.kind.rawValue, Int64(CivilDate(new.incident.date)?.dayNumber ?? 0),
                  new.datePrecision.rawValue, new.place, new.placePrecision, new.marking.description, at, actor])
        _ = try insertIncidentSource(c, incident: id, new.source, marking: new.marking, actor: actor, at: at, audited: false)
        if audited {
            try audit(c, at: at, actor: actor, action: "create", entity: "incident", id: String(id), before: nil, after: json, marking: new.marking)
        }
        return id
    }

    func insertIncidentSource(_ c: PGConnection, incident: Int64, _ s: NewIncidentSource, marking: Marking, actor: String, at: String,
                              audited: Bool = true) throws -> Int64 {
        let id = try insertReturningID(c, """
            INSERT INTO incident_source (incident_id, kind, evidence_item_id, dataset, row_key, file, line, reference, provenance,
                                         merge_reason, marking, added_at, added_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [incident, s.kind.rawValue, s.evidenceItem, s.dataset, s.key, s.file, s.line.map { Int64($0) }, s.reference, s.provenance,
                  try s.merge.map(jsonText), marking.description, at, actor])
        if audited {
            try audit(c, at: at, actor: actor, action: s.merge == nil ? "add-source" : "merge", entity: "incident", id: String(incident),
                      before: nil, after: try jsonText(["source": String(id), "merge": try s.merge.map(jsonText) ?? ""]), marking: marking)
        }
        return id
    }

    /// Incident rows as the domain's `Incident`s, of the records `reader` may read.
    func scenarioIncidents(_ c: PGConnection, readableBy reader: MarkingReader) throws -> [(incident: Incident, marking: Marking)] {
        try c.query("SELECT json, marking FROM incident ORDER BY id").compactMap { row in
            let marking = Marking(try row.get(1, String.self)) ?? .rel([])
            guard reader.mayRead(marking) else { return nil }
            return (try decodeJSON(Incident.self, try row.get(0), what: "incident"), marking)
        }
    }

    /// Puts back an exported incident with its id and its sources' ids.
    func restoreIncident(_ c: PGConnection, _ r: IncidentRecord) throws {
        try c.execute("""
            INSERT INTO incident (id, json, region, kind, day, date_precision, place, place_precision, marking, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [r.id, try jsonText(r.incident), r.incident.region, r.incident.kind.rawValue, Int64(CivilDate(r.incident.date)?.dayNumber ?? 0),
                  r.datePrecision.rawValue, r.place, r.placePrecision, r.marking.description, r.createdAt, r.createdBy])
        for s in r.sources {
            try c.execute("""
                INSERT INTO incident_source (id, incident_id, kind, evidence_item_id, dataset, row_key, file, line, reference, provenance,
                                             merge_reason, marking, added_at, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [s.id, r.id, s.kind.rawValue, s.evidenceItem, s.dataset, s.key, s.file, s.line.map { Int64($0) }, s.reference, s.provenance,
                      try s.merge.map(jsonText), s.marking.description, s.addedAt, s.addedBy])
        }
    }
}

extension PostgresWorkspaceTransaction {
    func incident(id: Int64) throws -> IncidentRecord? {
        try store.incidents(c, where: "id = ?", [id]).first
    }

    func incident(sourceID: Int64) throws -> IncidentRecord? {
        try store.incidents(c, where: "id = (SELECT incident_id FROM incident_source WHERE id = ?)", [sourceID]).first
    }

    func incidents(region: String, kind: Incident.Kind, days: ClosedRange<Int>) throws -> [IncidentRecord] {
        try store.incidents(c, where: "region = ? AND kind = ? AND day BETWEEN ? AND ?",
                            [region, kind.rawValue, Int64(days.lowerBound), Int64(days.upperBound)])
    }

    func incidentSource(evidenceItem: Int64) throws -> (incident: Int64, source: IncidentSource)? {
        guard let row = try c.query("SELECT \(PostgresWorkspaceStore.incidentSourceColumns) FROM incident_source WHERE evidence_item_id = ?",
                                    [evidenceItem]).first else { return nil }
        return (try row.get(1, Int64.self), try PostgresWorkspaceStore.incidentSource(row))
    }

    func addIncident(_ new: NewIncident, actor: String) throws -> Int64 {
        try store.insertIncident(c, new, actor: actor, at: at)
    }

    func addIncidents(_ incidents: [NewIncident], actor: String) throws -> [Int64] {
        try incidents.map { try store.insertIncident(c, $0, actor: actor, at: at) }
    }

    func addIncidentSource(incident: Int64, _ source: NewIncidentSource, actor: String) throws -> Int64 {
        guard let target = try self.incident(id: incident) else { throw StorageError.notFound("incident \(incident): no such incident") }
        return try store.insertIncidentSource(c, incident: incident, source, marking: target.marking, actor: actor, at: at)
    }

    func removeIncidentSource(id: Int64, actor: String) throws {
        guard let row = try c.query("SELECT \(PostgresWorkspaceStore.incidentSourceColumns) FROM incident_source WHERE id = ?", [id]).first else {
            throw StorageError.notFound("incident source \(id): no such source")
        }
        let incident = try row.get(1, Int64.self)
        let source = try PostgresWorkspaceStore.incidentSource(row)
        try c.execute("DELETE FROM incident_source WHERE id = ?", [id])
        try store.audit(c, at: at, actor: actor, action: "remove-source", entity: "incident", id: String(incident),
                        before: try jsonText(source), after: nil, marking: source.marking)
        if try c.one("SELECT COUNT(*) FROM incident_source WHERE incident_id = ?", [incident], Int64.self) == 0 {
            let json = try c.one("SELECT json FROM incident WHERE id = ?", [incident], String.self)
            try c.execute("DELETE FROM incident WHERE id = ?", [incident])
            try store.audit(c, at: at, actor: actor, action: "delete", entity: "incident", id: String(incident), before: json, after: nil,
                            marking: source.marking)
        }
    }

    func splitIncidentSource(id: Int64, into new: NewIncident, actor: String) throws -> Int64 {
        guard let old = try c.one("SELECT incident_id FROM incident_source WHERE id = ?", [id], Int64.self) else {
            throw StorageError.notFound("incident source \(id): no such source")
        }
        let json = try jsonText(new.incident)
        let created = try store.insertReturningID(c, """
            INSERT INTO incident (json, region, kind, day, date_precision, place, place_precision, marking, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [json, new.incident.region, new.incident.kind.rawValue, Int64(CivilDate(new.incident.date)?.dayNumber ?? 0),
                  new.datePrecision.rawValue, new.place, new.placePrecision, new.marking.description, at, actor])
        try c.execute("UPDATE incident_source SET incident_id = ?, merge_reason = NULL WHERE id = ?", [created, id])
        try store.audit(c, at: at, actor: actor, action: "split", entity: "incident", id: String(old),
                        before: try jsonText(["source": String(id), "incident": String(old)]),
                        after: try jsonText(["source": String(id), "incident": String(created)]), marking: new.marking)
        return created
    }

    func datasetKeysPresent(_ keys: [String]) throws -> Set<String> {
        var present = Set<String>()
        // A few hundred keys a round trip (a dataset import asks about thousands).
        var start = keys.startIndex
        while start < keys.endIndex {
            let chunk = Array(keys[start..<min(start + 500, keys.endIndex)])
            start += chunk.count
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            for row in try c.query("SELECT row_key FROM incident_source WHERE row_key IN (\(placeholders))", chunk.map { $0 as Any? }) {
                present.insert(try row.get(0, String.self))
            }
        }
        return present
    }
}
