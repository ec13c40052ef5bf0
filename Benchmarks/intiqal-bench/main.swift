// intiqal-bench: how fast the planner and verifier run, on the bundled example and on generated
// scenarios of growing size. Run with `swift run -c release intiqal-bench` (single-threaded work).
import Foundation
import IntiqalDomain
import IntiqalPlanning
import IntiqalScenario

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Median wall time of `repeats` runs, in milliseconds.
func median(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var times = try (0..<repeats).map { _ in try seconds(body) }
    times.sort()
    return times[times.count / 2] * 1000
}

func format(_ ms: Double) -> String { String(format: ms < 10 ? "%.2f" : "%.1f", ms) }

let arguments = CommandLine.arguments.dropFirst()
let quick = arguments.contains("--quick")
print("intiqal-bench — \(ProcessInfo.processInfo.activeProcessorCount) cores available, planner runs on one")
print()

// 1. The bundled example.
let example = try ScenarioLoader.loadBundled("iraq-2024").scenario
print("iraq-2024 (3 sites, 7 regions, 17 teams, 36 months), median of 50:")
for mode in PlanMode.allCases {
    var plan: Plan?
    let total = try median(50) { plan = try Planner(scenario: example).plan(mode: mode) }
    let verify = median(50) { _ = PlanVerifier(scenario: example).verify(plan!) }
    print("  \(mode.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) plan + verify \(format(total)) ms (verify alone \(format(verify)) ms), verified: \(plan!.verification.ok)")
}
print()

// 2. Generated scenarios.
let sizes: [(sites: Int, regions: Int, capabilities: Int, months: Int)] = quick
    ? [(10, 5, 4, 24), (50, 10, 6, 36)]
    : [(10, 5, 4, 24), (25, 10, 6, 36), (50, 19, 10, 60), (100, 19, 10, 60), (200, 19, 10, 60), (400, 19, 10, 60)]
print("generated scenarios (median of 3; teams ≈ 5 per site; 2 delegations rate every region × capability):")
print("  sites  regions  caps  months  teams  ratings   conditions ms  (verify ms)   deadlines ms  (verify ms)")
for size in sizes {
    let scenario = ScenarioGenerator.make(sites: size.sites, regions: size.regions, capabilities: size.capabilities,
                                          months: size.months, seed: 42)
    var row = String(format: "  %5d  %7d  %4d  %6d  %5d  %7d", size.sites, size.regions, size.capabilities, size.months,
                     scenario.sites.reduce(0) { $0 + $1.teams.count }, scenario.assessments.count)
    for mode in PlanMode.allCases {
        var plan: Plan?
        let planned = try median(3) { plan = try Planner(scenario: scenario).plan(mode: mode) }
        let verify = median(3) { _ = PlanVerifier(scenario: scenario).verify(plan!) }
        precondition(plan!.verification.ok, "plan of a generated scenario failed verification: \(plan!.verification.violations.prefix(3))")
        row += String(format: "   %12@  %11@", format(planned), "(\(format(verify)))")
    }
    print(row)
}
