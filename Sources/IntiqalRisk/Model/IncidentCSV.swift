import IntiqalDomain

/// Reads dated events per region from CSV: `date,region[,count]`, one incident a line.
///
/// A header line naming the columns (`date`, `region`, optional `count`, any order) is
/// optional; without it the columns are positional. Lines are read by `CSVLines` (LF or CRLF,
/// a byte-order mark, `#` comments, double-quoted fields). Every error names the file, line and field.
public enum IncidentCSV {
    /// Parses `text`; `file` is used in error messages only.
    public static func parse(_ text: String, file: String = "<input>", kind: Incident.Kind = .attack) throws -> [Incident] {
        var columns: (date: Int, region: Int, count: Int?) = (0, 1, 2)
        var sawContent = false
        var incidents: [Incident] = []
        var problems = DiagnosticCollector()
        func report(_ problem: Diagnostic) throws {
            problems.append(problem)
            if problems.diagnostics.count >= RiskError.maximumDiagnostics { throw RiskError(csv: problems.diagnostics) }
        }
        for (lineNumber, fields) in try CSVRecords.read(text, file: file) {
            let lowered = fields.map { $0.trimmingWhitespace.lowercased() }
            if !sawContent {
                sawContent = true
                if lowered.contains("date") {
                    guard let d = lowered.firstIndex(of: "date") else { continue }
                    guard let r = lowered.firstIndex(of: "region") else {
                        throw RiskError(csv: [.error(.riskIncidentsNoRegionColumn, at: DiagnosticLocation(file: file, line: lineNumber, path: "region"),
                                                     en: "header has no 'region' column", ar: "لا عمود 'region' في الترويسة")])
                    }
                    if let unknown = lowered.first(where: { !["date", "region", "count"].contains($0) }) {
                        throw RiskError(csv: [.error(.riskIncidentsUnknownColumn, at: DiagnosticLocation(file: file, line: lineNumber, path: unknown),
                                                     en: "unknown column '\(unknown)' (expected date, region, count)",
                                                     ar: "عمود غير معروف '\(unknown)' (المتوقع date وregion وcount)")])
                    }
                    columns = (d, r, lowered.firstIndex(of: "count"))
                    continue
                }
            }
            let needed = max(columns.date, columns.region) + 1
            guard fields.count >= needed else {
                let missing = fields.count <= columns.date ? "date" : "region"
                try report(.error(.riskIncidentsTooFewFields, at: DiagnosticLocation(file: file, line: lineNumber, path: missing),
                                  en: "expected at least \(needed) fields, found \(fields.count)",
                                  ar: "المتوقع \(needed) حقول على الأقل، وُجد \(fields.count)"))
                continue
            }
            let maxColumns = max(needed, (columns.count ?? -1) + 1)
            guard fields.count <= maxColumns else {
                try report(.error(.riskIncidentsTooManyFields, at: DiagnosticLocation(file: file, line: lineNumber, path: "field \(maxColumns + 1)"),
                                  en: "expected at most \(maxColumns) fields (date,region[,count]), found \(fields.count)",
                                  ar: "المتوقع \(maxColumns) حقول على الأكثر (date,region[,count])، وُجد \(fields.count)"))
                continue
            }
            let dateText = fields[columns.date].trimmingWhitespace
            guard CivilDate(dateText) != nil else {
                try report(.error(.riskIncidentsDate, at: DiagnosticLocation(file: file, line: lineNumber, path: "date"),
                                  en: "expected a date YYYY-MM-DD, got '\(dateText)'", ar: "المتوقع تاريخ YYYY-MM-DD، ورد '\(dateText)'"))
                continue
            }
            let region = fields[columns.region].trimmingWhitespace
            guard !region.isEmpty else {
                try report(.error(.riskIncidentsEmptyRegion, at: DiagnosticLocation(file: file, line: lineNumber, path: "region"),
                                  en: "the region is empty", ar: "المنطقة فارغة"))
                continue
            }
            var count = 1
            if let c = columns.count, c < fields.count {
                let countText = fields[c].trimmingWhitespace
                if !countText.isEmpty {
                    let range = InputLimits.incidentCount
                    guard let value = Int(countText), range.contains(value) else {
                        try report(.error(.riskIncidentsCount, at: DiagnosticLocation(file: file, line: lineNumber, path: "count"),
                                          en: "expected a whole number of incidents \(range.lowerBound)…\(range.upperBound), got '\(countText)'",
                                          ar: "المتوقع عدد صحيح من الحوادث \(range.lowerBound)…\(range.upperBound)، ورد '\(countText)'"))
                        continue
                    }
                    count = value
                }
            }
            incidents.append(Incident(date: dateText, region: region, kind: kind, count: count, source: "\(file):\(lineNumber)"))
        }
        guard problems.isEmpty else { throw RiskError(csv: problems.diagnostics) }
        return incidents
    }
}
