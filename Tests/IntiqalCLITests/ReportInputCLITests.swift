import Foundation
import Testing

/// `intiqal extract` and `intiqal ingest` over many reports: directories walked in order with
/// non-text files skipped and named, lists of paths on standard input, and all-or-nothing output
/// when a named file is bad.
@Suite struct ReportInputCLITests {
    /// Runs `intiqal` with `stdin` as its standard input.
    static func run(_ arguments: [String], stdin: String = "", in directory: URL? = nil) throws -> CLITests.Run {
        let executable = try #require(CLITests.executable, "build with `swift build --build-tests`")
        let scratch = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("stdin"), out = scratch.appendingPathComponent("stdout"),
            err = scratch.appendingPathComponent("stderr")
        try Data(stdin.utf8).write(to: input)
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let inHandle = try FileHandle(forReadingFrom: input)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = inHandle
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let directory { process.currentDirectoryURL = directory }
        try process.run()
        process.waitUntilExit()
        try inHandle.close(); try outHandle.close(); try errHandle.close()
        return CLITests.Run(status: process.terminationStatus,
                            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    static let report = "أعلن وزير الدفاع يوم الأحد 12/3/2025 أن اللجنة العسكرية العليا عقدت اجتماعها في بغداد.\n"
    static let englishReport = "The two sides agreed on January 27, 2024 to form working groups in Baghdad.\n"

    /// A folder of reports with things a walk must skip: a binary file, a UTF-16 file, a hidden file.
    static func folder() throws -> URL {
        let dir = try CLITests.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        _ = try CLITests.write(report, to: "b.txt", in: dir)
        _ = try CLITests.write(englishReport, to: "a.txt", in: dir)
        _ = try CLITests.write(report, to: "sub/c.md", in: dir)
        _ = try CLITests.write(report, to: ".hidden.txt", in: dir)
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]).write(to: dir.appendingPathComponent("tool.bin"))
        try Data([0xFF, 0xFE, 0x27, 0x06, 0x44, 0x06]).write(to: dir.appendingPathComponent("utf16.txt"))
        return dir
    }

    static func documents(_ stdout: String) throws -> [String] {
        try stdout.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object?["document"] as? String)
        }
    }

    @Test func extractReadsADirectoryInPathOrderAndNamesWhatItSkips() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["extract", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.documents(r.stdout) == ["a.txt", "b.txt", "sub/c.md"].map { dir.path + "/" + $0 })
        #expect(r.stderr.contains("skipped \(dir.path)/tool.bin: not a text file (NUL byte at offset 4)"))
        #expect(r.stderr.contains("skipped \(dir.path)/utf16.txt: UTF-16LE text"))
        #expect(!r.stderr.contains(".hidden"))
    }

    @Test func extractReadsAListOfPathsFromStandardInput() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["extract", "--files-from", "-"], stdin: "b.txt\r\n\nsub/c.md\na.txt\n", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.documents(r.stdout) == ["b.txt", "sub/c.md", "a.txt"])
        let dash = try Self.run(["extract", "-"], stdin: "a.txt\n", in: dir)
        #expect(dash.status == 1)
        #expect(dash.stderr.contains("use --files-from -"))
        let listed = try CLITests.write("a.txt\n", to: "list", in: dir)
        let l = try Self.run(["extract", "b.txt", "--files-from", listed], in: dir)
        #expect(try Self.documents(l.stdout) == ["b.txt", "a.txt"])
    }

    @Test func aMissingFileAmongGoodOnesExitsOneNamingItAndWritesNothing() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["extract", "a.txt", "missing.txt", "b.txt"], ["extract", "a.txt", "--files-from", "-"]] {
            let r = try Self.run(arguments, stdin: "b.txt\nmissing.txt\n", in: dir)
            #expect(r.status == 1)
            #expect(r.stderr.contains("missing.txt: no such file"), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func manyPathsAsArgumentsKeepTheirOrderAndTheOptionsBetweenThem() throws {
        // Past 64 paths the command line is split before ArgumentParser (whose array arguments are quadratic).
        let dir = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = (0..<80).map { String(format: "r%02d.txt", 79 - $0) }
        for name in names { _ = try CLITests.write(Self.report, to: name, in: dir) }
        let r = try Self.run(["extract", "--format", "json"] + names[..<40] + ["--published", "2025-03-14", "--"] + names[40...],
                             in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.documents(r.stdout) == names)
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.contains("\"publishedSource\":\"given\"") })
        var withMissing = names
        withMissing.insert("missing.txt", at: 50)
        let bad = try Self.run(["extract"] + withMissing, in: dir)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("missing.txt: no such file"))
        #expect(bad.stdout.isEmpty)
        let wrong = try Self.run(["extract", "--format", "yaml"] + names, in: dir)
        #expect(wrong.status == 1)
        #expect(wrong.stdout.isEmpty)
    }

    @Test func aNamedUTF16FileExitsOneNamingTheEncoding() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["extract", "a.txt", "utf16.txt"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("utf16.txt: UTF-16LE text (byte order mark FF FE)"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func aDirectoryWithoutReportsExitsOne() throws {
        let dir = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["extract", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no reports to read"))
        let none = try Self.run(["extract"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("--files-from"))
    }

    @Test func ingestReadsADirectoryAndAListLikeExtract() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let workspace = dir.appendingPathComponent("w.intiqal").path
        let initRun = try Self.run(["init", workspace, "--example", "iraq-2024"], in: dir)
        try #require(initRun.status == 0, "\(initRun.stderr)")
        // Only the reports: the workspace itself is not in the folder walked.
        let reports = dir.appendingPathComponent("sub").path
        let r = try Self.run(["ingest", reports, "--files-from", "-", "--workspace", workspace], stdin: "a.txt\n", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("ingested 2 documents"))
        let bad = try Self.run(["ingest", "a.txt", "missing.txt", "--workspace", workspace], in: dir)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("missing.txt: no such file"))
    }
}
