import Foundation
import Testing

/// Diagnostics in the user's language: `INTIQAL_LANG=ar` for every command, `--lang` where a command has it (it wins).
@Suite struct LanguageCLITests {
    static let arabic = ["INTIQAL_LANG": "ar"]

    static func badScenario(in dir: URL) throws -> String {
        try CLITests.write(try CLITests.edited("    minimumGarrison: 200\n", "    minimumGarrison: -5\n"), to: "bad.yaml", in: dir)
    }

    static func hasArabic(_ text: String) -> Bool { text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }

    @Test func scenarioDiagnosticsFollowINTIQAL_LANGAndLangWins() throws {
        let dir = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.badScenario(in: dir)
        let english = try CLITests.run(["plan", path])
        #expect(english.status == 1 && english.stderr.contains("intiqal: scenario has 3 errors:") && !Self.hasArabic(english.stderr), "\(english.stderr)")
        let arabic = try CLITests.run(["plan", path], environment: Self.arabic)
        #expect(arabic.status == 1 && arabic.stderr.contains("intiqal: في السيناريو 3 أخطاء:"), "\(arabic.stderr)")
        #expect(arabic.stderr.contains("\(path):"), "the location stays: \(arabic.stderr)")
        #expect(arabic.stderr.contains("error: sites[1].minimumGarrison: القيمة -5"), "\(arabic.stderr)")
        // --lang overrides the environment, either way.
        let back = try CLITests.run(["plan", path, "--lang", "en"], environment: Self.arabic)
        #expect(back.status == 1 && back.stderr.contains("intiqal: scenario has 3 errors:") && !Self.hasArabic(back.stderr), "\(back.stderr)")
        let asked = try CLITests.run(["plan", path, "--lang", "ar"])
        #expect(asked.status == 1 && asked.stderr.contains("intiqal: في السيناريو 3 أخطاء:"), "\(asked.stderr)")
        // Another command on the same scenario follows the environment too.
        let risk = try CLITests.run(["risk", path, "--runs", "10"], environment: Self.arabic)
        #expect(risk.status == 1 && risk.stderr.contains("في السيناريو"), "\(risk.stderr)")
    }

    @Test func anUnknownLanguageIsRefusedNamingTheVariable() throws {
        let r = try CLITests.run(["plan"], environment: ["INTIQAL_LANG": "fr"])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr == "intiqal: INTIQAL_LANG: expected en or ar, got 'fr'\n", "\(r.stderr)")
        // A locale-style value names its language first.
        let locale = try CLITests.run(["plan", "--risk-runs", "0", "--format", "json"], environment: ["INTIQAL_LANG": "ar_IQ.UTF-8"])
        #expect(locale.status == 0, "\(locale.stderr)")
    }

    @Test func ratingsCSVDiagnosticsInArabicWithFileLineColumnAndCode() throws {
        let dir = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let workspace = dir.appendingPathComponent("w.intiqal").path
        #expect(try CLITests.run(["init", workspace, "--example", "iraq-2024"]).status == 0)
        let csv = try CLITests.write("party,group,region,capability,month,value\nNOPE,threat,anbar,,2025-01,2\nIRQ,threat,nowhere,,2025-13,2\n",
                                     to: "r.csv", in: dir)
        let english = try CLITests.run(["assess", "--workspace", workspace, "--csv", csv])
        #expect(english.status == 1)
        // Every problem of the file at once, each located.
        #expect(english.stderr.contains("\(csv):2:1: error: party: unknown party 'NOPE'"), "\(english.stderr)")
        #expect(english.stderr.contains("\(csv):3:3: error: region: unknown region 'nowhere'") || english.stderr.contains("\(csv):3:5: error: month"),
                "\(english.stderr)")
        #expect(english.stderr.contains("\(csv):3:5: error: month:"), "\(english.stderr)")
        let arabic = try CLITests.run(["assess", "--workspace", workspace, "--csv", csv], environment: Self.arabic)
        #expect(arabic.status == 1)
        #expect(arabic.stderr.contains("\(csv):2:1: error: party: طرف غير معروف 'NOPE'"), "\(arabic.stderr)")
        #expect(arabic.stderr.contains("\(csv):3:5: error: month: "), "\(arabic.stderr)")
        // Nothing was recorded.
        let status = try CLITests.run(["status", "--workspace", workspace, "--format", "json"])
        #expect(status.status == 0)
    }

    @Test func riskDataDiagnosticsAndReportWarningsInArabic() throws {
        let dir = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let incidents = try CLITests.write("date,region,count\n2024-13-01,anbar,2\n", to: "i.csv", in: dir)
        let en = try CLITests.run(["backtest", incidents])
        let ar = try CLITests.run(["backtest", incidents], environment: Self.arabic)
        #expect(en.status == 1 && ar.status == 1)
        #expect(en.stderr.contains("\(incidents)") && !Self.hasArabic(en.stderr), "\(en.stderr)")
        #expect(ar.stderr.contains("\(incidents)") && Self.hasArabic(ar.stderr), "\(ar.stderr)")
        // Invalid UTF-8 in a report: the warning in Arabic.
        let report = dir.appendingPathComponent("r.txt")
        try Data([0x61, 0x62, 0xFF, 0x20, 0x63, 0x0A]).write(to: report)
        let warned = try CLITests.run(["extract", report.path], environment: Self.arabic)
        #expect(warned.status == 0 && Self.hasArabic(warned.stderr) && warned.stderr.contains("warning"), "\(warned.stderr)")
    }
}
