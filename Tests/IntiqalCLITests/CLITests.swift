import Foundation
import IntiqalScenario
import Testing

/// The `intiqal` executable as users and other tools run it: output formats, exit status, and
/// messages that name the file, line and field (DESIGN §8).
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built `intiqal`, next to the test bundle (`.build/<triple>/debug`).
    static let executable: URL? = {
        var candidates: [URL] = []
        for base in [Bundle.main.bundleURL, Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])].compactMap({ $0 }) {
            var dir = base.deletingLastPathComponent()
            for _ in 0..<3 {
                candidates.append(dir.appendingPathComponent("intiqal"))
                dir = dir.deletingLastPathComponent()
            }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/intiqal"))
        return candidates.first { url in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && !isDir.boolValue
                && FileManager.default.isExecutableFile(atPath: url.path)
        }
    }()

    /// Runs `intiqal` with `arguments`, capturing stdout and stderr through files (no pipe can fill up). The
    /// environment is this process's without `INTIQAL_LANG`, plus `environment`.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let executable = try #require(executable, "the intiqal executable was not found next to the test bundle; build with `swift build --build-tests`")
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "INTIQAL_LANG" }.merging(environment) { $1 }
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("intiqal-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func edited(_ old: String, _ new: String) throws -> String {
        let text = try #require(ScenarioLoader.bundledText("iraq-2024"))
        try #require(text.components(separatedBy: old).count == 2, "'\(old)' must occur once")
        return text.replacingOccurrences(of: old, with: new)
    }

    static func line(of needle: String, in text: String) -> Int {
        guard let range = text.range(of: needle) else { return -1 }
        return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    // MARK: - plan

    @Test func planWithoutArgumentsPrintsTheIraqTable() throws {
        let r = try Self.run(["plan"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Transition plan: US–Iraq Higher Military Commission, 2024 — conditions-first"))
        #expect(r.stdout.contains("Period: 2024-10 → 2027-09"))
        #expect(r.stdout.contains("✓ verified"))
        #expect(r.stdout.contains("Phase 1: federal Iraq"))
        #expect(r.stdout.contains("Ain al-Asad air base"))
        #expect(r.stdout.contains("gate air-cover/anbar"))
    }

    @Test func planJSONHasTheContractsKeys() throws {
        let r = try Self.run(["plan", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(root["scenario"] as? String == "iraq-2024")
        #expect(root["mode"] as? String == "conditions")
        let phases = try #require(root["phases"] as? [[String: Any]])
        #expect(phases.count == 2)
        for key in ["id", "name", "deadline", "completes", "slackMonths"] {
            #expect(phases.allSatisfy { $0[key] != nil }, "phases lack \(key)")
        }
        #expect(phases[0]["id"] as? String == "federal-iraq")
        #expect(phases[0]["deadline"] as? String == "2025-09")
        let handovers = try #require(root["handovers"] as? [[String: Any]])
        #expect(!handovers.isEmpty)
        for handover in handovers {
            for key in ["region", "capability", "month", "gate"] { #expect(handover[key] != nil, "handover lacks \(key)") }
            let gate = try #require(handover["gate"] as? [String: Any])
            for key in ["met", "capability", "requirement", "threat", "trend", "heldMonths"] {
                #expect(gate[key] != nil, "gate lacks \(key)")
            }
            #expect(gate["met"] as? Bool == true)
        }
        let sites = try #require(root["sites"] as? [[String: Any]])
        #expect(sites.map { $0["id"] as? String } == ["ain-al-asad", "victory", "harir"])
        for site in sites {
            #expect(site["closes"] != nil)
            let counts = try #require(site["headcount"] as? [[String: Any]])
            #expect(counts.count == 36)
            #expect(counts.allSatisfy { $0["month"] is String && $0["personnel"] is Int })
        }
        #expect(root["riskDebt"] is [Any])
        let verification = try #require(root["verification"] as? [String: Any])
        #expect(verification["ok"] as? Bool == true)
        #expect((verification["violations"] as? [Any])?.isEmpty == true)
    }

    @Test func planDeadlineModeMeetsTheDeadlines() throws {
        let r = try Self.run(["plan", "--mode", "deadlines", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(root["mode"] as? String == "deadlines")
        let phases = try #require(root["phases"] as? [[String: Any]])
        #expect(phases.allSatisfy { $0["meetsDeadline"] as? Bool == true })
        #expect((root["riskDebt"] as? [Any])?.isEmpty == false)

        let table = try Self.run(["plan", "--mode", "deadlines"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("deadline-first"))
    }

    @Test func planHTMLInArabicIsRightToLeftAndSelfContained() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plan.html")
        let r = try Self.run(["plan", "--format", "html", "--lang", "ar", "--out", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("dir=\"rtl\""))
        #expect(html.contains("<svg"))
        #expect(html.contains("اللجنة العسكرية العليا"))
        // Self-contained: nothing is fetched. (An SVG namespace name is an identifier, not a reference.)
        let fetched = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!fetched.contains("http://"))
        #expect(!fetched.contains("https://"))
        #expect(!html.contains("<script src"))
        #expect(!html.contains("<link"))
    }

    @Test func planTableInArabicNamesThingsInArabic() throws {
        let r = try Self.run(["plan", "--lang", "ar"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("خطة الانتقال"))
        #expect(r.stdout.contains("المرحلة الأولى: العراق الاتحادي"))
        #expect(r.stdout.contains("قاعدة عين الأسد"))
    }

    @Test func planOfTheContestedExampleByName() throws {
        let r = try Self.run(["plan", "contested-2025", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"scenario\" : \"contested-2025\""))
    }

    struct BadScenario: Sendable, CustomTestStringConvertible {
        var name: String
        var old: String
        var new: String
        /// Text on the line the error is reported on.
        var lineOf: String
        var field: String
        var message: String
        var testDescription: String { name }
    }

    static let badScenarios: [BadScenario] = [
        .init(name: "unknown region", old: "{id: aaa-anbar-air, region: anbar,", new: "{id: aaa-anbar-air, region: anbr,",
              lineOf: "aaa-anbar-air", field: "sites[0].teams[0].region", message: "unknown region 'anbr' (did you mean 'anbar'?)"),
        .init(name: "negative headcount", old: "capability: isr, headcount: 120,", new: "capability: isr, headcount: -120,",
              lineOf: "aaa-anbar-isr", field: "sites[0].teams[1].headcount", message: "must be positive (got -120)"),
        .init(name: "bad month", old: "deadline: 2026-09", new: "deadline: Sep 2026",
              lineOf: "deadline: Sep 2026", field: "phases[1].deadline", message: "expected a month as YYYY-MM, got 'Sep 2026'"),
        .init(name: "unknown field", old: "    minimumGarrison: 200\n", new: "    minimumGarrisson: 200\n",
              lineOf: "minimumGarrisson", field: "sites[1].minimumGarrisson", message: "did you mean 'minimumGarrison'?"),
        .init(name: "phase cycle", old: "    deadline: 2025-09\n", new: "    deadline: 2025-09\n    after: [kurdistan-syria]\n",
              lineOf: "after: [kurdistan-syria]", field: "phases[0].after", message: "cycle in phase order"),
    ]

    @Test(arguments: badScenarios)
    func badScenarioExitsOneNamingFileLineAndField(_ bad: BadScenario) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try Self.edited(bad.old, bad.new)
        let path = try Self.write(text, to: "bad.yaml", in: dir)
        let out = dir.appendingPathComponent("plan.json")
        let r = try Self.run(["plan", path, "--format", "json", "--out", out.path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let line = Self.line(of: bad.lineOf, in: text)
        #expect(r.stderr.contains("\(path):\(line):"), "\(r.stderr)")
        #expect(r.stderr.contains("\(bad.field): "), "\(r.stderr)")
        #expect(r.stderr.contains(bad.message), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: out.path), "a failed plan left \(out.path) behind")
    }

    @Test func invalidYAMLAndNonUTF8ExitOneNamingTheFile() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = try Self.write("id: x\nname: [broken\n", to: "broken.yaml", in: dir)
        let r = try Self.run(["plan", yaml])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(yaml):"))
        #expect(r.stderr.contains("not valid YAML or JSON"))

        let bytes = dir.appendingPathComponent("latin1.yaml")
        try Data([0x69, 0x64, 0x3A, 0x20, 0xE9, 0x0A]).write(to: bytes)
        let u = try Self.run(["plan", bytes.path])
        #expect(u.status == 1)
        #expect(u.stderr.contains("\(bytes.path):1: error: not valid UTF-8"), "\(u.stderr)")

        let empty = try Self.write("", to: "empty.yaml", in: dir)
        let e = try Self.run(["plan", empty])
        #expect(e.status == 1)
        #expect(e.stderr.contains("\(empty):1: error: the file is empty"), "\(e.stderr)")
    }

    @Test func missingScenarioFileExitsOneNamingIt() throws {
        let r = try Self.run(["plan", "/nonexistent/intiqal/scenario.yaml"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("/nonexistent/intiqal/scenario.yaml: error: no such file"), "\(r.stderr)")
    }

    @Test(arguments: [["plan", "--mode", "soon"], ["plan", "--format", "pdf"], ["plan", "--lang", "fr"]])
    func badFlagValuesExitOneWithAMessage(_ arguments: [String]) throws {
        let r = try Self.run(arguments)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("'\(arguments[2])' is invalid for '\(arguments[1])"), "\(r.stderr)")
    }

    @Test func outIntoAMissingDirectoryExitsOneAndLeavesNothing() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("no-such-dir")
        let target = missing.appendingPathComponent("plan.html").path
        let r = try Self.run(["plan", "--format", "html", "--out", target])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(target): cannot write"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    // MARK: - verify-plan

    @Test func verifyPlanAcceptsASavedPlanAndRejectsATamperedOne() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let saved = dir.appendingPathComponent("plan.json")
        let planned = try Self.run(["plan", "--mode", "deadlines", "--format", "json", "--out", saved.path])
        #expect(planned.status == 0, "\(planned.stderr)")

        let ok = try Self.run(["verify-plan", saved.path])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("\(saved.path): ok (deadlines plan of iraq-2024,"), "\(ok.stdout)")

        var root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: saved)) as? [String: Any])
        var sites = try #require(root["sites"] as? [[String: Any]])
        var counts = try #require(sites[1]["headcount"] as? [[String: Any]])
        counts[2]["personnel"] = ((counts[2]["personnel"] as? Int) ?? 0) + 25
        sites[1]["headcount"] = counts
        root["sites"] = sites
        let tampered = dir.appendingPathComponent("tampered.json")
        try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys]).write(to: tampered)
        let bad = try Self.run(["verify-plan", tampered.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("\(tampered.path): 1 violation:"), "\(bad.stderr)")
        #expect(bad.stderr.contains("site victory: reported headcount differs from the moves"), "\(bad.stderr)")
    }

    @Test func verifyPlanNamesAMovedDeparture() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let saved = dir.appendingPathComponent("plan.json")
        #expect(try Self.run(["plan", "--format", "json", "--out", saved.path]).status == 0)
        var root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: saved)) as? [String: Any])
        var moves = try #require(root["moves"] as? [[String: Any]])
        let i = try #require(moves.firstIndex { $0["team"] as? String == "aaa-anbar-air" })
        moves[i]["month"] = "2025-01"
        root["moves"] = moves
        try JSONSerialization.data(withJSONObject: root).write(to: saved)
        let r = try Self.run(["verify-plan", saved.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("depart aaa-anbar-air in 2025-01: gate air-cover/anbar has not held 3 months"), "\(r.stderr)")
    }

    @Test func verifyPlanOfANonJSONFileExitsOneNamingIt() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.write("this is not a plan\n", to: "notes.txt", in: dir)
        let r = try Self.run(["verify-plan", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path): not valid JSON"), "\(r.stderr)")

        let partial = try Self.write("{\"scenario\": \"iraq-2024\"}", to: "partial.json", in: dir)
        let p = try Self.run(["verify-plan", partial])
        #expect(p.status == 1)
        #expect(p.stderr.contains("\(partial): missing field"), "\(p.stderr)")

        let missing = try Self.run(["verify-plan", dir.appendingPathComponent("gone.json").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("gone.json: no such file"), "\(missing.stderr)")
    }

    // MARK: - extract

    @Test func extractPrintsOneJSONObjectPerDocumentPerLine() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.write("On 3 March 2031, the joint commission met in Baghdad. Two drones attacked a base in Anbar on 5 March 2031.\n",
                               to: "a.txt", in: dir)
        let b = try Self.write("Officials said 40 advisers left Erbil in April 2031.\n", to: "b.txt", in: dir)
        let r = try Self.run(["extract", a, b, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let docs = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let events = try #require(docs[0]["events"] as? [[String: Any]])
        #expect(events.map { $0["type"] as? String } == ["meeting", "attack"])
        #expect(events.map { $0["date"] as? String } == ["2031-03-03", "2031-03-05"])
        #expect(events.map { $0["place"] as? String } == ["Baghdad", "Anbar"])
        #expect(events.allSatisfy { $0["actors"] is [Any] })
        let evidence = try #require(events.first?["evidence"] as? [String: Any])
        #expect(evidence["sentence"] as? String == "On 3 March 2031, the joint commission met in Baghdad.")
        #expect(evidence["start"] as? Int == 0)
        let numbers = try #require(docs[1]["numbers"] as? [[String: Any]])
        #expect(numbers.first?["value"] as? Int == 40)
        #expect(numbers.first?["unit"] as? String == "advisers")
        #expect(numbers.first?["evidence"] is [String: Any])
        #expect((docs[1]["events"] as? [[String: Any]])?.first?["date"] as? String == "2031-04")
    }

    @Test func extractOfAMissingFileExitsOneNamingIt() throws {
        let r = try Self.run(["extract", "/nonexistent/report.txt", "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("/nonexistent/report.txt: no such file"), "\(r.stderr)")
    }

    @Test func extractOfInvalidUTF8DoesNotCrash() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mixed.txt")
        var data = Data("Advisers left Baghdad in May 2031. ".utf8)
        data.append(contentsOf: [0xFF, 0xC3, 0x28, 0xE2, 0x82])
        data.append(Data(" The end.\n".utf8))
        try data.write(to: file)
        let r = try Self.run(["extract", file.path, "--format", "json"])
        #expect(r.status == 0 || r.status == 1, "crashed with status \(r.status): \(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
        if r.status == 0 {
            let line = try #require(r.stdout.split(separator: "\n").first)
            let doc = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(doc?["document"] as? String == file.path)
            #expect(r.stderr.contains("invalid UTF-8"))
        } else {
            #expect(r.stderr.contains(file.path))
        }
    }

    // MARK: - fit-incidents

    @Test func fitIncidentsOfABadCSVExitsOneNamingTheLine() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try Self.write("date,region,count\n2024-01-05,anbar,2\n2024-02-30,anbar,1\n", to: "incidents.csv", in: dir)
        let r = try Self.run(["fit-incidents", csv])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(csv), line 3"), "\(r.stderr)")
        #expect(r.stderr.contains("'2024-02-30'"), "\(r.stderr)")

        let missing = try Self.run(["fit-incidents", dir.appendingPathComponent("none.csv").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("none.csv: no such file"))
    }
}
