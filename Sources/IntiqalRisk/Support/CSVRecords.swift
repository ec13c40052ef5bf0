/// The data lines of a CSV text: each with its 1-based line number and its fields (split by
/// `IncidentCSV.split`, quotes honoured). Windows line ends and a leading byte-order mark are
/// dropped; blank lines and `#` comments are skipped.
enum CSVRecords {
    static func read(_ text: String, file: String) throws -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line.removeLast() }
            if lineNumber == 1, line.first == "\u{FEFF}" { line.removeFirst() }
            let trimmed = String(line).trimmingWhitespace
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            records.append((lineNumber, try IncidentCSV.split(line, file: file, line: lineNumber)))
        }
        return records
    }
}
