import Foundation
import IntiqalDomain
import Testing
@testable import IntiqalRisk

/// Tests on the shared UCDP GED 19.1 extract (../shared/data/ucdp-ged-iraq.csv, CC BY 4.0),
/// read at run time and never copied into the repository; skipped when the file is absent.
@Suite(.enabled(if: UCDPRecordFile.text != nil, "../shared/data/ucdp-ged-iraq.csv is absent: UCDP record tests skipped"))
struct UCDPRecordTests {
    @Test func everyRowIsPlacedOrReported() throws {
        let result = try ConflictEventCSV.parse(UCDPRecordFile.text!, file: "ucdp-ged-iraq.csv")
        #expect(result.layout == "ucdp-ged")
        #expect(result.rows == 7_473)
        // 413 rows have no adm_1: 139 of them are located only at country level (where_prec 6).
        #expect(result.placedByName == 7_060)
        #expect(result.placedByCoordinates.values.reduce(0, +) == 274)
        #expect(result.unplaced == 139)
        #expect(result.unknownNames.isEmpty)
        #expect(result.incidents.count == 7_473 - 139)
        let regions = Set(result.incidents.map(\.region))
        #expect(regions.count == 18)
        // Kirkuk's two names are one governorate: 302 + 39 named rows (plus any placed by coordinates).
        let kirkuk = result.incidents.filter { $0.region == "kirkuk" }.count
        #expect(kirkuk == 341 + (result.placedByCoordinates["kirkuk"] ?? 0))
    }

    @Test func backtestOfAYearRunsOnTheRecord() throws {
        let result = try ConflictEventCSV.parse(UCDPRecordFile.text!, file: "ucdp-ged-iraq.csv")
        let configuration = BacktestConfiguration(from: YearMonth(year: 2014, month: 1), to: YearMonth(year: 2014, month: 12), runs: 100)
        let report = try Backtest.run(incidents: result.incidents, configuration: configuration, source: "ucdp",
                                      regions: IraqGovernorate.all.map(\.id), notes: result.notes)
        #expect(report.regions.count == 18)
        #expect(report.horizon(3)?.regionMonth(.hawkes)?.score.count == 18 * 12)
        // The two 1989 events are located only at country level (unplaced).
        #expect(report.dataStart == YearMonth(year: 1990, month: 1) && report.dataEnd == YearMonth(year: 2018, month: 12))
    }
}
