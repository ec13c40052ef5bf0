import Foundation
import IntiqalScenario
import Testing

/// Hostile and out-of-range input through the executable: exit status 1, nothing on stdout, a
/// message naming the file, the line and the field or limit, never a trap or a hang.
@Suite struct InputLimitsCLITests {
    typealias CLI = CLITests

    /// The repro of issue 9: `sed 's/headcount: 150, nation: USA}/headcount: 4611686018427387904, nation: USA}/'`.
    @Test func headcountOfTwoToTheSixtySecondExitsOneNamingFileLineAndField() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try #require(ScenarioLoader.bundledText("iraq-2024"))
            .replacingOccurrences(of: "headcount: 150, nation: USA}", with: "headcount: 4611686018427387904, nation: USA}")
        let path = try CLI.write(text, to: "hc.yaml", in: dir)
        let r = try CLI.run(["plan", path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let line = CLI.line(of: "aaa-anbar-air", in: text)
        #expect(r.stderr.contains("\(path):\(line):"), "\(r.stderr)")
        #expect(r.stderr.contains("sites[0].teams[0].headcount: must be at most 100000 (got 4611686018427387904), range 1–100000"), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test func yearOutOfRangeExitsOneSayingSo() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try CLI.edited("deadline: 2026-09", "deadline: 9999-12")
        let path = try CLI.write(text, to: "year.yaml", in: dir)
        let r = try CLI.run(["plan", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):\(CLI.line(of: "deadline: 9999-12", in: text)):"), "\(r.stderr)")
        #expect(r.stderr.contains("phases[1].deadline: year 9999 of '9999-12' is out of range 1900–2200"), "\(r.stderr)")
    }

    /// 3,000 commitments, all the alias of one with a 3,000-alias history: ran 55 s and 525 MB.
    @Test func aliasBombExitsOneNamingTheLimit() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try #require(ScenarioLoader.bundledText("iraq-2024"))
        let history = "[&s {month: 2024-10, status: 1}" + String(repeating: ", *s", count: 2_999) + "]"
        let bomb = "[&c {id: c1, parties: [IRQ], text: t, source: s, history: \(history)}" + String(repeating: ", *c", count: 2_999) + "]"
        let text = base.replacingOccurrences(of: "\ncommitments:", with: "\nold-commitments:") + "\ncommitments: \(bomb)\n"
        let path = try CLI.write(text, to: "bomb.yaml", in: dir)
        let r = try CLI.run(["plan", path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(path):\(CLI.line(of: "\ncommitments: [", in: text) + 1):"), "\(r.stderr)")
        #expect(r.stderr.contains("InputLimits.yamlAliasNodes"), "\(r.stderr)")
    }

    @Test func scenarioOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("huge.yaml")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 300 * 1024 * 1024)   // sparse: nothing is written
        try handle.close()
        let r = try CLI.run(["plan", url.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(url.path): error: the file is \(300 * 1024 * 1024) bytes; at most"), "\(r.stderr)")
        #expect(r.stderr.contains("InputLimits.fileBytes"), "\(r.stderr)")
    }

    @Test func fitIncidentsReadsCRLFAndAByteOrderMark() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try CLI.write("\u{FEFF}date,region,count\r\n2024-01-03,anbar,2\r\n2024-01-09,anbar,1\r\n2024-02-03,anbar,4\r\n",
                                to: "crlf.csv", in: dir)
        let r = try CLI.run(["fit-incidents", csv])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("anbar"), "\(r.stdout)")
    }

    @Test func fitIncidentsRefusesACountOverTheRangeNamingTheLine() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try CLI.write("date,region,count\n2024-01-03,anbar,9223372036854775807\n", to: "big.csv", in: dir)
        let r = try CLI.run(["fit-incidents", csv])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(csv), line 2, field 'count'"), "\(r.stderr)")
    }
}

extension InputLimitsCLITests {
    @Test func fitIncidentsRefusesACSVOverTheSizeLimitBeforeReadingIt() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("huge.csv")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 300 * 1024 * 1024)
        try handle.close()
        let r = try CLI.run(["fit-incidents", url.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(url.path): the file is \(300 * 1024 * 1024) bytes; at most"), "\(r.stderr)")
    }
}
