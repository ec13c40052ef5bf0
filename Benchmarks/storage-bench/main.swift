// storage-bench: the workspace's speed targets (issue 4 §6), on a file-backed workspace.
//   1. 100,000 ratings recorded (one command, one transaction)          target < 5 s
//   2. a plan from a workspace holding a year of monthly ratings for
//      19 regions × 10 capabilities (load + plan)                        target < 100 ms
//   3. `ledger verify` of 10,000 entries (read + verify)                  target < 0.5 s on 2 cores
//   4. `ledger export` of 10,000 entries (read + files written)           target < 2 s
// Run: swift run -c release storage-bench
import Foundation
import IntiqalDomain
import IntiqalLedger
import IntiqalPlanning
import IntiqalStorage

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

/// CPU seconds (user + system, all threads) this process has used so far.
func cpuSeconds() -> Double { let (user, system) = cpuTimes(); return user + system }

/// User and system CPU seconds so far.
func cpuTimes() -> (Double, Double) {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return (Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6, Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6)
}

let dir = FileManager.default.temporaryDirectory.appendingPathComponent("storage-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: dir) }

/// 19 regions × 10 capabilities, a site per region with a team per capability.
func largeScenario() -> Scenario {
    let regions = (0..<19).map { Region(id: "r\($0)", name: LocalizedText(en: "Region \($0)")) }
    let capabilities = (0..<10).map { CapabilityArea(id: "c\($0)", name: LocalizedText(en: "Capability \($0)")) }
    let sites = regions.enumerated().map { i, r in
        Site(id: "s\(i)", name: LocalizedText(en: "Site \(i)"), region: r.id, supports: [r.id], minimumGarrison: 50,
             teams: capabilities.map { AdviserTeam(id: "t\(i)-\($0.id)", region: r.id, capability: $0.id, headcount: 12, nation: "USA") })
    }
    let phases = [Phase(id: "p1", name: LocalizedText(en: "Phase 1"), sites: sites.map(\.id), regions: regions.map(\.id), deadline: nil)]
    return Scenario(id: "bench-19x10", name: LocalizedText(en: "Benchmark"), start: YearMonth(year: 2025, month: 1), horizonMonths: 36,
                    parties: [Party(id: "IRQ", name: LocalizedText(en: "Iraq"), role: .host), Party(id: "USA", name: LocalizedText(en: "United States"), role: .lead)],
                    regions: regions, capabilities: capabilities, scales: [], sites: sites, phases: phases, assessments: [],
                    policy: Policy(), capacity: Capacity(overallPerMonth: 400), growth: Growth())
}

let scenario = largeScenario()
let year = (0..<12).map { YearMonth(year: 2024, month: 1).adding(months: $0) }
func yearOfRatings() -> [Assessment] {
    var out: [Assessment] = []
    for (m, month) in year.enumerated() {
        for party in ["IRQ", "USA"] {
            for r in scenario.regions {
                out.append(Assessment(party: party, factor: .threat, region: r.id, capability: nil, month: month,
                                      value: Double(max(1, 4 - m / 4)), trend: .falling, scale: ScaleReference(factor: .threat, version: 1)))
                for c in scenario.capabilities {
                    out.append(Assessment(party: party, factor: .requirement, region: r.id, capability: c.id, month: month, value: 2,
                                          scale: ScaleReference(factor: .requirement, version: 1)))
                    out.append(Assessment(party: party, factor: .capability, region: r.id, capability: c.id, month: month,
                                          value: Double(min(4, 1 + m / 4)), scale: ScaleReference(factor: .capability, version: 1)))
                }
            }
        }
    }
    return out
}

// 1. 100,000 ratings in one `assess` command.
let w1 = try SQLiteWorkspaceStore(path: dir.appendingPathComponent("ratings.intiqal").path, create: true)
try w1.importScenario(scenario, actor: "bench")
var many: [Assessment] = []
while many.count < 100_000 { many += yearOfRatings() }
many = Array(many.prefix(100_000))
let recordTime = try seconds { try w1.recordAssessments(many, actor: "bench") }
print(String(format: "record 100,000 ratings:             %7.3f s   (target < 5 s)", recordTime))

// 2. Plan from a workspace holding a year of monthly ratings, 19 × 10.
let w2 = try SQLiteWorkspaceStore(path: dir.appendingPathComponent("plan.intiqal").path, create: true)
try w2.importScenario(scenario, actor: "bench")
let ratings = yearOfRatings()
try w2.recordAssessments(ratings, actor: "bench")
var loads: [Double] = [], plans: [Double] = []
var moves = 0
for _ in 0..<7 {
    var s: Scenario!
    loads.append(try seconds { s = try DecisionBook(store: w2).scenario() })
    plans.append(try seconds {
        let plan = try Planner(scenario: s).plan(mode: .conditions)
        precondition(plan.verification.ok)
        moves = plan.moves.count
    })
}
print(String(format: "plan from workspace (%d ratings):  %7.1f ms  (load %.1f ms + plan %.1f ms, median of 7; %d moves; target < 100 ms)",
             ratings.count, (median(loads) + median(plans)) * 1000, median(loads) * 1000, median(plans) * 1000, moves))

// 3. ledger verify of 10,000 entries: keys, decisions and their signatures.
let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
func makeLedger() throws -> [LedgerEntry] {
    var entries: [LedgerEntry] = []
    var prev: String { entries.last?.hash ?? LedgerEntry.genesisHash }
    entries.append(.makeKey(seq: 1, prevHash: prev, party: "IRQ", publicKey: irq.publicKey, by: "bench", at: "2025-01-01T00:00:00Z"))
    entries.append(.makeKey(seq: 2, prevHash: prev, party: "USA", publicKey: usa.publicKey, by: "bench", at: "2025-01-01T00:00:00Z"))
    entries.append(try .makeSignature(seq: 3, prevHash: prev, target: 1, targetHash: entries[0].hash, key: usa, by: "usa", at: "2025-01-01T00:00:00Z"))
    entries.append(try .makeSignature(seq: 4, prevHash: prev, target: 2, targetHash: entries[1].hash, key: irq, by: "irq", at: "2025-01-01T00:00:00Z"))
    while entries.count < 10_000 {
        let d = Decision(kind: .gateMet, summary: "gate c1/r\(entries.count % 19) met", payload: ["region": .string("r\(entries.count % 19)"), "month": "2025-06"],
                         requiredParties: ["IRQ", "USA"], proposedBy: "bench", proposedAt: "2025-06-01T00:00:00Z")
        entries.append(.make(seq: entries.count + 1, kind: .decision, prevHash: prev, body: d.body))
        let seq = entries.count, hash = entries.last!.hash
        entries.append(try .makeSignature(seq: seq + 1, prevHash: prev, target: seq, targetHash: hash, key: irq, by: "irq", at: "2025-06-02T00:00:00Z"))
        if entries.count < 10_000 {
            entries.append(try .makeSignature(seq: seq + 2, prevHash: prev, target: seq, targetHash: hash, key: usa, by: "usa", at: "2025-06-02T00:00:00Z"))
        }
    }
    return entries
}
let entries = try makeLedger()
let w3 = try SQLiteWorkspaceStore(path: dir.appendingPathComponent("ledger.intiqal").path, create: true)
try w3.importWorkspace(WorkspaceExport(schemaVersion: 1, structure: scenario, ledger: entries))
var verifies: [Double] = [], verifyCPU: [Double] = []
var report: LedgerReport!
for _ in 0..<5 {
    let cpu = cpuSeconds()
    verifies.append(try seconds { report = try DecisionBook(store: w3).verify() })
    verifyCPU.append(cpuSeconds() - cpu)
}
precondition(report.ok && report.entries == 10_000)
print(String(format: "ledger verify of %d entries:      %7.3f s   (median of 5; CPU %.3f s; %d decisions; %d cores; target < 0.5 s on 2 cores)",
             report.entries, median(verifies), median(verifyCPU), report.decisions.count, ProcessInfo.processInfo.activeProcessorCount))
var reads: [Double] = [], inMemory: [Double] = []
for _ in 0..<5 {
    var stored: [LedgerEntry] = []
    reads.append(try seconds { stored = try w3.ledgerEntries() })
    inMemory.append(seconds { precondition(LedgerVerifier.verify(stored).ok) })
}
print(String(format: "  of which: read %.3f s, verify in memory %.3f s (medians of 5)", median(reads), median(inMemory)))

// 4. ledger export of 10,000 entries: read, lay out, write every file (as `intiqal ledger export`),
// to the temporary directory's disk and, where there is one, to memory (/dev/shm): one file per
// entry makes the disk's file-creation cost part of the figure.
let shm = URL(fileURLWithPath: "/dev/shm/storage-bench-\(UUID().uuidString)")
let targets = [("disk", dir)] + (FileManager.default.fileExists(atPath: "/dev/shm") ? [("tmpfs", shm)] : [])
defer { try? FileManager.default.removeItem(at: shm) }
for (name, base) in targets {
    var exports: [Double] = [], exportCPU: [Double] = [], exportSys: [Double] = []
    for run in 0..<5 {
        let out = base.appendingPathComponent("export-\(run)")
        let cpu = cpuSeconds(), sys = cpuTimes().1
        exports.append(try seconds {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            try LedgerExport.write(LedgerExport.files(entries: try w3.ledgerEntries()), to: out.path)
        })
        exportCPU.append(cpuSeconds() - cpu)
        exportSys.append(cpuTimes().1 - sys)
    }
    print(String(format: "ledger export of %d entries (%@): %7.3f s   (median of 5; CPU %.3f s, of which kernel %.3f s; target < 2 s)",
                 entries.count, name, median(exports), median(exportCPU), median(exportSys)))
}
