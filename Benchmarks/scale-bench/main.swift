// scale-bench: how time and peak memory grow with the size of a scenario, for the commands that
// read one whole: load (YAML → Scenario), import into a workspace, plan from the file (both modes
// and the risk section, as `intiqal plan` does), and plan from the workspace. Each measure runs
// in a fresh child process so that its peak resident memory (getrusage maxrss) is its own.
//
//   swift run -c release scale-bench                      sizes 0.25, 0.5, 1 and 2.85 million ratings
//   swift run -c release scale-bench --ratings 100000,2850000
//   swift run -c release scale-bench generate --ratings 2850000 --out big.yaml
//
// The largest default size is the 50 MB, 2.85 M-rating scenario of issue 9.
import Foundation
import IntiqalDomain
import IntiqalPlanning
import IntiqalPlanRisk
import IntiqalRisk
import IntiqalScenario
import IntiqalStorage

func elapsed(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

func value(of flag: String, in arguments: [String]) -> String? {
    guard let i = arguments.firstIndex(of: flag), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("scale-bench: \(message)\n".utf8))
    exit(1)
}

/// Writes the scenario file of about `ratings` ratings to `path`.
func generate(ratings: Int, path: String) throws -> ScaleScenarioFile {
    let file = ScaleScenarioFile(ratingMonths: ScaleScenarioFile.months(forRatings: ratings))
    FileManager.default.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else { fail("cannot write \(path)") }
    var buffer = ""
    file.write { piece in
        buffer += piece
        if buffer.utf8.count > 1 << 20 {
            handle.write(Data(buffer.utf8))
            buffer = ""
        }
    }
    handle.write(Data(buffer.utf8))
    try handle.close()
    return file
}

/// Plans both modes and their risk side by side, as `intiqal plan` does, and renders the table.
func planAsTheCLIDoes(_ scenario: Scenario) async throws -> Int {
    let planner = try Planner(scenario: scenario)
    var plan = planner.plan(mode: .conditions)
    let other = planner.plan(mode: .deadlines)
    guard plan.verification.ok, other.verification.ok else { fail("a plan failed verification") }
    // As the CLI: a risk the engine refuses to estimate leaves the plan without it.
    plan.risk = try? await PlanRisk.planSummary(planner: planner, mode: .conditions, plan: plan, otherPlan: other,
                                                runs: 2_000, seed: 1, threshold: PlanRisk.defaultThreshold)
    return PlanTableRenderer(scenario: scenario, language: .en).render(plan).utf8.count
}

/// One measure in this process: prints "seconds cpu-seconds peak-bytes".
func child(_ arguments: [String]) async throws {
    let what = arguments[0], file = arguments[1]
    let start = DispatchTime.now().uptimeNanoseconds
    switch what {
    case "load":
        _ = try ScenarioLoader.load(path: file)
    case "import":
        let scenario = try ScenarioLoader.load(path: file).scenario
        try SQLiteWorkspaceStore.create(path: arguments[2], scenario: nil, actor: "bench")
        try SQLiteWorkspaceStore(path: arguments[2]).importScenario(scenario, actor: "bench")
    case "plan":
        _ = try await planAsTheCLIDoes(try ScenarioLoader.load(path: file).scenario)
    case "plan-workspace":
        let store = try SQLiteWorkspaceStore(path: file)
        _ = try await planAsTheCLIDoes(try DecisionBook(store: store).scenario())
    default:
        fail("unknown measure \(what)")
    }
    print(String(format: "%.3f %.3f %d", elapsed(since: start), ResourceUse.cpuSeconds, ResourceUse.peakBytes))
}

/// Runs `scale-bench child …` and reads its figures.
func measure(_ arguments: [String]) throws -> (seconds: Double, cpu: Double, peak: Int) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
        process.executableURL = Bundle.main.executableURL
    }
    process.arguments = ["child"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let parts = output.split(whereSeparator: \.isWhitespace)
    guard process.terminationStatus == 0, parts.count == 3, let s = Double(parts[0]), let c = Double(parts[1]), let p = Int(parts[2]) else {
        fail("\(arguments[0]) failed (status \(process.terminationStatus)): \(output)")
    }
    return (s, c, p)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "child" {
    try await child(Array(arguments.dropFirst()))
    exit(0)
}
if arguments.first == "generate" {
    guard let n = value(of: "--ratings", in: arguments).flatMap(Int.init), n > 0,
          let out = value(of: "--out", in: arguments) else { fail("usage: scale-bench generate --ratings N --out FILE") }
    let file = try generate(ratings: n, path: out)
    let bytes = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
    print("\(out): \(file.ratings) ratings, \(bytes / 1_000_000) MB")
    exit(0)
}

let sizes = value(of: "--ratings", in: arguments).map { $0.split(separator: ",").compactMap { Int($0) } }
    ?? [250_000, 500_000, 1_000_000, 2_850_000]
let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scale-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: dir) }

func mb(_ bytes: Int) -> String { String(format: "%6.0f MB", Double(bytes) / 1_048_576) }
print("scale-bench — \(UsableCores.count) cores this process may use; each measure in a fresh process: wall-clock s, CPU s (user + system), peak RSS")
print("   ratings    file │ load                     │ import                   │ plan (file)              │ plan (workspace)")
for n in sizes {
    let path = dir.appendingPathComponent("s\(n).yaml").path
    let file = try generate(ratings: n, path: path)
    let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    let workspace = dir.appendingPathComponent("s\(n).intiqal").path
    let load = try measure(["load", path])
    let imported = try measure(["import", path, workspace])
    let plan = try measure(["plan", path])
    let planWorkspace = try measure(["plan-workspace", workspace])
    var row = String(format: "%10d  %3d MB", file.ratings, bytes / 1_000_000)
    for m in [load, imported, plan, planWorkspace] { row += String(format: " │ %6.2f s %6.2f s %@", m.seconds, m.cpu, mb(m.peak)) }
    print(row)
    fflush(nil)   // every open stream: a row at a time when the output is a file
    try? FileManager.default.removeItem(atPath: path)
    try? FileManager.default.removeItem(atPath: workspace)
}
