import Foundation
import Testing

/// `intiqal risk` and the risk section of `intiqal plan`, through the built executable.
@Suite struct RiskCLITests {
    @Test func riskJSONHasTheContractKeysAndIsReproducibleForASeed() throws {
        let args = ["risk", "--runs", "300", "--seed", "7", "--format", "json"]
        let first = try CLITests.run(args)
        #expect(first.status == 0, "\(first.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["runs"] as? Int == 300)
        #expect(object["seed"] as? Int == 7)
        let p = try #require(object["pResurgence"] as? Double)
        let ci = try #require(object["ci95"] as? [Double])
        #expect(ci.count == 2 && ci[0] <= p && p <= ci[1])
        let regions = try #require(object["byRegion"] as? [[String: Any]])
        #expect(Set(regions.compactMap { $0["region"] as? String }) ==
                ["anbar", "baghdad", "diyala", "salah-al-din", "ninewa", "erbil", "syria-border"])
        #expect(regions.allSatisfy { $0["pResurgence"] is Double && $0["expectedIncidents"] is Double })
        let baseline = try #require(object["baseline"] as? [String: Any])
        #expect(baseline["pResurgence"] is Double && (baseline["ci95"] as? [Double])?.count == 2)
        let notes = try #require(object["notes"] as? [String]), notesAr = try #require(object["notesAr"] as? [String])
        #expect(!notes.isEmpty && notes.count == notesAr.count)
        let other = try #require(object["otherMode"] as? [String: Any])
        #expect(other["mode"] as? String == "deadlines")
        #expect(object["illustrative"] as? Bool == true)
        let again = try CLITests.run(args)
        #expect(again.stdout == first.stdout)
    }

    @Test func riskTableSaysTheDataAreIllustrative() throws {
        let run = try CLITests.run(["risk", "--runs", "200", "--mode", "deadlines"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("deadline-first plan"))
        #expect(run.stdout.contains("no change (no drawdown)"))
        #expect(run.stdout.contains("Illustrative"))
        // In Arabic: the labels, the regions' names and every note.
        let ar = try CLITests.run(["risk", "--runs", "200", "--lang", "ar"])
        #expect(ar.status == 0, "\(ar.stderr)")
        for word in ["خطر عودة التنظيم", "خطة الشروط أولاً", "خطة المواعيد أولاً", "دون تغيير", "الأنبار", "توضيحي", "مفترض"] {
            #expect(ar.stdout.contains(word), "missing \(word) in:\n\(ar.stdout)")
        }
        #expect(!ar.stdout.contains("is assumed") && !ar.stdout.contains("By region"), "\(ar.stdout)")
    }

    @Test(arguments: [["risk", "--runs", "0"], ["risk", "--threshold", "0"], ["risk", "--consecutive", "-1"]])
    func badRiskFlagsExitNonZero(_ args: [String]) throws {
        let run = try CLITests.run(args)
        #expect(run.status == 1, "bad input exits 1 (DESIGN §8), got \(run.status)")
        #expect(run.stderr.contains("--runs") || run.stderr.contains("--threshold") || run.stderr.contains("--consecutive"))
    }

    @Test(arguments: [["risk", "--mode", "sideways"], ["risk", "--runs", "many"], ["plan", "--no-such-flag"], ["no-such-command"]])
    func unparseableCommandLinesExitOne(_ args: [String]) throws {
        let run = try CLITests.run(args)
        #expect(run.status == 1, "\(args): exit \(run.status)")
        #expect((run.stderr.contains("Error") || run.stderr.contains("unknown command '\(args[0])'")) && run.stdout.isEmpty, "\(run.stderr)")
    }

    @Test func helpExitsZero() throws {
        let run = try CLITests.run(["risk", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("--runs") && run.stdout.contains("--mode"))
    }

    @Test func planShowsTheRiskOfBothModesSideBySide() throws {
        let run = try CLITests.run(["plan", "--risk-runs", "200", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let risk = try #require(object["risk"] as? [String: Any])
        let rows = try #require(risk["rows"] as? [[String: Any]])
        #expect(rows.compactMap { $0["plan"] as? String } == ["conditions", "deadlines", "baseline"])
        let table = try CLITests.run(["plan", "--risk-runs", "200"])
        #expect(table.stdout.contains("Risk of resurgence"))
        let none = try CLITests.run(["plan", "--risk-runs", "0", "--format", "json"])
        #expect(!none.stdout.contains("\"risk\""))
    }

    @Test func longRunsShowProgressAtATerminalOnly() throws {
        // Under a pseudo-terminal (util-linux `script`), a long run draws a progress bar on
        // stderr up to the last run; into a pipe it prints nothing but the report.
        let executable = try #require(CLITests.executable)
        let script = URL(fileURLWithPath: "/usr/bin/script")
        try #require(FileManager.default.isExecutableFile(atPath: script.path), "util-linux script(1) is needed for a pseudo-terminal")
        let dir = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("risk.json")
        func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = [executable.path, "risk", "--runs", "30000", "--format", "json", "--out", report.path].map(quoted).joined(separator: " ")
        let terminal = dir.appendingPathComponent("terminal")
        FileManager.default.createFile(atPath: terminal.path, contents: nil)
        let handle = try FileHandle(forWritingTo: terminal)
        let process = Process()
        process.executableURL = script
        process.arguments = ["-qec", command, "/dev/null"]
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0)
        let shown = String(decoding: try Data(contentsOf: terminal), as: UTF8.self)
        #expect(shown.contains("1000/30000") && shown.contains("[" + String(repeating: "#", count: 30) + "] 30000/30000"), "\(shown.prefix(300))")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        #expect(object?["runs"] as? Int == 30_000)
        let piped = try CLITests.run(["risk", "--runs", "30000", "--format", "json"])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr.prefix(200))")
    }
}
