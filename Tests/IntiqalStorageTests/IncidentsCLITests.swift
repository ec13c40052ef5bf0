import Foundation
import Testing
@testable import IntiqalStorage

@Suite(.enabled(if: intiqalExecutable != nil, "the intiqal executable is built next to the tests"))
struct IncidentsCLITests {
    /// Invented rows in ACLED's published columns: Ramadi (Anbar), Basra (no region of the example).
    static let acled = """
    event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities
    IRQ7001,2025-03-03,2025,1,Battles,Armed clash,Invented group A,Invented group B,Iraq,Al Anbar,Ramadi,Ramadi,33.42,43.30,1,Invented,Invented row,1
    IRQ7002,2025-03-04,2025,1,Battles,Armed clash,Invented group A,,Iraq,Basra,Basrah,Basrah,30.50,47.81,1,Invented,Invented row,0

    """

    @Test func importListExportAndTheirBadInput() throws {
        let dir = TempDir()
        let w = dir.path("w.intiqal"), csv = dir.path("acled.csv"), out = dir.path("out.csv")
        try Self.acled.write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try intiqal("init", w, "--example", "iraq-2024").0 == 0)
        let imported = try intiqal("incidents", "import", csv, "--format", "acled", "--workspace", w)
        #expect(imported.0 == 0 && imported.1.contains("1 incidents added") && imported.1.contains("unmapped line 3"))
        let again = try intiqal("incidents", "import", csv, "--format", "acled", "--workspace", w)
        #expect(again.0 == 0 && again.1.contains("0 incidents added, 1 already present"))
        let strict = try intiqal("incidents", "import", csv, "--format", "acled", "--workspace", w, "--require-every-row")
        #expect(strict.0 == 1 && strict.2.contains("line 3"))
        let wrong = try intiqal("incidents", "import", csv, "--format", "ucdp-ged", "--workspace", w)
        #expect(wrong.0 == 1 && wrong.2.contains("format"))
        // The default subcommand lists; filters, formats.
        let table = try intiqal("incidents", "--workspace", w, "--region", "anbar", "--month", "2025-03")
        #expect(table.0 == 0 && table.1.contains("anbar 2025-03: 1 incident") && table.1.contains("acled:IRQ7001"))
        let csvList = try intiqal("incidents", "list", "--workspace", w, "--format", "csv")
        #expect(csvList.0 == 0 && csvList.1.hasPrefix("id,region,month,date"))
        let json = try intiqal("incidents", "--workspace", w, "--format", "json")
        #expect(json.0 == 0 && json.1.contains("\"datePrecision\""))
        #expect(try intiqal("incidents", "--workspace", w, "--month", "2025-13").0 != 0)
        let exported = try intiqal("incidents", "export", "--format", "acled", "--workspace", w, "--out", out)
        #expect(exported.0 == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("IRQ7001,2025-03-03"))
        // UCDP GED's layout: the export imports into a fresh workspace, and a second time adds nothing.
        let ucdp = dir.path("ucdp.csv"), fresh = dir.path("fresh.intiqal")
        #expect(try intiqal("incidents", "export", "--format", "ucdp-ged", "--workspace", w, "--out", ucdp).0 == 0)
        #expect(try String(contentsOfFile: ucdp, encoding: .utf8).hasPrefix("id,year,active_year,type_of_violence,"))
        #expect(try intiqal("init", fresh, "--example", "iraq-2024").0 == 0)
        let back = try intiqal("incidents", "import", ucdp, "--format", "ucdp-ged", "--workspace", fresh)
        #expect(back.0 == 0 && !back.1.contains(" 0 incidents added") && back.1.contains(" 0 unmapped"), "\(back.1)")
        let twice = try intiqal("incidents", "import", ucdp, "--format", "ucdp-ged", "--workspace", fresh)
        #expect(twice.0 == 0 && twice.1.contains("0 incidents added"), "\(twice.1)")
        let split = try intiqal("incidents", "split", "--source", "999999", "--workspace", w)
        #expect(split.0 == 1 && split.2.contains("no such source"))
        // The risk model fits on the workspace's incidents.
        #expect(try intiqal("risk", "--workspace", w, "--runs", "50", "--format", "json").0 == 0)
    }
}
