import Foundation
import IntiqalDomain
import IntiqalStorage
import Testing

/// The ratings CSV of `intiqal assess --csv`, read in the library through the shared line reader.
@Suite struct AssessmentCSVTests {
    @Test func readsCRLFAByteOrderMarkAndQuotedFields() throws {
        let text = "\u{FEFF}party,group,region,capability,month,value\r\nIRQ,capability,anbar,isr,2025-01,3\r\n\"USA\",threat,anbar,,2025-01,2\r\n"
        let ratings = try AssessmentCSV.parse(text, file: "r.csv", scenario: try example())
        #expect(ratings.map(\.party) == ["IRQ", "USA"])
        #expect(ratings.map(\.factor) == [.capability, .threat])
    }

    @Test(arguments: [
        ("party,group,region,capability,month,value\nIRQ,capability,anbar,isr,9999-01,3\n", "r.csv:2: month: year 9999 of '9999-01' is out of range 1900–2200"),
        ("party,group,region,capability,month,value,scale\nIRQ,capability,anbar,isr,2025-01,3,99999999999999999999\n",
         "r.csv:2: scale: expected a version number 1–1000, got '99999999999999999999'"),
        ("party,group,region,month\nIRQ,threat,anbar,2025-01\n", "r.csv:1: missing column 'value'"),
        ("party,group,region,capability,month,value\nIRQ,capability,anbar,isr,2025-01,\"3\n", "r.csv:2: field 6: unterminated quoted field"),
    ])
    func badRowsNameTheFileLineAndColumn(text: String, message: String) throws {
        let scenario = try example()
        #expect(throws: StorageError.invalid(message)) { try AssessmentCSV.parse(text, file: "r.csv", scenario: scenario) }
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let dir = TempDir()
        let path = dir.path("huge.csv")
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(InputLimits.fileBytes) + 1)
        try handle.close()
        let scenario = try example()
        #expect(throws: StorageError.invalid("\(path): the file is \(InputLimits.fileBytes + 1) bytes; at most \(InputLimits.fileBytes) bytes (InputLimits.fileBytes)")) {
            try AssessmentCSV.read(path: path, scenario: scenario)
        }
    }
}
