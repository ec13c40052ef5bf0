import Foundation
import IntiqalDomain
import IntiqalStorage
import Testing

/// The ratings CSV of `intiqal assess --csv`, read in the library through the shared line reader; every problem is a
/// diagnostic with a stable code, the file, line, column and field, in English and Arabic, collected over the file.
@Suite struct AssessmentCSVTests {
    @Test func readsCRLFAByteOrderMarkAndQuotedFields() throws {
        let text = "\u{FEFF}party,group,region,capability,month,value\r\nIRQ,capability,anbar,isr,2025-01,3\r\n\"USA\",threat,anbar,,2025-01,2\r\n"
        let ratings = try AssessmentCSV.parse(text, file: "r.csv", scenario: try example())
        #expect(ratings.map(\.party) == ["IRQ", "USA"])
        #expect(ratings.map(\.factor) == [.capability, .threat])
    }

    /// The diagnostics a text yields (none when it reads).
    static func diagnostics(_ text: String, file: String = "r.csv") throws -> [Diagnostic] {
        let scenario = try example()
        do {
            _ = try AssessmentCSV.parse(text, file: file, scenario: scenario)
            return []
        } catch let error as StorageError {
            #expect(error.isInvalid)
            return error.diagnostics
        }
    }

    @Test(arguments: [
        ("party,group,region,capability,month,value\nIRQ,capability,anbar,isr,9999-01,3\n",
         DiagnosticCode.csvRatingsMonth, 2, 5 as Int?, "month", "r.csv:2:5: error: month: year 9999 of '9999-01' is out of range 1900–2200"),
        ("party,group,region,capability,month,value,scale\nIRQ,capability,anbar,isr,2025-01,3,99999999999999999999\n",
         .csvRatingsScale, 2, 7, "scale", "r.csv:2:7: error: scale: expected a version number 1–1000, got '99999999999999999999'"),
        ("party,group,region,month\nIRQ,threat,anbar,2025-01\n", .csvRatingsMissingColumn, 1, nil, "value",
         "r.csv:1: error: value: missing column 'value'"),
        ("party,group,region,capability,month,value\nUSA,capability,anbar,isr,2025-01,7\n", .csvRatingsOutsideScale, 2, 6, "value",
         "r.csv:2:6: error: value: 7.0 is outside the capability scale 0–4"),
    ])
    func aBadRowNamesTheFileLineColumnAndFieldWithAStableCode(text: String, code: DiagnosticCode, line: Int, column: Int?,
                                                              field: String, message: String) throws {
        let found = try Self.diagnostics(text)
        #expect(found.map(\.code) == [code])
        let d = try #require(found.first)
        #expect(d.location.file == "r.csv" && d.location.line == line && d.location.column == column && d.location.path == field)
        #expect(d.text(.en) == message)
        #expect(d.message.ar?.isEmpty == false && d.message.ar != d.message.en)
    }

    @Test func theLineReadersProblemsKeepTheirCodes() throws {
        let found = try Self.diagnostics("party,group,region,capability,month,value\nIRQ,capability,anbar,isr,2025-01,\"3\n")
        #expect(found.map(\.code) == [.csvUnterminatedQuote])
        #expect(found.first?.location.line == 2)
    }

    @Test func everyProblemOfTheFileIsReportedAtOnceAndNothingIsRead() throws {
        let text = """
            party,group,region,capability,month,value,trend
            IRQ,capability,anbar,isr,2025-01,3,
            IRQ,capabilty,anbar,isr,2025-13,x,up
            NOPE,threat,nowhere,isr,2025-01,2,
            IRQ,capability,anbar,isr,2025-01
            USA,capability,anbar,,2025-01,2,

            """
        let found = try Self.diagnostics(text)
        #expect(found.map(\.code) == [
            .csvRatingsGroup, .csvRatingsMonth, .csvRatingsValue, .csvRatingsTrend,  // line 3: every bad field
            .csvRatingsUnknownParty, .csvRatingsUnknownRegion, .csvRatingsThreatCapability,  // line 4
            .csvRatingsFieldCount,  // line 5
            .csvRatingsCapabilityRequired,  // line 6
        ])
        #expect(found.map { $0.location.line ?? 0 } == [3, 3, 3, 3, 4, 4, 4, 5, 6])
        #expect(found.prefix(4).map { $0.location.column ?? 0 } == [2, 5, 6, 7])
        #expect(found.allSatisfy { $0.severity == .error && $0.location.file == "r.csv" && $0.message.ar?.isEmpty == false })
        // Read in Arabic, the location stays and the words change.
        #expect(found[4].text(.ar) == "r.csv:4:1: error: party: طرف غير معروف 'NOPE'")
    }

    @Test func aFileOfManyBadRowsStopsAtTheLimit() throws {
        let rows = (0..<500).map { _ in "IRQ,capability,anbar,isr,2025-01,x" }.joined(separator: "\n")
        let found = try Self.diagnostics("party,group,region,capability,month,value\n" + rows + "\n")
        #expect(found.count == AssessmentCSV.maximumDiagnostics)
        #expect(Set(found.map(\.code)) == [.csvRatingsValue])
    }

    @Test func theErrorReadsInEitherLanguage() throws {
        let scenario = try example()
        do {
            _ = try AssessmentCSV.parse("party,group,region,capability,month,value\nIRQ,threat,nowhere,,2025-01,2\n", file: "r.csv", scenario: scenario)
            Issue.record("a bad region was read")
        } catch let error as StorageError {
            #expect(error.description == "r.csv:2:3: error: region: unknown region 'nowhere'")
            #expect(error.text(.ar) == "r.csv:2:3: error: region: منطقة غير معروفة 'nowhere'")
        }
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let dir = TempDir()
        let path = dir.path("huge.csv")
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(InputLimits.fileBytes) + 1)
        try handle.close()
        let scenario = try example()
        do {
            _ = try AssessmentCSV.read(path: path, scenario: scenario)
            Issue.record("a file over the limit was read")
        } catch let error as StorageError {
            #expect(error.diagnostics.map(\.code) == [.csvRatingsFile])
            #expect(error.description == "\(path): error: the file is \(InputLimits.fileBytes + 1) bytes; at most \(InputLimits.fileBytes) bytes (InputLimits.fileBytes)")
        }
    }
}
