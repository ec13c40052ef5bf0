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
        for (lineNumber, fields) in try CSVRecords.read(text, file: file) {
            let lowered = fields.map { $0.trimmingWhitespace.lowercased() }
            if !sawContent {
                sawContent = true
                if lowered.contains("date") {
                    guard let d = lowered.firstIndex(of: "date") else { continue }
                    guard let r = lowered.firstIndex(of: "region") else {
                        throw RiskError(.csv, "header has no 'region' column", file: file, line: lineNumber, field: "region")
                    }
                    if let unknown = lowered.first(where: { !["date", "region", "count"].contains($0) }) {
                        throw RiskError(.csv, "unknown column '\(unknown)' (expected date, region, count)", file: file, line: lineNumber, field: unknown)
                    }
                    columns = (d, r, lowered.firstIndex(of: "count"))
                    continue
                }
            }
            let needed = max(columns.date, columns.region) + 1
            guard fields.count >= needed else {
                let missing = fields.count <= columns.date ? "date" : "region"
                throw RiskError(.csv, "expected at least \(needed) fields, found \(fields.count)", file: file, line: lineNumber, field: missing)
            }
            let maxColumns = max(needed, (columns.count ?? -1) + 1)
            guard fields.count <= maxColumns else {
                throw RiskError(.csv, "expected at most \(maxColumns) fields (date,region[,count]), found \(fields.count)",
                                file: file, line: lineNumber, field: "field \(maxColumns + 1)")
            }
            let dateText = fields[columns.date].trimmingWhitespace
            guard CivilDate(dateText) != nil else {
                throw RiskError(.csv, "expected a date YYYY-MM-DD, got '\(dateText)'", file: file, line: lineNumber, field: "date")
            }
            let region = fields[columns.region].trimmingWhitespace
            guard !region.isEmpty else {
                throw RiskError(.csv, "the region is empty", file: file, line: lineNumber, field: "region")
            }
            var count = 1
            if let c = columns.count, c < fields.count {
                let countText = fields[c].trimmingWhitespace
                if !countText.isEmpty {
                    let range = InputLimits.incidentCount
                    guard let value = Int(countText), range.contains(value) else {
                        throw RiskError(.csv, "expected a whole number of incidents \(range.lowerBound)…\(range.upperBound), got '\(countText)'",
                                        file: file, line: lineNumber, field: "count")
                    }
                    count = value
                }
            }
            incidents.append(Incident(date: dateText, region: region, kind: kind, count: count, source: "\(file):\(lineNumber)"))
        }
        return incidents
    }
}
