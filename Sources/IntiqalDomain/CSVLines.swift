/// The one line reader of every CSV the commission reads (incidents, exposure histories,
/// ratings): lines end in LF or CRLF, a leading UTF-8 byte-order mark is dropped, blank lines and
/// `#` comments are skipped, fields are split on commas with double quotes honoured (`""` is a
/// quote inside a quoted field). A line longer than `maxLineBytes` or more than `maxRows` data
/// lines is refused, so no input makes the reader hold more than the file itself.
public enum CSVLines {
    public static func records(_ text: String, file: String, maxRows: Int = InputLimits.csvRows,
                               maxLineBytes: Int = InputLimits.csvLineBytes) throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var bytes = Substring(text).utf8[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var lineNumber = 0
        while !bytes.isEmpty {
            lineNumber += 1
            let end = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
            var line = bytes[bytes.startIndex..<end]
            bytes = end == bytes.endIndex ? bytes[end...] : bytes[bytes.index(after: end)...]
            if line.last == 0x0D { line = line.dropLast() }
            if line.count > maxLineBytes {
                throw .lineTooLong(file: file, line: lineNumber, bytes: line.count, limit: maxLineBytes)
            }
            guard let first = line.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }), first != UInt8(ascii: "#") else { continue }
            if records.count == maxRows { throw .tooManyRows(file: file, line: lineNumber, limit: maxRows) }
            records.append(CSVRecord(line: lineNumber, fields: try fields(line, file: file, line: lineNumber)))
        }
        return records
    }

    /// Splits one line on commas; a field that starts (after blanks) with `"` is quoted.
    static func fields(_ line: Substring.UTF8View.SubSequence, file: String, line number: Int) throws(CSVError) -> [String] {
        var fields: [String] = []
        var current: [UInt8] = []
        var quoted = false
        var startedQuoted = false
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            if quoted {
                if c == UInt8(ascii: "\"") {
                    let next = line.index(after: index)
                    if next < line.endIndex, line[next] == UInt8(ascii: "\"") { current.append(c); index = next } else { quoted = false }
                } else {
                    current.append(c)
                }
            } else if c == UInt8(ascii: "\""), !startedQuoted, current.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                quoted = true
                startedQuoted = true
                current.removeAll()
            } else if c == UInt8(ascii: ",") {
                fields.append(String(decoding: current, as: UTF8.self))
                current.removeAll()
                startedQuoted = false
            } else {
                current.append(c)
            }
            index = line.index(after: index)
        }
        if quoted { throw .unterminatedQuote(file: file, line: number, field: fields.count + 1) }
        fields.append(String(decoding: current, as: UTF8.self))
        return fields
    }
}
