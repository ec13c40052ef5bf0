import IntiqalDomain
import IntiqalScenario

/// Reads working-group ratings from CSV for `intiqal assess --csv`: a header row naming the
/// columns (any order) `party`, `group`, `region`, `month`, `value` and optionally `capability`,
/// `trend`, `confidence`, `scale`; then one rating a row, each checked against the scenario.
/// Lines are read by the shared `CSVLines` (LF or CRLF, a byte-order mark, `#` comments, quotes,
/// the row and line limits). Errors name the file, line and column.
public enum AssessmentCSV {
    public static let requiredColumns = ["party", "group", "region", "month", "value"]

    /// Reads the file at `path` (refused over `InputLimits.fileBytes` before it is read).
    public static func read(path: String, scenario: Scenario) throws -> [Assessment] {
        let text: String
        do { text = try InputFile.text(atPath: path) } catch { throw StorageError.invalid(error.description) }
        return try parse(text, file: path, scenario: scenario)
    }

    public static func parse(_ text: String, file: String, scenario: Scenario) throws -> [Assessment] {
        let records: [CSVRecord]
        do { records = try CSVLines.records(text, file: file) } catch { throw StorageError.invalid(error.description) }
        guard let header = records.first else { throw StorageError.invalid("\(file): the file is empty") }
        let columns = header.fields.map { trim($0).lowercased() }
        for required in requiredColumns where !columns.contains(required) {
            throw StorageError.invalid("\(file):\(header.line): missing column '\(required)'")
        }
        var out: [Assessment] = []
        out.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            out.append(try rating(record, columns: columns, file: file, scenario: scenario))
        }
        return out
    }

    static func rating(_ record: CSVRecord, columns: [String], file: String, scenario: Scenario) throws -> Assessment {
        let at = "\(file):\(record.line)"
        guard record.fields.count == columns.count else {
            throw StorageError.invalid("\(at): expected \(columns.count) fields, found \(record.fields.count)")
        }
        var row: [String: String] = [:]
        for (c, f) in zip(columns, record.fields.map(trim)) where !f.isEmpty { row[c] = f }
        func bad(_ column: String, _ message: String) -> StorageError { .invalid("\(at): \(column): \(message)") }
        guard let factor = row["group"].flatMap(Factor.init(rawValue:)) else { throw bad("group", "expected threat, requirement or capability") }
        let month: YearMonth
        do { month = try YearMonth.parse(row["month"] ?? "") } catch { throw bad("month", error.description) }
        guard let value = row["value"].flatMap(Double.init), value.isFinite else { throw bad("value", "expected a number") }
        var trend: Trend?
        if let t = row["trend"] {
            guard let v = Trend(rawValue: t) else { throw bad("trend", "expected falling, steady or rising") }
            trend = v
        }
        var confidence = Assessment.Confidence.medium
        if let c = row["confidence"] {
            guard let v = Assessment.Confidence(rawValue: c) else { throw bad("confidence", "expected low, medium or high") }
            confidence = v
        }
        var version = scenario.currentScale(for: factor).version
        if let s = row["scale"] {
            let range = InputLimits.scaleVersion
            guard let v = Int(s), range.contains(v) else {
                throw bad("scale", "expected a version number \(range.lowerBound)–\(range.upperBound), got '\(s)'")
            }
            version = v
        }
        let a = Assessment(party: row["party"] ?? "", factor: factor, region: row["region"] ?? "", capability: row["capability"],
                           month: month, value: value, trend: trend, scale: ScaleReference(factor: factor, version: version),
                           confidence: confidence)
        do { try scenario.validate(a, at: "row") } catch let e as StorageError {
            throw StorageError.invalid("\(at): \(e.message.replacingOccurrences(of: "row.", with: ""))")
        }
        return a
    }

    /// A field without the spaces and tabs around it.
    static func trim(_ field: String) -> String {
        var s = Substring(field)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
