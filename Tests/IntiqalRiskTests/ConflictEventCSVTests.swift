import Foundation
import IntiqalDomain
import Testing
@testable import IntiqalRisk

@Suite struct ConflictEventCSVTests {
    @Test func quotedReaderHandlesCommasDoubledQuotesLineBreaksCRLFAndBOM() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"he said \"\"no\"\"\"\r\n2,\"two\nlines\",z\r\n\r\n3,,\n"
        let records = try QuotedCSVReader.read(text, file: "t.csv")
        #expect(records.count == 4)
        #expect(records[0].fields == ["a", "b", "c"])
        #expect(records[1].fields == ["1", "x, y", "he said \"no\""])
        #expect(records[2].fields == ["2", "two\nlines", "z"])
        #expect(records[2].line == 3)
        #expect(records[3].line == 6 && records[3].fields == ["3", "", ""])
    }

    @Test func unterminatedQuoteNamesFileAndLine() {
        #expect {
            _ = try QuotedCSVReader.read("a,b\n1,\"open\n2,3\n", file: "bad.csv")
        } throws: { error in
            let e = error as? RiskError
            return e?.file == "bad.csv" && e?.line == 2 && e?.isCSVError == true
        }
    }

    /// UCDP GED's layout (a subset of its 45 columns, in its order), with its spellings.
    static let ucdp = """
    id,year,where_prec,adm_1,adm_2,latitude,longitude,country,date_prec,date_start,date_end,best\r
    1,2014,1,Nīnawá province,"Mosul district",36.34,43.13,Iraq,1,2014-06-10 00:00:00.000,2014-06-10 00:00:00.000,5\r
    2,2014,1,Nīnawá province,Mosul district,36.36,43.11,Iraq,1,2014-06-11,2014-06-11,2\r
    3,2014,1,Al Başrah  province,Basra district,30.5,47.8,Iraq,1,2014-07-01,2014-07-01,1\r
    4,2009,1,At-Ta'mim province,Kirkuk district,35.47,44.39,Iraq,1,2009-03-02,2009-03-02,1\r
    5,2016,1,Kirkūk province,"Kirkuk, district",35.46,44.38,Iraq,1,2016-03-02,2016-03-02,1\r
    6,2016,5,,,36.1,43.0,Iraq,1,2016-04-02,2016-04-02,1\r
    7,2016,6,,,33.0,44.0,Iraq,1,2016-04-03,2016-04-03,1\r
    8,2016,1,Maysān  province,,31.8,47.1,Iraq,1,2016-05-03,2016-05-03,1\r

    """

    @Test func readsUCDPLayoutJoiningSpellingsAndPlacingByCoordinates() throws {
        let result = try ConflictEventCSV.parse(Self.ucdp, file: "ged.csv")
        #expect(result.layout == "ucdp-ged")
        #expect(result.rows == 8)
        #expect(result.placedByName == 6)
        #expect(result.placedByCoordinates == ["ninewa": 1])
        #expect(result.unplaced == 1 && result.unplacedExamples == ["7"])
        #expect(result.incidents.count == 7)
        let regions = result.incidents.map(\.region)
        #expect(regions == ["ninewa", "ninewa", "basra", "kirkuk", "kirkuk", "ninewa", "maysan"])
        #expect(result.incidents[0].date == "2014-06-10")
        #expect(result.notes.first?.contains("1 unplaced") == true)
    }

    @Test func readsACLEDLayout() throws {
        let text = """
        event_id_cnty,event_date,year,event_type,admin1,admin2,latitude,longitude,fatalities
        IRQ1,15 January 2020,2020,Explosions/Remote violence,Ninewa,Mosul,36.34,43.13,0
        IRQ2,2020-01-16,2020,Battles,Salah al-Din,Tikrit,34.6,43.68,2
        IRQ3,3 Feb 2020,2020,Battles,Thi-Qar,Nassriya,31.05,46.26,0
        IRQ4,4 February 2020,2020,Battles,Missan,,31.8,47.1,0
        """
        let result = try ConflictEventCSV.parse(text, file: "acled.csv")
        #expect(result.layout == "acled")
        #expect(result.incidents.map(\.region) == ["ninewa", "salah-al-din", "dhi-qar", "maysan"])
        #expect(result.incidents.map(\.date) == ["2020-01-15", "2020-01-16", "2020-02-03", "2020-02-04"])
    }

    @Test func everyGovernorateSpellingOfUCDPIsKnown() {
        let names = ["Nīnawá province", "Baghdād province", "Al Anbār province", "Şalāḩ ad Dīn province", "Diyālá province",
                     "Kirkūk province", "Arbīl province", "Al Başrah  province", "Bābil province", "Dahūk province",
                     "As Sulaymānīyah province", "An Najaf province", "Karbalā’ province", "Maysān  province",
                     "Wāsiţ province", "Dhī Qār province", "At-Ta'mim province", "Al Qādisīyah province", "Al Muthanná province"]
        let ids = names.map { IraqGovernorate.named($0)?.id }
        #expect(!ids.contains(nil))
        #expect(Set(ids.compactMap { $0 }).count == 18)
        #expect(IraqGovernorate.named("") == nil)
        #expect(IraqGovernorate.named("Atlantis province") == nil)
    }

    @Test func badRowsNameFileLineAndField() {
        let badDate = "id,date_start,adm_1,latitude,longitude,where_prec\n1,2014-13-01,Nīnawá province,36,43,1\n"
        #expect { _ = try ConflictEventCSV.parse(badDate, file: "g.csv") } throws: { error in
            let e = error as? RiskError
            return e?.line == 2 && e?.field == "date_start" && e?.file == "g.csv"
        }
        let short = "id,date_start,adm_1,latitude,longitude,where_prec\n1,2014-01-01,Nīnawá province\n"
        #expect { _ = try ConflictEventCSV.parse(short, file: "g.csv") } throws: { error in
            (error as? RiskError)?.line == 2
        }
        let badLat = "id,date_start,adm_1,latitude,longitude,where_prec\n1,2014-01-01,,north,43,1\n"
        #expect { _ = try ConflictEventCSV.parse(badLat, file: "g.csv") } throws: { error in
            (error as? RiskError)?.field == "latitude"
        }
        #expect(throws: RiskError.self) { try ConflictEventCSV.parse("date,region\n2024-01-01,anbar\n", file: "x.csv") }
        #expect(throws: RiskError.self) { try ConflictEventCSV.parse("", file: "x.csv") }
    }

    @Test func randomTextNeverTraps() {
        var g = Xoshiro256StarStar(seed: 14)
        let alphabet = Array("ab,\"\n\r\u{FEFF}12-0 date_start,adm_1,latitude")
        for _ in 0..<300 {
            let n = Int(g.next() % 80)
            let text = String((0..<n).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] })
            do { _ = try ConflictEventCSV.parse("id,date_start,adm_1,latitude,longitude,where_prec\n" + text, file: "r.csv") } catch is RiskError {} catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
}
