import Foundation
import IntiqalDomain
import Testing

/// The one CSV line reader: CRLF and a byte-order mark read as LF and nothing; a line or a file
/// over its limit is refused with the file and line.
@Suite struct CSVLinesTests {
    @Test func crlfAndAByteOrderMarkAreReadAsPlainLines() throws {
        let text = "\u{FEFF}date,region\r\n2024-01-03,anbar\r\n# note\r\n\r\n\"2024-01-04\",\"a,b\"\r\n"
        let records = try CSVLines.records(text, file: "w.csv")
        #expect(records == [CSVRecord(line: 1, fields: ["date", "region"]), CSVRecord(line: 2, fields: ["2024-01-03", "anbar"]),
                            CSVRecord(line: 5, fields: ["2024-01-04", "a,b"])])
    }

    @Test func doubledQuotesInsideAQuotedFieldAreOneQuote() throws {
        #expect(try CSVLines.records("\"say \"\"no\"\"\",x", file: "q.csv").first?.fields == ["say \"no\"", "x"])
    }

    @Test func unterminatedQuoteNamesTheLineAndField() {
        #expect(throws: CSVError.self) { try CSVLines.records("a,b\nc,\"d", file: "q.csv") }
        do { _ = try CSVLines.records("a,b\nc,\"d", file: "q.csv") } catch {
            #expect(error.description == "q.csv:2: field 2: unterminated quoted field")
        }
    }

    @Test func lineOverTheLimitIsRefused() {
        let text = "a,b\n" + String(repeating: "x", count: 101) + "\n"
        do {
            _ = try CSVLines.records(text, file: "long.csv", maxLineBytes: 100)
            Issue.record("read a line over the limit")
        } catch {
            #expect(error.description == "long.csv:2: the line is 101 bytes long; at most 100 bytes a line")
        }
    }

    @Test func rowsOverTheLimitAreRefused() {
        let text = (1...4).map { "r\($0)" }.joined(separator: "\n")
        do {
            _ = try CSVLines.records(text, file: "many.csv", maxRows: 3)
            Issue.record("read more rows than the limit")
        } catch {
            #expect(error.description == "many.csv:4: more than 3 rows; at most 3 rows a file")
        }
        #expect((try? CSVLines.records(text, file: "many.csv", maxRows: 4))?.count == 4)
    }

    @Test func theStandardLimitsAreThoseOfInputLimits() {
        let text = String(repeating: "x", count: InputLimits.csvLineBytes + 1)
        #expect(throws: CSVError.self) { try CSVLines.records(text, file: "long.csv") }
    }
}
