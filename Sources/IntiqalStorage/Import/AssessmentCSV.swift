import IntiqalDomain
import IntiqalScenario

/// Reads working-group ratings from CSV for `intiqal assess --csv`: a header row naming the
/// columns (any order) `party`, `group`, `region`, `month`, `value` and optionally `capability`,
/// `trend`, `confidence`, `scale`; then one rating a row, each checked against the scenario.
/// Lines are read by the shared `CSVLines` (LF or CRLF, a byte-order mark, `#` comments, quotes,
/// the row and line limits). Every problem of the file is a `Diagnostic` (code `csv.ratings-*`, or
/// the line reader's `csv.*`) naming the file, line, column and field, in English and Arabic,
/// collected over the whole file (up to ``maximumDiagnostics``) and thrown together as one
/// `StorageError.invalid(diagnostics:)`: all rows are read, or none.
public enum AssessmentCSV {
    public static let requiredColumns = ["party", "group", "region", "month", "value"]
    /// The most problems one file reports; reading stops there.
    public static let maximumDiagnostics = 100

    /// Reads the file at `path` (refused over `InputLimits.fileBytes` before it is read).
    public static func read(path: String, scenario: Scenario) throws -> [Assessment] {
        let text: String
        do { text = try InputFile.text(atPath: path) } catch {
            throw StorageError.invalid(diagnostics: [.error(.csvRatingsFile, at: DiagnosticLocation(file: path),
                en: error.message, ar: "تعذّرت قراءة ملف التقييمات: \(error.message)")])
        }
        return try parse(text, file: path, scenario: scenario)
    }

    public static func parse(_ text: String, file: String, scenario: Scenario) throws -> [Assessment] {
        let records: [CSVRecord]
        do { records = try CSVLines.records(text, file: file) } catch {
            throw StorageError.invalid(diagnostics: [error.diagnostic])
        }
        guard let header = records.first else {
            throw StorageError.invalid(diagnostics: [.error(.csvRatingsEmpty, at: DiagnosticLocation(file: file, line: 1),
                en: "the file is empty: expected a header row naming \(requiredColumns.joined(separator: ", "))",
                ar: "الملف فارغ: المتوقع سطر عناوين يسمّي \(requiredColumns.joined(separator: "، "))")])
        }
        var found = DiagnosticCollector()
        let columns = header.fields.map { trim($0).lowercased() }
        for required in requiredColumns where !columns.contains(required) {
            found.error(.csvRatingsMissingColumn, at: DiagnosticLocation(file: file, line: header.line, path: required),
                        en: "missing column '\(required)'", ar: "العمود '\(required)' مفقود")
        }
        if found.hasErrors { throw StorageError.invalid(diagnostics: found.diagnostics) }
        var out: [Assessment] = []
        out.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            if let a = rating(record, columns: columns, file: file, scenario: scenario, into: &found) { out.append(a) }
            if found.diagnostics.count >= maximumDiagnostics { break }
        }
        if found.hasErrors { throw StorageError.invalid(diagnostics: Array(found.diagnostics.prefix(maximumDiagnostics))) }
        return out
    }

    /// The row's rating, or nil with its problems added to `found` (every field checked, not only the first bad one).
    static func rating(_ record: CSVRecord, columns: [String], file: String, scenario: Scenario,
                       into found: inout DiagnosticCollector) -> Assessment? {
        guard record.fields.count == columns.count else {
            found.error(.csvRatingsFieldCount, at: DiagnosticLocation(file: file, line: record.line),
                        en: "expected \(columns.count) fields, found \(record.fields.count)",
                        ar: "المتوقع \(columns.count) حقول، وُجد \(record.fields.count)")
            return nil
        }
        var row: [String: String] = [:]
        for (c, f) in zip(columns, record.fields.map(trim)) where !f.isEmpty { row[c] = f }
        func at(_ column: String) -> DiagnosticLocation {
            DiagnosticLocation(file: file, line: record.line, column: columns.firstIndex(of: column).map { $0 + 1 }, path: column)
        }
        let before = found.diagnostics.count
        let factor = row["group"].flatMap(Factor.init(rawValue:))
        if factor == nil {
            found.error(.csvRatingsGroup, at: at("group"), en: "expected threat, requirement or capability, got '\(row["group"] ?? "")'",
                        ar: "المتوقع threat أو requirement أو capability، ورد '\(row["group"] ?? "")'")
        }
        var month: YearMonth?
        do { month = try YearMonth.parse(row["month"] ?? "") } catch {
            found.error(.csvRatingsMonth, at: at("month"), en: error.description, ar: error.arabic)
        }
        let value = row["value"].flatMap(Double.init)
        if value == nil || value?.isFinite != true {
            found.error(.csvRatingsValue, at: at("value"), en: "expected a number, got '\(row["value"] ?? "")'",
                        ar: "المتوقع رقم، ورد '\(row["value"] ?? "")'")
        }
        var trend: Trend?
        if let t = row["trend"] {
            trend = Trend(rawValue: t)
            if trend == nil {
                found.error(.csvRatingsTrend, at: at("trend"), en: "expected falling, steady or rising, got '\(t)'",
                            ar: "المتوقع falling أو steady أو rising، ورد '\(t)'")
            }
        }
        var confidence = Assessment.Confidence.medium
        if let c = row["confidence"] {
            if let v = Assessment.Confidence(rawValue: c) { confidence = v } else {
                found.error(.csvRatingsConfidence, at: at("confidence"), en: "expected low, medium or high, got '\(c)'",
                            ar: "المتوقع low أو medium أو high، ورد '\(c)'")
            }
        }
        var version = factor.map { scenario.currentScale(for: $0).version }
        if let s = row["scale"] {
            let range = InputLimits.scaleVersion
            if let v = Int(s), range.contains(v) { version = v } else {
                version = nil
                found.error(.csvRatingsScale, at: at("scale"),
                            en: "expected a version number \(range.lowerBound)–\(range.upperBound), got '\(s)'",
                            ar: "المتوقع رقم إصدار بين \(range.lowerBound) و\(range.upperBound)، ورد '\(s)'")
            }
        }
        guard found.diagnostics.count == before, let factor, let month, let value, let version else { return nil }
        let a = Assessment(party: row["party"] ?? "", factor: factor, region: row["region"] ?? "", capability: row["capability"],
                           month: month, value: value, trend: trend, scale: ScaleReference(factor: factor, version: version),
                           confidence: confidence)
        let problems = scenario.problems(a)
        for p in problems { found.append(.error(p.code, at: at(p.field), en: p.en, ar: p.ar)) }
        return problems.isEmpty ? a : nil
    }

    /// A field without the spaces and tabs around it.
    static func trim(_ field: String) -> String {
        var s = Substring(field)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
