import Foundation
import IntiqalDomain
import Testing
@testable import IntiqalRisk

/// Every CSV reader reads CRLF and a byte-order mark, as `assess --csv` always did, and holds an
/// incident count to the one range the fit uses.
@Suite struct CSVLineEndingTests {
    @Test func incidentCSVWithCRLFAndAByteOrderMarkIsRead() throws {
        let text = "\u{FEFF}date,region,count\r\n2024-01-03,anbar,2\r\n2024-01-04,erbil,1\r\n"
        let incidents = try IncidentCSV.parse(text, file: "crlf.csv")
        #expect(incidents.map(\.region) == ["anbar", "erbil"])
        #expect(incidents.map(\.count) == [2, 1])
    }

    @Test func exposureHistoryCSVWithCRLFAndAByteOrderMarkIsRead() throws {
        let text = "\u{FEFF}month,region,gap,coalitionShare\r\n2024-01,anbar,1,0.5\r\n2024-02,anbar,0.5,0.25\r\n"
        let history = try ExposureHistoryCSV.parse(text, file: "crlf.csv")
        #expect(history.regions.map(\.region) == ["anbar"])
        #expect(history.regions.first?.gap == [1, 0.5])
    }

    @Test func incidentCountOverTheFitsLimitIsRefusedWithTheRange() {
        do {
            _ = try IncidentCSV.parse("date,region,count\n2024-01-01,anbar,1000001\n", file: "big.csv")
            Issue.record("accepted a count over the limit")
        } catch {
            #expect("\(error)".contains("big.csv, line 2, field 'count'"))
            #expect("\(error)".contains("0…\(InputLimits.incidentCount.upperBound)"))
        }
    }

    @Test func csvLineOverTheLimitIsARiskErrorNamingTheLine() {
        let text = "date,region\n2024-01-01," + String(repeating: "a", count: InputLimits.csvLineBytes) + "\n"
        do {
            _ = try IncidentCSV.parse(text, file: "long.csv")
            Issue.record("accepted a line over the limit")
        } catch let error as RiskError {
            #expect(error.isCSVError)
            #expect(error.line == 2)
            #expect(error.description.contains("at most \(InputLimits.csvLineBytes) bytes a line"))
        } catch {
            Issue.record("\(error)")
        }
    }
}
