import IntiqalDomain

/// Reads `PresenceHistory` from CSV: a header `date,troops,note,source` (any order; `note`
/// optional), then one dated figure a line (`YYYY-MM-DD`, personnel ≥ 0) with a non-empty
/// source — every figure must say where it comes from. Lines starting with `#` are comments.
/// Errors name the file, line and field.
public enum PresenceHistoryCSV {
    public static func parse(_ text: String, file: String = "<input>") throws -> PresenceHistory {
        let records = try QuotedCSVReader.read(text, file: file).filter { !($0.fields.first?.trimmingWhitespace.hasPrefix("#") ?? false) }
        guard let header = records.first else {
            throw RiskError(csv: [.error(.riskPresenceNoHeader, at: DiagnosticLocation(file: file, line: 1, path: "date"),
                                         en: "no header (expected date,troops,note,source)", ar: "لا ترويسة (المتوقع date,troops,note,source)")])
        }
        let names = header.fields.map { $0.trimmingWhitespace.lowercased() }
        func column(_ name: String) throws -> Int {
            guard let i = names.firstIndex(of: name) else {
                throw RiskError(csv: [.error(.riskPresenceMissingColumn, at: DiagnosticLocation(file: file, line: header.line, path: name),
                                             en: "header has no '\(name)' column (expected date,troops,note,source)",
                                             ar: "لا عمود '\(name)' في الترويسة (المتوقع date,troops,note,source)")])
            }
            return i
        }
        let date = try column("date"), troops = try column("troops"), source = try column("source")
        let note = names.firstIndex(of: "note")
        var figures: [PresenceHistory.Figure] = []
        var problems = DiagnosticCollector()
        func report(_ problem: Diagnostic) throws {
            problems.append(problem)
            if problems.diagnostics.count >= RiskError.maximumDiagnostics { throw RiskError(csv: problems.diagnostics) }
        }
        for record in records.dropFirst() {
            let f = record.fields.map(\.trimmingWhitespace)
            guard f.count == names.count else {
                try report(.error(.riskPresenceFieldCount,
                                  at: DiagnosticLocation(file: file, line: record.line, path: f.count < names.count ? names[f.count] : "field \(names.count + 1)"),
                                  en: "expected \(names.count) fields as in the header, found \(f.count)",
                                  ar: "المتوقع \(names.count) حقول كما في الترويسة، وُجد \(f.count)"))
                continue
            }
            guard let d = CivilDate(f[date]) else {
                try report(.error(.riskPresenceDate, at: DiagnosticLocation(file: file, line: record.line, path: "date"),
                                  en: "expected a date YYYY-MM-DD, got '\(f[date])'", ar: "المتوقع تاريخ YYYY-MM-DD، ورد '\(f[date])'"))
                continue
            }
            guard let t = Double(f[troops]), t.isFinite, t >= 0, t <= 10_000_000 else {
                try report(.error(.riskPresenceTroops, at: DiagnosticLocation(file: file, line: record.line, path: "troops"),
                                  en: "expected a number of personnel 0…10000000, got '\(f[troops])'",
                                  ar: "المتوقع عدد أفراد 0…10000000، ورد '\(f[troops])'"))
                continue
            }
            guard !f[source].isEmpty else {
                try report(.error(.riskPresenceSource, at: DiagnosticLocation(file: file, line: record.line, path: "source"),
                                  en: "every figure needs its source", ar: "كل رقم يحتاج إلى مصدره"))
                continue
            }
            if let last = figures.last, d <= last.date {
                try report(.error(.riskPresenceOrder, at: DiagnosticLocation(file: file, line: record.line, path: "date"),
                                  en: "dates must increase (\(d) after \(last.date))", ar: "يجب أن تتزايد التواريخ (\(d) بعد \(last.date))"))
                continue
            }
            figures.append(.init(date: d, troops: t, note: note.map { f[$0] } ?? "", source: f[source]))
        }
        guard problems.isEmpty else { throw RiskError(csv: problems.diagnostics) }
        guard figures.contains(where: { $0.troops > 0 }) else {
            throw RiskError(csv: [.error(.riskPresenceNoPositive, at: DiagnosticLocation(file: file, line: header.line, path: "troops"),
                                         en: "no figure above zero: the share is undefined", ar: "لا رقم فوق الصفر: النسبة غير معرّفة")])
        }
        return PresenceHistory(figures: figures)
    }
}
