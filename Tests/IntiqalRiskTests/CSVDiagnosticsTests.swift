import Foundation
import IntiqalDomain
@testable import IntiqalRisk
import Testing

/// The risk model's CSV readers report every bad row, each with its code, line and field, in one
/// error, rather than stopping at the first.
@Suite struct CSVDiagnosticsTests {
    static func diagnostics(_ read: () throws -> Void) -> [Diagnostic] {
        do {
            try read()
            Issue.record("the file was read, but it should not have been")
            return []
        } catch let error as RiskError {
            #expect(error.isCSVError)
            return error.diagnostics
        } catch {
            Issue.record("expected RiskError, got \(error)")
            return []
        }
    }

    @Test func everyBadIncidentRowIsReported() {
        let text = "date,region,count\n2024-02-30,anbar,1\n2024-03-01,,2\n2024-03-02,ninawa,x\n2024-03-03,anbar,1\n"
        let found = Self.diagnostics { _ = try IncidentCSV.parse(text, file: "i.csv") }
        #expect(found.map(\.code) == [.riskIncidentsDate, .riskIncidentsEmptyRegion, .riskIncidentsCount])
        #expect(found.map(\.location.line) == [2, 3, 4])
        #expect(found.map(\.location.path) == ["date", "region", "count"])
        #expect(found.allSatisfy { $0.location.file == "i.csv" && $0.message.ar?.isEmpty == false })
    }

    @Test func oneBadRowReadsAsBefore() throws {
        do {
            _ = try IncidentCSV.parse("date,region\n2024-13-01,anbar\n", file: "i.csv")
            Issue.record("read")
        } catch let error as RiskError {
            #expect(error.description == "i.csv, line 2, field 'date': expected a date YYYY-MM-DD, got '2024-13-01'")
            #expect(error.diagnostics.map(\.code) == [.riskIncidentsDate])
        }
    }

    @Test func everyBadPresenceFigureIsReported() {
        let text = "date,troops,note,source\n2008-01-01,100,,a\n2008-02-30,50,,b\n2008-03-01,-1,,c\n2008-04-01,10,,\n"
        let found = Self.diagnostics { _ = try PresenceHistoryCSV.parse(text, file: "p.csv") }
        #expect(found.map(\.code) == [.riskPresenceDate, .riskPresenceTroops, .riskPresenceSource])
    }

    @Test func everyBadEventRowIsReported() {
        let text = "event_date,admin1,latitude,longitude\n2024-01-05,Anbar,33.4,x\nnot a date,Anbar,33.4,43.3\n05 January 2024,Anbar,33.4,43.3\n"
        let found = Self.diagnostics { _ = try ConflictEventCSV.parse(text, file: "e.csv") }
        #expect(found.map(\.code) == [.riskEventsNumber, .riskEventsDate])
        #expect(found.map(\.location.line) == [2, 3])
    }

    @Test func aFileOfBadRowsStopsAtTheLimit() {
        let text = "date,region\n" + String(repeating: "bad,anbar\n", count: 500)
        let found = Self.diagnostics { _ = try IncidentCSV.parse(text, file: "i.csv") }
        #expect(found.count == RiskError.maximumDiagnostics)
    }
}
