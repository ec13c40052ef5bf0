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

    /// UCDP GED's column layout (the published GED CSV's columns), as `incidents export --format ucdp-ged` writes it.
    public static let ucdpColumns = ["id", "year", "active_year", "type_of_violence", "conflict_new_id", "conflict_name",
                                     "dyad_new_id", "dyad_name", "side_a_new_id", "side_a", "side_b_new_id", "side_b",
                                     "number_of_sources", "source_article", "source_office", "source_date", "source_headline",
                                     "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
                                     "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
                                     "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
                                     "deaths_civilians", "deaths_unknown", "best", "high", "low"]

    /// The viewer's incidents in UCDP GED's CSV layout: a row that came from UCDP goes back with its own id,
    /// sides, type of violence, precision codes, coordinates and fatality estimates; another incident gets
    /// `INTIQAL<id>`, its governorate (`adm_1`) and district (`adm_2`) from the gazetteer, `where_prec` from
    /// its place (1 a town or site, 3 a district, 4 a governorate), `date_prec` 1 (a day) or 4 (a month),
    /// its sources in `source_article`, and the fatalities an ACLED row gave it as `best`/`low`/`high`.
    /// UCDP has no attack/strike distinction: every row reads back as an attack.
    public func exportIncidentsUCDP(for viewer: Viewer, region: String? = nil, month: YearMonth? = nil) throws -> String {
        let records = try incidents(for: viewer, region: region, month: month)
        let g = IraqGazetteer.bundled
        var out = Self.ucdpColumns.joined(separator: ",") + "\r\n"
        for r in records {
            let rows = r.sources.compactMap { try? Self.facts(of: $0) }.compactMap { f -> ConflictEventRow? in
                try? JSONDecoder().decode(ConflictEventRow.self, from: Data(f.payload.utf8))
            }
            let fromUCDP = r.sources.first?.dataset == "ucdp-ged" ? rows.first : nil
            let unit = r.place.flatMap { g.unit(id: $0) }
            let governorate = unit?.kind == .governorate ? unit
                : unit?.governorate.flatMap { g.unit(id: $0) } ?? g.unit(id: r.incident.region).flatMap { $0.kind == .governorate ? $0 : nil }
            let district = unit?.kind == .district ? unit : unit?.district.flatMap { g.unit(id: $0) }
            let location = unit.map(\.english) ?? g.unit(id: r.incident.region)?.english ?? r.incident.region
            let wherePrec = unit?.kind == .town || unit?.kind == .site ? "1" : unit?.kind == .district ? "3" : "4"
            let sources = r.sources.map { s -> String in
                switch s.kind {
                case .evidence: "evidence item \(s.evidenceItem ?? 0)"
                case .dataset: "\(s.dataset ?? "dataset") \(s.key ?? "")"
                case .scenario: "scenario \(s.reference ?? "")"
                }
            }.joined(separator: "; ")
            let fatalities = fromUCDP?.fatalities ?? rows.first?.fatalities ?? 0
            let end = r.incident.until ?? (r.datePrecision == .month ? Self.lastDay(ofMonthOf: r.incident.date) : r.incident.date)
            let lat = (fromUCDP?.latitude ?? rows.first?.latitude).map { String($0) } ?? ""
            let lon = (fromUCDP?.longitude ?? rows.first?.longitude).map { String($0) } ?? ""
            let fields: [String] = [
                fromUCDP?.id ?? "INTIQAL\(r.id)", String(r.incident.date.prefix(4)), "1", fromUCDP?.eventType ?? "1", "", "",
                "", "", "", fromUCDP?.actor1 ?? rows.first?.actor1 ?? "", "", fromUCDP?.actor2 ?? rows.first?.actor2 ?? "",
                String(r.sources.count), fromUCDP?.source ?? sources, "", "", "", "",
                fromUCDP?.locationPrecision ?? wherePrec, fromUCDP?.location ?? location, "",
                fromUCDP?.admin1 ?? governorate?.english ?? "", fromUCDP?.admin2 ?? district?.english ?? "",
                lat, lon, lat.isEmpty || lon.isEmpty ? "" : "POINT (\(lon) \(lat))", "", "Iraq", "645", "Middle East",
                "1", fromUCDP?.datePrecision ?? (r.datePrecision == .month ? "4" : "1"), r.incident.date, end,
                "", "", "", "", String(fatalities),
                String(fromUCDP?.fatalitiesHigh ?? fatalities), String(fromUCDP?.fatalitiesLow ?? fatalities),
            ]
            out += fields.map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// The last day of the month of a `YYYY-MM-DD` date (the date itself if it is not one).
    static func lastDay(ofMonthOf date: String) -> String {
        guard let d = CivilDate(date), let last = CivilDate(year: d.year, month: d.month, day: CivilDate.daysIn(year: d.year, month: d.month))
        else { return date }
        return last.description
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
