import Foundation
import IntiqalDomain

/// Reads event datasets in their published CSV layouts into incidents per Iraqi governorate:
/// UCDP GED (`date_start`, `adm_1`, `latitude`, `longitude`, `where_prec`, `id`) and ACLED
/// (`event_date`, `admin1`, `latitude`, `longitude`, `geo_precision`, `event_id_cnty`). The
/// layout is told by the header. Each row is one event (UCDP's and ACLED's unit), dated by its
/// first day.
///
/// Rows with an empty governorate are placed at the nearest centroid of the governorates'
/// named events (mean latitude and longitude of the rows that name it, so no coordinate table
/// is typed by hand), except where the dataset says the location is only the country
/// (UCDP `where_prec` 6 or 7): those are counted as unplaced.
public enum ConflictEventCSV {
    private struct Columns {
        var layout: String
        var date: Int
        var region: Int
        var latitude: Int?
        var longitude: Int?
        var precision: Int?
        var id: Int?
        var dateEnd: Int? = nil
        var datePrecision: Int? = nil
        var eventType: Int? = nil
        var subEventType: Int? = nil
        var actor1: Int? = nil
        var actor2: Int? = nil
        var admin2: Int? = nil
        var location: Int? = nil
        var fatalities: Int? = nil
        var low: Int? = nil
        var high: Int? = nil
        var source: Int? = nil
        var notes: Int? = nil
    }

    /// Reads every event row of `text` with the fields an incident keeps (`file` names it in
    /// errors). Every bad row is reported (file, line, column), up to `RiskError.maximumDiagnostics`.
    public static func rows(_ text: String, file: String = "<input>") throws -> ConflictEventTable {
        let records = try QuotedCSVReader.read(text, file: file)
        guard let header = records.first else {
            throw RiskError(csv: [.error(.riskEventsEmpty, at: DiagnosticLocation(file: file, line: 1),
                                         en: "the file is empty (expected a UCDP GED or ACLED header)",
                                         ar: "الملف فارغ (المتوقع ترويسة UCDP GED أو ACLED)")])
        }
        let names = header.fields.map { $0.trimmingWhitespace.lowercased() }
        let columns = try Self.columns(names, file: file, line: header.line)

        var rows: [ConflictEventRow] = []
        var problems = DiagnosticCollector()
        func report(_ problem: Diagnostic) throws {
            problems.append(problem)
            if problems.diagnostics.count >= RiskError.maximumDiagnostics { throw RiskError(csv: problems.diagnostics) }
        }
        rows.reserveCapacity(records.count)
        for record in records.dropFirst() {
            let f = record.fields
            guard f.count == names.count else {
                try report(.error(.riskEventsFieldCount,
                                  at: DiagnosticLocation(file: file, line: record.line, path: f.count < names.count ? names[f.count] : "field \(names.count + 1)"),
                                  en: "expected \(names.count) fields as in the header, found \(f.count)",
                                  ar: "المتوقع \(names.count) حقول كما في الترويسة، وُجد \(f.count)"))
                continue
            }
            func text(_ c: Int?) -> String? {
                guard let c else { return nil }
                let t = f[c].trimmingWhitespace
                return t.isEmpty ? nil : t
            }
            var bad = false
            func date(_ c: Int, required: Bool) throws -> CivilDate? {
                let dateText = f[c].trimmingWhitespace
                if dateText.isEmpty && !required { return nil }
                guard let date = Self.date(dateText) else {
                    bad = true
                    try report(.error(.riskEventsDate, at: DiagnosticLocation(file: file, line: record.line, path: names[c]),
                                      en: "expected a date YYYY-MM-DD or DD Month YYYY, got '\(dateText)'",
                                      ar: "المتوقع تاريخ YYYY-MM-DD أو DD Month YYYY، ورد '\(dateText)'"))
                    return nil
                }
                return date
            }
            func number(_ c: Int?) throws -> Double? {
                guard let t = text(c) else { return nil }
                guard let v = Double(t), v.isFinite, abs(v) <= 1e9 else {
                    bad = true
                    try report(.error(.riskEventsNumber, at: DiagnosticLocation(file: file, line: record.line, path: names[c!]),
                                      en: "expected a number, got '\(t)'", ar: "المتوقع رقم، ورد '\(t)'"))
                    return nil
                }
                return v
            }
            let first = try date(columns.date, required: true)
            // UCDP's date_end is taken when it is a date; the back-test never needed it, so anything else is no end.
            let last = text(columns.dateEnd).flatMap { Self.date($0) }
            let lat = try number(columns.latitude), lon = try number(columns.longitude)
            let fatalities = try number(columns.fatalities), low = try number(columns.low), high = try number(columns.high)
            if bad { continue }
            guard let first else { continue }
            let id = text(columns.id)
            let key: String
            if let id { key = "\(columns.layout):\(id)" } else {
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for field in f {
                    for b in field.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
                    h = (h ^ 0x1f) &* 0x0000_0100_0000_01b3
                }
                key = "\(columns.layout):row-" + String(h, radix: 16)
            }
            rows.append(ConflictEventRow(
                line: record.line, id: id, key: key, date: first, dateEnd: last.flatMap { $0 == first ? nil : $0 },
                datePrecision: text(columns.datePrecision), eventType: text(columns.eventType), subEventType: text(columns.subEventType),
                actor1: text(columns.actor1), actor2: text(columns.actor2), admin1: text(columns.region) ?? "",
                admin2: text(columns.admin2), location: text(columns.location), latitude: lat, longitude: lon,
                locationPrecision: text(columns.precision), fatalities: fatalities.map { Int($0) }, fatalitiesLow: low.map { Int($0) },
                fatalitiesHigh: high.map { Int($0) }, source: text(columns.source), notes: text(columns.notes)))
        }
        guard problems.isEmpty else { throw RiskError(csv: problems.diagnostics) }
        return ConflictEventTable(layout: columns.layout, rows: rows)
    }

    /// Parses `text` (`file` names it in errors).
    public static func parse(_ text: String, file: String = "<input>") throws -> ConflictEventImport {
        let table = try rows(text, file: file)
        struct Row { var line: Int; var date: CivilDate; var governorate: IraqGovernorate?; var name: String; var lat: Double?; var lon: Double?; var coarse: Bool; var id: String }
        let rows = table.rows.map { r in
            // UCDP where_prec 6 = the country, 7 = international waters or air space.
            Row(line: r.line, date: r.date, governorate: IraqGovernorate.named(r.admin1), name: r.admin1, lat: r.latitude, lon: r.longitude,
                coarse: table.layout == "ucdp-ged" && (r.locationPrecision.flatMap(Double.init) ?? 0) >= 6, id: r.id ?? "line \(r.line)")
        }

        // Centroids of the named rows' coordinates.
        var sums: [String: (lat: Double, lon: Double, n: Double)] = [:]
        for row in rows {
            guard let g = row.governorate, let lat = row.lat, let lon = row.lon else { continue }
            let s = sums[g.id] ?? (0, 0, 0)
            sums[g.id] = (s.lat + lat, s.lon + lon, s.n + 1)
        }
        let centroids = sums.map { (id: $0.key, lat: $0.value.lat / $0.value.n, lon: $0.value.lon / $0.value.n) }
            .sorted { $0.id < $1.id }

        var result = ConflictEventImport(layout: table.layout, incidents: [], rows: rows.count, placedByName: 0,
                                         placedByCoordinates: [:], unplaced: 0, unplacedExamples: [], unknownNames: [:])
        result.incidents.reserveCapacity(rows.count)
        for row in rows {
            var region = row.governorate?.id
            if region != nil {
                result.placedByName += 1
            } else if !row.name.isEmpty {
                result.unknownNames[row.name, default: 0] += 1
            } else if !row.coarse, let lat = row.lat, let lon = row.lon, !centroids.isEmpty {
                let cosLat = cos(lat * .pi / 180)
                let nearest = centroids.min { a, b in
                    let da = (a.lat - lat) * (a.lat - lat) + (a.lon - lon) * (a.lon - lon) * cosLat * cosLat
                    let db = (b.lat - lat) * (b.lat - lat) + (b.lon - lon) * (b.lon - lon) * cosLat * cosLat
                    return da < db
                }!
                region = nearest.id
                result.placedByCoordinates[nearest.id, default: 0] += 1
            }
            guard let region else {
                result.unplaced += 1
                if result.unplacedExamples.count < 20 { result.unplacedExamples.append(row.id) }
                continue
            }
            result.incidents.append(Incident(date: row.date.description, region: region, kind: .attack, count: 1,
                                             source: "\(file):\(row.line)"))
        }
        return result
    }

    private static func columns(_ names: [String], file: String, line: Int) throws -> Columns {
        func index(_ name: String) -> Int? { names.firstIndex(of: name) }
        if let date = index("date_start") {
            guard let region = index("adm_1") else {
                throw RiskError(csv: [.error(.riskEventsUCDPNoAdm1, at: DiagnosticLocation(file: file, line: line, path: "adm_1"),
                                             en: "UCDP GED header without an 'adm_1' column", ar: "ترويسة UCDP GED بلا عمود 'adm_1'")])
            }
            return Columns(layout: "ucdp-ged", date: date, region: region, latitude: index("latitude"),
                           longitude: index("longitude"), precision: index("where_prec"), id: index("id"),
                           dateEnd: index("date_end"), datePrecision: index("date_prec"), eventType: index("type_of_violence"),
                           actor1: index("side_a"), actor2: index("side_b"), admin2: index("adm_2"), location: index("where_coordinates"),
                           fatalities: index("best"), low: index("low"), high: index("high"), source: index("source_article"))
        }
        if let date = index("event_date") {
            guard let region = index("admin1") else {
                throw RiskError(csv: [.error(.riskEventsACLEDNoAdmin1, at: DiagnosticLocation(file: file, line: line, path: "admin1"),
                                             en: "ACLED header without an 'admin1' column", ar: "ترويسة ACLED بلا عمود 'admin1'")])
            }
            return Columns(layout: "acled", date: date, region: region, latitude: index("latitude"),
                           longitude: index("longitude"), precision: index("geo_precision"), id: index("event_id_cnty"),
                           datePrecision: index("time_precision"), eventType: index("event_type"), subEventType: index("sub_event_type"),
                           actor1: index("actor1"), actor2: index("actor2"), admin2: index("admin2"), location: index("location"),
                           fatalities: index("fatalities"), source: index("source"), notes: index("notes"))
        }
        throw RiskError(csv: [.error(.riskEventsUnknownHeader, at: DiagnosticLocation(file: file, line: line, path: "date_start"),
                                     en: "not a UCDP GED (date_start, adm_1) or ACLED (event_date, admin1) header",
                                     ar: "ليست ترويسة UCDP GED (date_start, adm_1) ولا ACLED (event_date, admin1)")])
    }

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december"]

    /// `YYYY-MM-DD` (optionally followed by a time, as UCDP's `2014-06-10 00:00:00.000`) or ACLED's `DD Month YYYY`.
    static func date(_ text: String) -> CivilDate? {
        let head = text.prefix(10)
        if head.count == 10, let d = CivilDate(head), text.count == 10 || text.dropFirst(10).first == " " || text.dropFirst(10).first == "T" {
            return d
        }
        let parts = text.split(separator: " ")
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]), (1900...2200).contains(year),
              let m = monthNames.firstIndex(where: { $0 == parts[1].lowercased() || $0.prefix(3) == parts[1].lowercased() }),
              (1...CivilDate.daysIn(year: year, month: m + 1)).contains(day)
        else { return nil }
        return CivilDate(year: year, month: m + 1, day: day)
    }
}
