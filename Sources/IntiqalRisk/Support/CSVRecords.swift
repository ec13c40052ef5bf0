import IntiqalDomain

/// The data lines of a CSV text, read by the shared `CSVLines` (LF or CRLF, a byte-order mark,
/// blank lines and `#` comments, quotes, the row and line limits), its errors as `RiskError`s.
enum CSVRecords {
    static func read(_ text: String, file: String) throws -> [(line: Int, fields: [String])] {
        do {
            return try CSVLines.records(text, file: file).map { ($0.line, $0.fields) }
        } catch {
            throw RiskError(csv: [error.diagnostic])
        }
    }
}
