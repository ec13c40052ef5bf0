import Foundation
import GRDB
import Testing
@testable import IntiqalStorage

/// Read commands open read-only: they never create, migrate or write a file, and refuse one
/// that is not a workspace (issue 9, item 5).
@Suite struct ReadOnlyTests {
    func digest(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func aReadOnlyStoreRefusesEveryWrite() throws {
        let path = TempDir().path("w.intiqal")
        try SQLiteWorkspaceStore.create(path: path, scenario: try example(), actor: "init")
        let before = try digest(path)
        let store = try SQLiteWorkspaceStore(path: path, readOnly: true)
        #expect(try store.scenario().id == "iraq-2024")
        #expect { try store.addUser(User(name: "a", party: "IRQ", role: .admin), actor: "x") } throws: { error in
            (error as? StorageError)?.isReadOnly == true
        }
        #expect(try digest(path) == before)
    }

    @Test func anEmptyFileIsNotAWorkspaceAndStaysEmpty() throws {
        let path = TempDir().path("e.txt")
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect { try SQLiteWorkspaceStore(path: path, readOnly: true) } throws: { error in
            "\(error)".contains("not an Intiqal workspace (the file is empty)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test func anSQLiteFileWithoutAWorkspaceIsRefusedUnchanged() throws {
        let path = TempDir().path("other.sqlite")
        let db = try DatabaseQueue(path: path)
        try db.write { try $0.execute(sql: "CREATE TABLE t (x)") }
        try db.close()
        let before = try digest(path)
        #expect { try SQLiteWorkspaceStore(path: path, readOnly: true) } throws: { error in
            "\(error)".contains("without a workspace's tables")
        }
        #expect(try digest(path) == before)
    }
}

@Suite(.enabled(if: intiqalExecutable != nil, "the intiqal executable is built next to the tests"))
struct ReadCommandTests {
    @Test func ledgerVerifyOnAnEmptyFileFailsAndLeavesItEmpty() throws {
        let path = TempDir().path("e.txt")
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let (status, out, err) = try intiqal("ledger", "verify", "--workspace", path)
        #expect(status == 1 && out.isEmpty && err.contains("e.txt") && err.contains("not an Intiqal workspace"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test func readCommandsLeaveTheWorkspaceFileAsItWas() throws {
        let path = TempDir().path("w.intiqal")
        #expect(try intiqal("init", path, "--example", "iraq-2024").0 == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for args in [["status", "--workspace", path], ["ledger", "verify", "--workspace", path], ["ledger", "list", "--workspace", path],
                     ["audit", "--workspace", path], ["users", "list", "--workspace", path], ["export", path],
                     ["plan", "--workspace", path, "--risk-runs", "0"]] {
            let (status, _, err) = try intiqal(args)
            #expect(status == 0, "\(args): \(err)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aMissingWorkspaceIsNotCreatedByAReadCommand() throws {
        let path = TempDir().path("nothing.intiqal")
        let (status, _, err) = try intiqal("status", "--workspace", path)
        #expect(status == 1 && err.contains("no such workspace"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

/// Runs the built `intiqal` to the end: (status, stdout, stderr).
func intiqal(_ args: [String]) throws -> (Int32, String, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: intiqalExecutable!)
    p.arguments = args
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// Errors that say what is wrong (issue 9, item 7), and decisions refused at the command line.
@Suite(.enabled(if: intiqalExecutable != nil, "the intiqal executable is built next to the tests"))
struct CLIMessageTests {
    @Test func negativeNumbersReachValidationAndAreNamed() throws {
        for (args, expected) in [(["risk", "--runs", "-1"], "--runs: -1 is outside"),
                                 (["risk", "--threshold", "-5"], "--threshold: -5 is outside"),
                                 (["risk", "--seed", "-1"], "'-1' is invalid for '--seed"),
                                 (["plan", "--risk-runs", "-2"], "--risk-runs: -2 is outside")] {
            let (status, _, err) = try intiqal(args)
            #expect(status == 1 && err.contains(expected) && !err.contains("Missing value"), "\(args): \(err)")
        }
    }

    /// Found by the random-input test: a value that looks like an option ("-1e308", "--") was
    /// read as a missing value; every option now takes the next word.
    @Test func valuesThatLookLikeOptionsAreValuesOfTheirFlag() throws {
        let path = TempDir().path("w.intiqal")
        #expect(try intiqal("init", path, "--example", "iraq-2024").0 == 0)
        for (args, expected) in [(["status", "--workspace", path, "--month", "--"], "--month"),
                                 (["status", "--workspace", path, "--month", "-1"], "--month"),
                                 (["init", TempDir().path("n.intiqal"), "--example", "-1e308"], "--example: no bundled scenario '-1e308'"),
                                 (["audit", "--workspace", path, "--entity", "-inf", "--last", "x"], "--last")] {
            let (status, _, err) = try intiqal(args)
            #expect(status == 1 && err.contains(expected) && !err.contains("Missing value"), "\(args): \(err)")
        }
    }

    @Test func auditLastMustBePositive() throws {
        let path = TempDir().path("w.intiqal")
        #expect(try intiqal("init", path, "--example", "iraq-2024").0 == 0)
        for form in [["--last=-1"], ["--last", "-1"], ["--last", "0"]] {
            let (status, out, err) = try intiqal(["audit", "--workspace", path] + form)
            #expect(status == 1 && out.isEmpty && err.contains("--last"), "\(form): \(err)")
        }
    }

    @Test func anUnknownSubcommandIsNamedAsSuch() throws {
        let (status, _, err) = try intiqal("ledger", "frob", "--workspace", "w")
        #expect(status == 1 && err.contains("ledger unknown command 'frob'") && err.contains("verify"))
        #expect(!err.contains("Unknown option"))
    }

    @Test func directoriesWhereFilesBelongAreNamed() throws {
        let dir = TempDir()
        let initDir = try intiqal("init", dir.url.path)
        #expect(initDir.0 == 1 && initDir.2.contains("is a directory"))
        let plan = try intiqal("plan", "--risk-runs", "0", "--out", dir.url.path)
        #expect(plan.0 == 1 && plan.2.contains("is a directory") && !plan.2.contains("NSCocoaErrorDomain"))
    }

    @Test func impossibleDecisionsAreRefusedNamingTheFlag() throws {
        let path = TempDir().path("w.intiqal")
        #expect(try intiqal("init", path, "--example", "iraq-2024").0 == 0)
        let cases: [([String], String)] = [
            (["resolve-dispute", "--factor", "threat", "--region", "anbar", "--month", "2025-01", "--value", "99"], "--value: 99 is outside the threat scale 1–5"),
            (["resolve-dispute", "--factor", "threat", "--region", "anbar", "--month", "2025-01", "--value", "-3"], "--value: -3 is outside"),
            (["resolve-dispute", "--factor", "threat", "--region", "anbar", "--month", "2025-01", "--value=-3"], "--value: -3 is outside"),
            (["resolve-dispute", "--factor", "threat", "--region", "anbar", "--month", "2025-01", "--value", "nan"], "--value: expected a finite number"),
            (["resolve-dispute", "--factor", "threat", "--region", "anbar", "--month", "2025-01", "--value", "inf"], "--value: expected a finite number"),
            (["resolve-dispute", "--factor", "threat", "--region", "anbar", "--capability", "isr", "--month", "2025-01", "--value", "2"], "--capability: threat is rated per region"),
            (["phase-complete", "--phase", "federal-iraq", "--month", "2199-01"], "--month: 2199-01 is outside the scenario's period"),
        ]
        for (args, expected) in cases {
            let (status, _, err) = try intiqal(["decide"] + args + ["--workspace", path])
            #expect(status == 1 && err.contains(expected), "\(args): \(err)")
        }
        let (_, list, _) = try intiqal("ledger", "list", "--workspace", path)
        #expect(list.isEmpty)
    }
}
