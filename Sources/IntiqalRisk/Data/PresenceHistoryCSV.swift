import IntiqalDomain

/// Reads `PresenceHistory` from CSV: a header `date,troops,note,source` (any order; `note`
/// optional), then one dated figure a line (`YYYY-MM-DD`, personnel ≥ 0) with a non-empty
/// source — every figure must say where it comes from. Lines starting with `#` are comments.
/// Errors name the file, line and field.
public enum PresenceHistoryCSV {
    public static func parse(_ text: String, file: String = "<input>") throws -> PresenceHistory {
        let records = try QuotedCSVReader.read(text, file: file).filter { !($0.fields.first?.trimmingWhitespace.hasPrefix("#") ?? false) }
        guard let header = records.first else {
            throw RiskError(.csv, "no header (expected date,troops,note,source)", file: file, line: 1, field: "date")
        }
        let names = header.fields.map { $0.trimmingWhitespace.lowercased() }
        func column(_ name: String) throws -> Int {
            guard let i = names.firstIndex(of: name) else {
                throw RiskError(.csv, "header has no '\(name)' column (expected date,troops,note,source)", file: file, line: header.line, field: name)
            }
            return i
        }
        let date = try column("date"), troops = try column("troops"), source = try column("source")
        let note = names.firstIndex(of: "note")
        var figures: [PresenceHistory.Figure] = []
        for record in records.dropFirst() {
            let f = record.fields.map(\.trimmingWhitespace)
            guard f.count == names.count else {
                throw RiskError(.csv, "expected \(names.count) fields as in the header, found \(f.count)", file: file, line: record.line,
                                field: f.count < names.count ? names[f.count] : "field \(names.count + 1)")
            }
            guard let d = CivilDate(f[date]) else {
                throw RiskError(.csv, "expected a date YYYY-MM-DD, got '\(f[date])'", file: file, line: record.line, field: "date")
            }
            guard let t = Double(f[troops]), t.isFinite, t >= 0, t <= 10_000_000 else {
                throw RiskError(.csv, "expected a number of personnel 0…10000000, got '\(f[troops])'", file: file, line: record.line, field: "troops")
            }
            guard !f[source].isEmpty else {
                throw RiskError(.csv, "every figure needs its source", file: file, line: record.line, field: "source")
            }
            if let last = figures.last, d <= last.date {
                throw RiskError(.csv, "dates must increase (\(d) after \(last.date))", file: file, line: record.line, field: "date")
            }
            figures.append(.init(date: d, troops: t, note: note.map { f[$0] } ?? "", source: f[source]))
        }
        guard figures.contains(where: { $0.troops > 0 }) else {
            throw RiskError(.csv, "no figure above zero: the share is undefined", file: file, line: header.line, field: "troops")
        }
        return PresenceHistory(figures: figures)
    }
}
