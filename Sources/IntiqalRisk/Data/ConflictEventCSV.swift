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
    }

    /// Parses `text` (`file` names it in errors).
    public static func parse(_ text: String, file: String = "<input>") throws -> ConflictEventImport {
        let records = try QuotedCSVReader.read(text, file: file)
        guard let header = records.first else {
            throw RiskError(csv: [.error(.riskEventsEmpty, at: DiagnosticLocation(file: file, line: 1),
                                         en: "the file is empty (expected a UCDP GED or ACLED header)",
                                         ar: "الملف فارغ (المتوقع ترويسة UCDP GED أو ACLED)")])
        }
        let names = header.fields.map { $0.trimmingWhitespace.lowercased() }
        let columns = try Self.columns(names, file: file, line: header.line)

        struct Row { var line: Int; var date: CivilDate; var governorate: IraqGovernorate?; var name: String; var lat: Double?; var lon: Double?; var coarse: Bool; var id: String }
        var rows: [Row] = []
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
            let dateText = f[columns.date].trimmingWhitespace
            guard let date = Self.date(dateText) else {
                try report(.error(.riskEventsDate, at: DiagnosticLocation(file: file, line: record.line, path: names[columns.date]),
                                  en: "expected a date YYYY-MM-DD or DD Month YYYY, got '\(dateText)'",
                                  ar: "المتوقع تاريخ YYYY-MM-DD أو DD Month YYYY، ورد '\(dateText)'"))
                continue
            }
            let name = f[columns.region].trimmingWhitespace
            var bad = false
            func number(_ c: Int?) throws -> Double? {
                guard let c else { return nil }
                let t = f[c].trimmingWhitespace
                if t.isEmpty { return nil }
                guard let v = Double(t), v.isFinite else {
                    bad = true
                    try report(.error(.riskEventsNumber, at: DiagnosticLocation(file: file, line: record.line, path: names[c]),
                                      en: "expected a number, got '\(t)'", ar: "المتوقع رقم، ورد '\(t)'"))
                    return nil
                }
                return v
            }
            let lat = try number(columns.latitude), lon = try number(columns.longitude)
            let precision = try number(columns.precision)
            if bad { continue }
            // UCDP where_prec 6 = the country, 7 = international waters or air space.
            let coarse = columns.layout == "ucdp-ged" && (precision ?? 0) >= 6
            let id = columns.id.map { f[$0].trimmingWhitespace } ?? "line \(record.line)"
            rows.append(Row(line: record.line, date: date, governorate: IraqGovernorate.named(name), name: name,
                            lat: lat, lon: lon, coarse: coarse, id: id))
        }

        guard problems.isEmpty else { throw RiskError(csv: problems.diagnostics) }

        // Centroids of the named rows' coordinates.
        var sums: [String: (lat: Double, lon: Double, n: Double)] = [:]
        for row in rows {
            guard let g = row.governorate, let lat = row.lat, let lon = row.lon else { continue }
            let s = sums[g.id] ?? (0, 0, 0)
            sums[g.id] = (s.lat + lat, s.lon + lon, s.n + 1)
        }
        let centroids = sums.map { (id: $0.key, lat: $0.value.lat / $0.value.n, lon: $0.value.lon / $0.value.n) }
            .sorted { $0.id < $1.id }

        var result = ConflictEventImport(layout: columns.layout, incidents: [], rows: rows.count, placedByName: 0,
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
                           longitude: index("longitude"), precision: index("where_prec"), id: index("id"))
        }
        if let date = index("event_date") {
            guard let region = index("admin1") else {
                throw RiskError(csv: [.error(.riskEventsACLEDNoAdmin1, at: DiagnosticLocation(file: file, line: line, path: "admin1"),
                                             en: "ACLED header without an 'admin1' column", ar: "ترويسة ACLED بلا عمود 'admin1'")])
            }
            return Columns(layout: "acled", date: date, region: region, latitude: index("latitude"),
                           longitude: index("longitude"), precision: nil, id: index("event_id_cnty"))
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
