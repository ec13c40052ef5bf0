import Foundation
import GRDB
import IntiqalDomain
import IntiqalLedger
import Testing
@testable import IntiqalStorage

/// The built `intiqal` executable, next to the test bundle.
let intiqalExecutable: String? = {
    var candidates: [URL] = []
    if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    for dir in candidates {
        let path = dir.appendingPathComponent("intiqal").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}()

func runIntiqal(_ args: [String]) throws -> Process {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: intiqalExecutable!)
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = Pipe()
    try p.run()
    return p
}

/// A full export of the example workspace with `count` extra rating records.
func bigExport(count: Int) throws -> Data {
    let store = try SQLiteWorkspaceStore(inMemory: "big", now: fixedClock())
    try store.importScenario(try example(), actor: "sec")
    var export = try store.exportWorkspace()
    let s = try example()
    var id = (export.assessments.map(\.id).max() ?? 0)
    for i in 0..<count {
        id += 1
        let region = s.regions[i % s.regions.count].id, capability = s.capabilities[(i / s.regions.count) % s.capabilities.count].id
        let a = Assessment(party: i % 2 == 0 ? "IRQ" : "USA", factor: .capability, region: region, capability: capability,
                           month: s.start.adding(months: (i / 97) % s.horizonMonths), value: Double(i % 5),
                           scale: ScaleReference(factor: .capability, version: 1))
        export.assessments.append(AssessmentRecord(id: id, assessment: a, recordedAt: "2025-01-01T00:00:00Z", recordedBy: "bulk", supersedes: nil))
    }
    return try JSONEncoder().encode(export)
}

@Suite(.serialized, .enabled(if: intiqalExecutable != nil, "the intiqal executable is built next to the tests"))
struct CrashTests {
    @Test func killDuringImportLeavesAllOrNothing() throws {
        let dir = TempDir()
        let file = dir.path("big.json")
        let n = 15_000
        try bigExport(count: n).write(to: URL(fileURLWithPath: file))
        let expected = n + (try example().assessments.count)
        var outcomes = Set<Int>()
        // Kill after a delay, or (walBytes) once the uncommitted transaction has spilled that
        // much into the write-ahead log: certainly in the middle of the write.
        let runs: [(delay: Double, walBytes: Int?)] = [(0.05, nil), (60, 256 << 10), (60, 1 << 20), (60, nil)]
        for (i, run) in runs.enumerated() {
            let delay = run.delay
            let w = dir.path("w\(i).intiqal")
            _ = try SQLiteWorkspaceStore(path: w, create: true)
            let p = try runIntiqal(["import", w, file])
            let deadline = Date().addingTimeInterval(delay)
            func walSize() -> Int { (try? FileManager.default.attributesOfItem(atPath: w + "-wal")[.size] as? Int) ?? 0 }
            while p.isRunning && Date() < deadline {
                if let bytes = run.walBytes, walSize() >= bytes { break }
                usleep(2_000)
            }
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            // The workspace opens, passes SQLite's integrity check, verifies, and holds all or none.
            let store = try SQLiteWorkspaceStore(path: w)
            let check = try store.writer.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
            #expect(check == "ok")
            let count = try store.assessmentHistory().count
            #expect(count == 0 || count == expected, "after \(delay) s: \(count) ratings")
            #expect(try DecisionBook(store: store).verify().ok)
            outcomes.insert(count)
            print("crash-test delay \(delay): \(count) ratings, exit \(p.terminationStatus) \(p.terminationReason == .uncaughtSignal ? "killed" : "exited")")
        }
        #expect(outcomes.contains(expected))
        #expect(outcomes.contains(0))
    }

    @Test func twoProcessesWritingAtOnceBothSucceedOrOneIsBusy() throws {
        let dir = TempDir()
        let w = dir.path("w.intiqal")
        try SQLiteWorkspaceStore(path: w, create: true).importScenario(try example(), actor: "sec")
        let before = try SQLiteWorkspaceStore(path: w).assessmentHistory().count
        var csv = "party,group,region,capability,month,value\n"
        let s = try example()
        for i in 0..<3000 {
            csv += "IRQ,capability,\(s.regions[i % s.regions.count].id),\(s.capabilities[i % s.capabilities.count].id),\(s.start.adding(months: i % 30)),\(i % 5)\n"
        }
        let file = dir.path("r.csv")
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let processes = try (0..<3).map { _ in try runIntiqal(["assess", "--workspace", w, "--csv", file]) }
        var succeeded = 0
        for p in processes {
            p.waitUntilExit()
            let err = String(decoding: (p.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if p.terminationStatus == 0 { succeeded += 1 } else { #expect(err.contains("busy, try again"), "\(err)") }
        }
        let store = try SQLiteWorkspaceStore(path: w)
        #expect(try store.assessmentHistory().count == before + succeeded * 3000)
        #expect(try store.writer.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }
}
