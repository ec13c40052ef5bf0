import Foundation
import IntiqalDomain
import IntiqalPlaces
import IntiqalRisk
import IntiqalStorage

/// A dataset layout `incidents import` reads and `incidents export` writes.
public enum IncidentDataset: String, Sendable, Hashable, CaseIterable {
    case acled
    case ucdpGED = "ucdp-ged"
}

/// Dataset interop (ACLED, UCDP GED): rows become incidents in the scenario's regions through
/// the gazetteer of Iraq; every row is accounted for; a row is imported once (its stable key).
extension Commission {
    /// Imports a dataset file's rows as incidents marked `marking`, all or nothing: rows already
    /// present (same key) add nothing, rows in none of the scenario's regions are reported with
    /// their lines and not added; with `requireEveryRow`, any such row refuses the whole file.
    /// Dataset rows are not merged with each other (each is one event of a deduplicated dataset).
    public func importIncidents(_ text: String, file: String, format: IncidentDataset, marking: Marking = .joint,
                                requireEveryRow: Bool = false, by viewer: Viewer) throws -> IncidentImportReport {
        let table = try run { try ConflictEventCSV.rows(text, file: file) }
        guard table.layout == format.rawValue else {
            throw CommissionError.invalid(field: "format", "\(file) is a \(table.layout) file, not \(format.rawValue)")
        }
        return try run {
            try store.transaction { tx in
                try Self.authorize(tx, viewer.name, [.ingest])
                guard let structure = try tx.structure() else {
                    throw CommissionError.invalid(field: "workspace", "the workspace holds no scenario: its regions are what rows map to")
                }
                let map = RegionMap(scenarioID: structure.id, regions: structure.regions)
                let present = try tx.datasetKeysPresent(table.rows.map(\.key))
                var report = IncidentImportReport(format: format.rawValue, file: file, rows: table.rows.count, added: 0,
                                                  alreadyPresent: 0, unmapped: [], byRegion: [:])
                var new: [NewIncident] = []
                var seen = Set<String>()
                for row in table.rows {
                    if present.contains(row.key) || seen.contains(row.key) { report.alreadyPresent += 1; continue }
                    switch Self.place(row, layout: table.layout, map: map) {
                    case .failure(let reason):
                        report.unmapped.append(.init(line: row.line, reason: reason.description))
                    case .success(let (region, unit)):
                        seen.insert(row.key)
                        let facts = try Self.facts(row, layout: table.layout, region: region, unit: unit)
                        let source = NewIncidentSource(kind: .dataset, dataset: table.layout, key: row.key, file: file, line: row.line,
                                                       provenance: try Self.json(facts))
                        new.append(Self.newIncident(facts, marking: marking, source: source))
                        report.byRegion[region, default: 0] += 1
                    }
                }
                if requireEveryRow, let first = report.unmapped.first {
                    throw CommissionError.invalid(field: "line \(first.line)",
                                                  "\(report.unmapped.count) rows map to no region of the scenario (first: \(first.reason)); nothing imported")
                }
                report.added = try tx.addIncidents(new, actor: viewer.name).count
                return report
            }
        }
    }

    /// The scenario region of a row, or why it has none.
    static func place(_ row: ConflictEventRow, layout: String, map: RegionMap) -> Result<(String, PlaceUnit), UnmappedReason> {
        let g = IraqGazetteer.bundled
        // UCDP where_prec 6 = the country, 7 = waters or air space: no region.
        if layout == "ucdp-ged", let p = row.locationPrecision.flatMap(Double.init), p >= 6 {
            return .failure(UnmappedReason("location no finer than the country (where_prec \(row.locationPrecision!))"))
        }
        var unit: PlaceUnit?
        if !row.admin1.isEmpty {
            guard let governorate = g.governorate(named: row.admin1) else {
                return .failure(UnmappedReason("admin1 '\(row.admin1)' is not a governorate of Iraq"))
            }
            unit = governorate
            if let a2 = row.admin2, let d = g.district(named: a2, in: governorate.id) { unit = d }
            if let loc = row.location, let town = g.place(named: loc), town.governorate == governorate.id,
               town.kind == .town || town.kind == .site { unit = town }
        } else if let loc = row.location, let u = g.place(named: loc) {
            unit = u
        }
        guard let unit else { return .failure(UnmappedReason("no admin1 and no known location")) }
        guard let (region, _) = map.region(of: unit) else {
            return .failure(UnmappedReason("\(unit.english) (\(unit.kind.rawValue)) is in none of the scenario's regions"))
        }
        return .success((region, unit))
    }

    struct UnmappedReason: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func facts(_ row: ConflictEventRow, layout: String, region: String, unit: PlaceUnit) throws -> IncidentFacts {
        // Month precision: ACLED time_precision 3; UCDP date_prec 4 (within a month) or 5 (longer).
        let coarse = layout == "acled" ? row.datePrecision == "3" : (Int(row.datePrecision ?? "") ?? 1) >= 4
        var kind: Incident.Kind = .attack
        if layout == "acled" {
            let type = (row.eventType ?? "").lowercased(), sub = (row.subEventType ?? "").lowercased()
            if sub.contains("air/drone strike") || sub.contains("air strike") { kind = .strike }
            else if type.contains("strategic") || type.contains("protest") || type.contains("riot") { kind = .other }
        }
        let until = row.dateEnd.map(\.description)
        return IncidentFacts(date: row.date.description, until: until, datePrecision: coarse ? "month" : "day", region: region,
                             kind: kind, place: unit.id, placePrecision: unit.kind.rawValue, payload: try json(row))
    }

    // MARK: Export

    /// ACLED's column layout, as `incidents export --format acled` writes it.
    public static let acledColumns = ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                                      "actor1", "actor2", "country", "admin1", "admin2", "location", "latitude", "longitude",
                                      "geo_precision", "source", "notes", "fatalities"]

    /// The viewer's incidents in ACLED's CSV layout: a dataset row goes back with its own id,
    /// type, actors, coordinates and fatalities; another incident gets `INTIQAL<id>`, its
    /// governorate and district from the gazetteer, and its sources in `source`.
    public func exportIncidentsACLED(for viewer: Viewer, region: String? = nil, month: YearMonth? = nil) throws -> String {
        let records = try incidents(for: viewer, region: region, month: month)
        let g = IraqGazetteer.bundled
        var out = Self.acledColumns.joined(separator: ",") + "\r\n"
        for r in records {
            let facts = r.sources.compactMap { try? Self.facts(of: $0) }
            let acledRow = facts.lazy.compactMap { f -> ConflictEventRow? in
                guard let row = try? JSONDecoder().decode(ConflictEventRow.self, from: Data(f.payload.utf8)) else { return nil }
                return row
            }.first
            let fromACLED = r.sources.first?.dataset == "acled" ? acledRow : nil
            let unit = r.place.flatMap { g.unit(id: $0) }
            let governorate = unit?.governorate.flatMap { g.unit(id: $0) } ?? g.unit(id: r.incident.region).flatMap { $0.kind == .governorate ? $0 : nil }
            let district = unit?.district.flatMap { g.unit(id: $0) }
            let location = unit.map(\.english) ?? g.unit(id: r.incident.region)?.english ?? r.incident.region
            let type: (String, String) = switch r.incident.kind {
            case .attack: ("Violence against civilians", "Attack")
            case .strike: ("Explosions/Remote violence", "Air/drone strike")
            default: ("Strategic developments", "Other")
            }
            var sources = r.sources.map { s -> String in
                switch s.kind {
                case .evidence: "evidence item \(s.evidenceItem ?? 0)"
                case .dataset: "\(s.dataset ?? "dataset") \(s.key ?? "")"
                case .scenario: "scenario \(s.reference ?? "")"
                }
            }.joined(separator: "; ")
            if let s = acledRow?.source, fromACLED != nil { sources = s }
            var notes = fromACLED?.notes ?? ""
            if r.incident.count > 1 { notes = "\(r.incident.count) incidents from \(r.incident.date) to \(r.incident.until ?? r.incident.date)" }
            let fields: [String] = [
                fromACLED?.id ?? "INTIQAL\(r.id)", r.incident.date, String(r.incident.date.prefix(4)),
                fromACLED?.datePrecision ?? (r.datePrecision == .month ? "3" : "1"),
                fromACLED?.eventType ?? type.0, fromACLED?.subEventType ?? type.1,
                fromACLED?.actor1 ?? acledRow?.actor1 ?? "", fromACLED?.actor2 ?? acledRow?.actor2 ?? "", "Iraq",
                fromACLED?.admin1 ?? governorate?.english ?? "", fromACLED?.admin2 ?? district?.english ?? "",
                fromACLED?.location ?? location,
                (fromACLED?.latitude ?? acledRow?.latitude).map { String($0) } ?? "",
                (fromACLED?.longitude ?? acledRow?.longitude).map { String($0) } ?? "",
                fromACLED?.locationPrecision ?? (unit?.kind == .town || unit?.kind == .site ? "1" : unit?.kind == .district ? "2" : "3"),
                sources, notes, String(fromACLED?.fatalities ?? acledRow?.fatalities ?? 0),
            ]
            out += fields.map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One CSV field, quoted where it must be; a leading = + - @ (a spreadsheet formula) defused with a quote mark.
    public static func csvField(_ s: String) -> String {
        // A leading = + - @ would be read as a formula by a spreadsheet: quote it and prefix a '.
        var v = s
        if let first = v.first, "=+-@".contains(first), Double(v) == nil { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || v != s else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
