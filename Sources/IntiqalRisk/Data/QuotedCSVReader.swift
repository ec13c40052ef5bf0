import IntiqalDomain

/// A small RFC 4180 reader for the event datasets (UCDP GED, ACLED): quoted fields may hold
/// commas, doubled quotes and line breaks; CRLF or LF line ends; a leading byte-order mark is
/// dropped. Each record carries the 1-based line it starts on. Blank lines are skipped.
enum QuotedCSVReader {
    /// Largest record count one file may hold (bounds the work one input can cause).
    static let maximumRecords = 2_000_000

    static func read(_ text: String, file: String) throws -> [(line: Int, fields: [String])] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var inQuotes = false, wasQuoted = false
        var i = 0
        let n = bytes.count
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() throws {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                guard records.count < maximumRecords else {
                    throw RiskError(csv: [.error(.riskEventsTooManyRecords, at: DiagnosticLocation(file: file, line: recordLine),
                                                 en: "more than \(maximumRecords) records", ar: "أكثر من \(maximumRecords) سجل")])
                }
                records.append((recordLine, fields))
            }
            fields.removeAll(keepingCapacity: true)
        }
        while i < n {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < n, bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 2; continue }
                    inQuotes = false
                } else {
                    if b == UInt8(ascii: "\n") { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\""):
                if field.isEmpty && !wasQuoted { inQuotes = true; wasQuoted = true } else { field.append(b) }
            case UInt8(ascii: "\r"):
                if i + 1 < n, bytes[i + 1] == UInt8(ascii: "\n") { break }
                field.append(b)
            case UInt8(ascii: "\n"):
                try endRecord()
                line += 1
                recordLine = line
            default:
                field.append(b)
            }
            i += 1
        }
        if inQuotes {
            throw RiskError(csv: [.error(.riskEventsUnterminatedQuote, at: DiagnosticLocation(file: file, line: recordLine, path: "field \(fields.count + 1)"),
                                         en: "a quoted field opened here is never closed", ar: "حقل مقتبس يبدأ هنا ولا يُغلق")])
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { try endRecord() }
        return records
    }
}
