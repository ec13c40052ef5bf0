import Foundation
import Testing

/// `intiqal backtest` through the built executable, on a small UCDP-layout fixture written here.
@Suite struct BacktestCLITests {
    /// Three governorates over 2009–2012 in UCDP GED's layout: Ninewa busy and rising, Anbar
    /// with a burst, one row without adm_1 at country level (unplaced).
    static func fixture() throws -> URL {
        var lines = ["id,year,where_prec,adm_1,latitude,longitude,date_start,date_end"]
        var id = 0
        for m in 0..<48 {
            let year = 2009 + m / 12, month = m % 12 + 1
            let date = String(format: "%04d-%02d", year, month)
            for d in 0..<(3 + m / 6) { id += 1; lines.append("\(id),\(year),1,Nīnawá province,36.3,43.1,\(date)-\(String(format: "%02d", d % 28 + 1)),x") }
            for d in 0..<((20...26).contains(m) ? 8 : m % 3) { id += 1; lines.append("\(id),\(year),1,Al Anbār province,33.4,43.3,\(date)-\(String(format: "%02d", d + 1)),x") }
        }
        lines.append("\(id + 1),2011,6,,33.0,44.0,2011-05-05,x")
        let url = try CLITests.temporaryDirectory().appendingPathComponent("ged.csv")
        try lines.joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func jsonHasScoresForEveryHorizonAndMethod() throws {
        let file = try Self.fixture()
        let run = try CLITests.run(["backtest", file.path, "--from", "2011-01", "--to", "2012-12", "--window", "12", "--level", "3",
                                    "--runs", "50", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let horizons = try #require(object["horizons"] as? [[String: Any]])
        #expect(horizons.compactMap { $0["horizon"] as? Int } == [1, 3, 12])
        let regionMonth = try #require(horizons[1]["regionMonth"] as? [[String: Any]])
        #expect(regionMonth.compactMap { $0["method"] as? String } == ["hawkes", "noChange", "climatology", "poissonTrend"])
        #expect((object["regions"] as? [String])?.count == 18)
        #expect((object["notes"] as? [String])?.contains { $0.contains("1 unplaced") } == true)
    }

    @Test func htmlInArabicAndTheTable() throws {
        let file = try Self.fixture()
        let dir = try CLITests.temporaryDirectory()
        let page = dir.appendingPathComponent("b.html")
        let run = try CLITests.run(["backtest", file.path, "--from", "2011-01", "--window", "12", "--level", "3", "--runs", "50",
                                    "--format", "html", "--lang", "ar", "--out", page.path])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("dir=\"rtl\"") && html.contains("<svg"))
        let table = try CLITests.run(["backtest", file.path, "--from", "2011-01", "--window", "12", "--level", "3", "--runs", "50"])
        #expect(table.status == 0 && table.stdout.contains("Reliability"))
    }

    @Test func backtestsAWorkspacesIncidents() throws {
        let dir = try CLITests.temporaryDirectory()
        let workspace = dir.appendingPathComponent("w.intiqal").path
        let created = try CLITests.run(["init", workspace, "--example", "iraq-2024"])
        #expect(created.status == 0, "\(created.stderr)")
        // The example's illustrative incidents run from 2023-10 to 2024-02.
        let run = try CLITests.run(["backtest", "--workspace", workspace, "--from", "2023-11", "--to", "2024-02", "--window", "3",
                                    "--level", "1", "--threshold", "8", "--runs", "50", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["months"] as? [String]) == ["2023-11", "2023-12", "2024-01", "2024-02"])
        #expect((object["regions"] as? [String])?.contains("syria-border") == true)
    }

    @Test(arguments: [["backtest"], ["backtest", "x.csv", "--runs", "0"], ["backtest", "x.csv", "--from", "2012"],
                      ["backtest", "x.csv", "--window", "6", "--level", "6"], ["backtest", "/nonexistent/ged.csv"]])
    func badInputExitsOneWithAMessage(_ args: [String]) throws {
        let run = try CLITests.run(args)
        #expect(run.status == 1, "got \(run.status): \(run.stderr)")
        #expect(!run.stderr.isEmpty)
    }
}
