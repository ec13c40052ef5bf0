import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalStorage
import Testing

/// ACLED and UCDP GED files import as incidents (idempotent, all or nothing, every row accounted
/// for) and ACLED and UCDP GED export write them back. The files below are invented, in the published layouts.
@Suite struct IncidentDatasetTests {
    static let acledHeader = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"

    /// Line 2: Anbar/Ramadi; 3: a town of the border zone; 4: an air strike in Ninewa; 5: Basra
    /// (no scenario region); 6: an unknown admin1; 7: month precision in Erbil.
    static let acled = """
    \(acledHeader)
    IRQ9001,2025-03-03,2025,1,Political violence,Explosions/Remote violence,Remote explosive/landmine/IED,Unidentified Armed Group (Iraq),,3,Military Forces of Iraq (2022-),,1,13,,368,Middle East,Iraq,Al Anbar,Ramadi,,Ramadi,33.42,43.30,1,Invented Wire,National,"An invented IED, for a test; nobody hurt.",0,,1700000000
    IRQ9002,4 March 2025,2025,1,Political violence,Battles,Armed clash,Islamic State (Iraq),,2,Military Forces of Iraq (2022-),,1,12,,368,Middle East,Iraq,Al Anbar,Al-Qaim,,Husaybah,34.38,40.99,1,Invented Wire,National,"Invented clash near the border, for a test.",2,,1700000000
    IRQ9003,2025-03-05,2025,1,Political violence,Explosions/Remote violence,Air/drone strike,Military Forces of the United States (2021-),,8,Islamic State (Iraq),,2,28,,368,Middle East,Iraq,Ninewa,Mosul,,Mosul,36.34,43.13,1,Invented Wire,International,"Invented strike, for a test.",1,,1700000000
    IRQ9004,2025-03-06,2025,1,Demonstrations,Protests,Peaceful protest,Protesters (Iraq),,6,,,0,60,,368,Middle East,Iraq,Al Basrah,Basrah,,Basrah,30.50,47.81,1,Invented Wire,Subnational,Invented protest.,0,,1700000000
    IRQ9005,2025-03-07,2025,1,Political violence,Battles,Armed clash,Unidentified Armed Group (Iraq),,3,,,0,30,,368,Middle East,Iraq,Atlantis,,,Nowhere,33.00,44.00,1,Invented Wire,National,Invented.,0,,1700000000
    IRQ9006,2025-03-15,2025,3,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Unidentified Armed Group (Iraq),,3,,,0,30,,368,Middle East,Iraq,Erbil,Erbil,,Erbil,36.19,44.01,2,Invented Wire,National,"Invented, month only.",0,,1700000000

    """

    static let ucdpHeader = "id,year,active_year,type_of_violence,conflict_new_id,conflict_name,dyad_new_id,dyad_name,side_a_new_id,side_a,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low"

    static let ucdp = """
    \(ucdpHeader)
    900001,2016,1,1,259,Iraq: Government,524,Government of Iraq - IS,116,Government of Iraq,234,IS,1,"Invented Agency,2016-05-02,Invented headline",Invented Agency,2016-05-02,Invented headline,Official,1,Al Fallūjah town,Al Anbār province,Qaḑā’ al Fallūjah,33.35,43.78,POINT (43.78 33.35),177568,Iraq,645,Middle East,1,1,2016-05-01 00:00:00.000,2016-05-01 00:00:00.000,1,2,0,0,3,4,3
    900002,2016,1,1,259,Iraq: Government,524,Government of Iraq - IS,116,Government of Iraq,234,IS,1,"Invented Agency,2016-05-03,Invented",Invented Agency,2016-05-03,Invented,Official,3,Sinjār district,Nīnawá province,Sinjār district,36.32,41.87,POINT (41.87 36.32),178000,Iraq,645,Middle East,1,4,2016-05-01 00:00:00.000,2016-05-31 00:00:00.000,0,0,0,5,5,7,5
    900003,2016,1,3,300,IS - Civilians,600,IS - Civilians,234,IS,1,Civilians,1,"Invented Agency,2016-05-04,Invented",Invented Agency,2016-05-04,Invented,Official,6,Iraq,,,33.0,44.0,POINT (44 33),177000,Iraq,645,Middle East,1,1,2016-05-04 00:00:00.000,2016-05-04 00:00:00.000,0,0,1,0,1,1,1

    """

    static func importing(_ c: Commission, _ text: String, _ format: IncidentDataset, file: String = "test.csv",
                          marking: Marking = .joint, requireEveryRow: Bool = false) throws -> IncidentImportReport {
        try c.importIncidents(text, file: file, format: format, marking: marking, requireEveryRow: requireEveryRow, by: .fileHolder("admin"))
    }

    static func datasetIncidents(_ c: Commission, _ viewer: Viewer = .fileHolder("x")) throws -> [IncidentRecord] {
        try c.incidents(for: viewer).filter { $0.sources.contains { $0.kind == .dataset } }
    }

    @Test(arguments: TestStore.allCases)
    func acledRowsBecomeIncidentsInTheScenariosRegionsAndUnmappedRowsAreReportedWithTheirLines(store: TestStore) throws {
        let c = try exampleCommission(store)
        let report = try Self.importing(c, Self.acled, .acled)
        #expect(report.rows == 6 && report.added == 4 && report.alreadyPresent == 0)
        #expect(report.unmapped.map(\.line) == [5, 6])
        #expect(report.byRegion == ["anbar": 1, "syria-border": 1, "ninewa": 1, "erbil": 1])
        let incidents = try Self.datasetIncidents(c)
        #expect(incidents.map(\.incident.region) == ["anbar", "syria-border", "ninewa", "erbil"])
        #expect(incidents.map(\.incident.kind) == [.attack, .attack, .strike, .attack])
        #expect(incidents.map(\.place) == ["anbar/ramadi", "husaybah", "ninewa/mosul", "erbil/erbil"])
        #expect(incidents[3].datePrecision == .month)
        #expect(incidents[1].incident.date == "2025-03-04")
        // The dataset's own precision codes and fields are kept in the source's provenance.
        let provenance = incidents[3].sources[0].provenance
        #expect(provenance.contains(#"\"datePrecision\":\"3\""#) && provenance.contains(#"\"locationPrecision\":\"2\""#))
        #expect(incidents[0].sources[0].key == "acled:IRQ9001" && incidents[0].sources[0].line == 2)
    }

    @Test(arguments: TestStore.allCases)
    func reimportingTheSameFileAddsNothing(store: TestStore) throws {
        let c = try exampleCommission(store)
        _ = try Self.importing(c, Self.acled, .acled)
        let count = try c.incidents(for: .fileHolder("x")).count
        let again = try Self.importing(c, Self.acled, .acled, file: "copy.csv")
        #expect(again.added == 0 && again.alreadyPresent == 4 && again.unmapped.count == 2)
        #expect(try c.incidents(for: .fileHolder("x")).count == count)
    }

    @Test(arguments: TestStore.allCases)
    func aBadRowOrAnUnmappedRowUnderRequireEveryRowWritesNothing(store: TestStore) throws {
        let c = try exampleCommission(store)
        let count = try c.incidents(for: .fileHolder("x")).count
        let bad = Self.acled.replacingOccurrences(of: "2025-03-05", with: "2025-02-30")
        let error = #expect(throws: CommissionError.self) { try Self.importing(c, bad, .acled) }
        #expect(error?.description.contains("test.csv, line 4, field 'event_date'") == true)
        #expect(try c.incidents(for: .fileHolder("x")).count == count)
        let strict = #expect(throws: CommissionError.self) { try Self.importing(c, Self.acled, .acled, requireEveryRow: true) }
        #expect(strict?.field == "line 5")
        #expect(try c.incidents(for: .fileHolder("x")).count == count)
        #expect(throws: CommissionError.self) { try Self.importing(c, Self.acled, .ucdpGED) }
    }

    @Test(arguments: TestStore.allCases)
    func ucdpRowsKeepTheirPrecisionAndCountryLevelRowsAreUnmapped(store: TestStore) throws {
        let c = try exampleCommission(store)
        let report = try Self.importing(c, Self.ucdp, .ucdpGED)
        #expect(report.added == 2 && report.unmapped.map(\.line) == [4])
        let incidents = try Self.datasetIncidents(c)
        #expect(incidents.map(\.incident.region) == ["anbar", "syria-border"])
        #expect(incidents[0].place == "anbar/fallujah" && incidents[0].datePrecision == .day)
        #expect(incidents[1].datePrecision == .month && incidents[1].incident.until == "2016-05-31")
        #expect(incidents[1].sources[0].provenance.contains(#"\"fatalitiesHigh\":7"#))
    }

    @Test(arguments: TestStore.allCases)
    func acledExportRoundTrips(store: TestStore) throws {
        let c = try exampleCommission(store)
        _ = try Self.importing(c, Self.acled, .acled)
        let exported = try c.exportIncidentsACLED(for: .fileHolder("x"))
        #expect(exported.hasPrefix(Commission.acledColumns.joined(separator: ",") + "\r\n"))
        let d = try exampleCommission()
        let report = try Self.importing(d, exported, .acled, file: "exported.csv")
        // Every incident of the workspace comes back (the scenario's period totals included, as one row each).
        #expect(report.unmapped.isEmpty, "\(report.unmapped)")
        let original = try c.incidents(for: .fileHolder("x")), back = try Self.datasetIncidents(d)
        #expect(back.count == original.count)
        struct Key: Hashable { var region: String; var date: String; var kind: Incident.Kind; var precision: IncidentRecord.DatePrecision }
        func keys(_ r: [IncidentRecord]) -> [Key: Int] {
            r.reduce(into: [:]) { $0[Key(region: $1.incident.region, date: $1.incident.date, kind: $1.incident.kind, precision: $1.datePrecision), default: 0] += 1 }
        }
        #expect(keys(back) == keys(original))
        #expect(Set(back.compactMap { $0.sources[0].key }).isSuperset(of: ["acled:IRQ9001", "acled:IRQ9006"]))
        // Exporting the re-import gives the dataset rows back unchanged.
        let again = try d.exportIncidentsACLED(for: .fileHolder("x"))
        let rows = { (t: String) in Set(t.split(separator: "\r\n").filter { $0.hasPrefix("IRQ") }) }
        #expect(rows(again) == rows(exported))
    }

    @Test func ucdpExportRoundTripsIntoAFreshWorkspaceAndReimportsNothing() throws {
        let c = try exampleCommission()
        _ = try Self.importing(c, Self.ucdp, .ucdpGED)
        _ = try Self.importing(c, Self.acled, .acled)
        let exported = try c.exportIncidentsUCDP(for: .fileHolder("x"))
        #expect(exported.hasPrefix(Commission.ucdpColumns.joined(separator: ",") + "\r\n"))
        let d = try exampleCommission()
        let before = try d.incidents(for: .fileHolder("x")).count
        let report = try Self.importing(d, exported, .ucdpGED, file: "exported.csv")
        #expect(report.unmapped.isEmpty, "\(report.unmapped)")
        let original = try c.incidents(for: .fileHolder("x")), back = try Self.datasetIncidents(d)
        #expect(report.added == original.count && back.count == original.count)
        #expect(try d.incidents(for: .fileHolder("x")).count == before + original.count)
        // UCDP GED has no attack/strike distinction: region, date and date precision come back.
        struct Key: Hashable { var region: String; var date: String; var precision: IncidentRecord.DatePrecision }
        func keys(_ r: [IncidentRecord]) -> [Key: Int] {
            r.reduce(into: [:]) { $0[Key(region: $1.incident.region, date: $1.incident.date, precision: $1.datePrecision), default: 0] += 1 }
        }
        #expect(keys(back) == keys(original))
        // UCDP's own rows go back under their ids with their precision codes and estimates.
        #expect(Set(back.compactMap { $0.sources[0].key }).isSuperset(of: ["ucdp-ged:900001", "ucdp-ged:900002"]))
        let sinjar = try #require(back.first { $0.sources[0].key == "ucdp-ged:900002" })
        #expect(sinjar.datePrecision == .month && sinjar.incident.until == "2016-05-31")
        #expect(sinjar.sources[0].provenance.contains(#"\"fatalitiesHigh\":7"#))
        // Importing the same export again adds nothing; exporting the re-import gives UCDP's rows back unchanged.
        let again = try Self.importing(d, exported, .ucdpGED, file: "exported-again.csv")
        #expect(again.added == 0 && again.alreadyPresent == original.count)
        #expect(try d.incidents(for: .fileHolder("x")).count == before + original.count)
        let reexported = try d.exportIncidentsUCDP(for: .fileHolder("x"))
        let rows = { (t: String) in Set(t.split(separator: "\r\n").filter { $0.hasPrefix("9000") }) }
        #expect(rows(reexported) == rows(exported) && rows(exported).count == 2)
    }

    /// The real UCDP GED extract in ../shared/data: every row accounted for, and a re-import adds nothing.
    @Test func theSharedUCDPExtractImportsOnce() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/data/ucdp-ged-iraq.csv").standardized.path
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("\(path) is missing")
            return
        }
        let text = String(decoding: data, as: UTF8.self)
        let c = try exampleCommission()
        let report = try Self.importing(c, text, .ucdpGED, file: "ucdp-ged-iraq.csv")
        #expect(report.rows == 7473)
        #expect(report.added == 6237)
        #expect(report.unmapped.count == 1236)
        #expect(report.added + report.unmapped.count == report.rows)
        let again = try Self.importing(c, text, .ucdpGED, file: "ucdp-ged-iraq.csv")
        #expect(again.added == 0 && again.alreadyPresent == 6237)
    }
}
