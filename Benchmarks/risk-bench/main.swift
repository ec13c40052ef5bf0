// risk-bench: speed of the risk engine.
// `swift run -c release risk-bench [--runs N] [--events N] [--repeats N] [--json] [--export-events FILE] [--ucdp FILE] [--backtest-only]`
// --export-events writes the recovery case's event times (seed 20240125), one per line, for a
// peer fit (scripts/peer-hawkeslib.py).
import Foundation
import IntiqalPlanning
import IntiqalPlanRisk
import IntiqalRisk
import IntiqalScenario

func argument(_ name: String, default value: Int) -> Int {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]), v > 0 { return v }
    return value
}

let clock = ContinuousClock()
func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1_000 + Double(d.components.attoseconds) / 1e15
}
/// Process CPU time (ms): on a shared machine, wall time measures the neighbours too.
func cpuMilliseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1_000 + Double(ts.tv_nsec) / 1e6
}
func time<T>(_ body: () throws -> T) rethrows -> (T, Double, Double) {
    let start = clock.now, cpu = cpuMilliseconds()
    let value = try body()
    return (value, milliseconds(clock.now - start), cpuMilliseconds() - cpu)
}
func time<T>(_ body: () async throws -> T) async rethrows -> (T, Double, Double) {
    let start = clock.now, cpu = cpuMilliseconds()
    let value = try await body()
    return (value, milliseconds(clock.now - start), cpuMilliseconds() - cpu)
}
func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
func fmt(_ x: Double, _ d: Int = 1) -> String { String(format: "%.\(d)f", x) }

let cores = UsableCores.count   // the affinity mask: `taskset -c 0` counts 1
let targetEvents = argument("--events", default: 100_000)
let runs = argument("--runs", default: 100_000)
let repeats = argument("--repeats", default: 3)
var rows: [(String, String, String)] = []

if CommandLine.arguments.contains("--backtest-only") {
    print("risk-bench on \(cores) active core\(cores == 1 ? "" : "s") (best of \(repeats))")
    for (a, b, c) in try backtestRows(repeats: repeats) { print(pad(a, 56) + pad(b, 12) + c) }
    exit(0)
}

// 1. Fit: μ = 0.5, α = 0.6, β = 1.2 (mean rate 1.25/day), horizon sized for ~targetEvents.
let truth = HawkesParameters(mu: 0.5, alpha: 0.6, beta: 1.2)
let horizon = Double(targetEvents) / 1.25
let events = try HawkesSimulator.simulate(parameters: truth, horizon: horizon, seed: 42)
var fitTimes: [Double] = [], fitCPU: [Double] = []
var fit: FitResult?
for _ in 0..<repeats {
    let (f, ms, cpu) = try time { try HawkesFit.fit(eventTimes: events, horizon: horizon) }
    fit = f
    fitTimes.append(ms)
    fitCPU.append(cpu)
}
if let fit {
    let p = fit.parameters
    rows.append(("fit \(events.count) events (best of \(repeats))", "\(fmt(fitTimes.min()!)) ms",
                 "cpu \(fmt(fitCPU.min()!)) ms; mu \(fmt(p.mu, 3)) alpha \(fmt(p.alpha, 3)) beta \(fmt(p.beta, 3)); \(fit.iterations) Newton steps; KS p \(fmt(fit.ks.pValue, 2))"))
}

// 1b. The issue's recovery case: 10,000 days (≈ 12,500 events), several seeds.
for seed in [20_240_125 as UInt64, 1, 2, 3, 4] {
    let times = try HawkesSimulator.simulate(parameters: truth, horizon: 10_000, seed: seed)
    if seed == 20_240_125, let i = CommandLine.arguments.firstIndex(of: "--export-events"), i + 1 < CommandLine.arguments.count {
        try times.map { String($0) }.joined(separator: "\n").write(toFile: CommandLine.arguments[i + 1], atomically: true, encoding: .utf8)
    }
    var best = Double.infinity, bestCPU = Double.infinity
    var f: FitResult?
    for _ in 0..<repeats {
        let (r, ms, cpu) = try time { try HawkesFit.fit(eventTimes: times, horizon: 10_000) }
        best = min(best, ms)
        bestCPU = min(bestCPU, cpu)
        f = r
    }
    if let f {
        let p = f.parameters
        func pct(_ x: Double, _ t: Double) -> String { (x >= t ? "+" : "") + fmt(100 * (x / t - 1), 1) + "%" }
        rows.append(("fit 10,000 days, seed \(seed): \(times.count) events", "\(fmt(best, 2)) ms",
                     "cpu \(fmt(bestCPU, 2)) ms; mu \(fmt(p.mu, 3)) (\(pct(p.mu, 0.5))) alpha \(fmt(p.alpha, 3)) (\(pct(p.alpha, 0.6))) beta \(fmt(p.beta, 3)) (\(pct(p.beta, 1.2)))"))
    }
}

// 2. The example, as `intiqal risk` runs it: iraq-2024's regions × 36 months, the model fitted
// to its incidents, both planning modes and the no-change baseline in one joint simulation.
let example = try ScenarioLoader.loadBundled("iraq-2024").scenario
let planner = try Planner(scenario: example)
let conditions = planner.plan(mode: .conditions), deadlines = planner.plan(mode: .deadlines)
var exampleReports: [PlanRisk.Comparison] = []
var exampleBest: [Int: Double] = [:]
for width in Set([1, cores]).sorted() {
    var best = Double.infinity, bestCPU = Double.infinity
    for _ in 0..<repeats {
        let (c, ms, cpu) = try await time {
            try await PlanRisk.compare(planner: planner, mode: .conditions, plan: conditions, otherPlan: deadlines, runs: runs,
                                       seed: 1, threshold: PlanRisk.defaultThreshold, parallelism: width)
        }
        best = min(best, ms)
        bestCPU = min(bestCPU, cpu)
        exampleReports.append(c)
    }
    exampleBest[width] = best
    let c = exampleReports.last!
    let incidents = c.report.expectedIncidents + c.other.expectedIncidents + c.report.baseline.expectedIncidents
    rows.append(("iraq-2024: \(runs) runs, \(c.report.byRegion.count)×\(c.report.months), 2 plans+baseline, \(width) core\(width == 1 ? "" : "s")",
                 "\(fmt(best)) ms",
                 "cpu \(fmt(bestCPU)) ms; p \(fmt(c.report.pResurgence, 4)) / \(fmt(c.other.pResurgence, 4)) / baseline \(fmt(c.report.baseline.pResurgence, 4)); \(fmt(incidents, 0)) incidents/run, \(fmt(best * 1e6 / (Double(runs) * incidents))) ns/incident (wall)"))
}
if let one = exampleBest[1], let all = exampleBest[cores], cores > 1 {
    rows.append(("iraq-2024: speed-up on \(cores) cores", "\(fmt(one / all, 2))×", ""))
}
let exampleIdentical = Set(exampleReports.map { [$0.report, $0.other] }).count == 1

// 3. Monte Carlo: 6 regions × 36 months, a few incidents per month per region,
// a plan that draws advisers down over two years while the gap closes slowly.
let regionNames = ["anbar", "baghdad", "nineveh", "salah-al-din", "kirkuk", "syria-border"]
var base: [String: HawkesParameters] = [:]
var plan: [RegionExposure] = []
for (i, name) in regionNames.enumerated() {
    let alpha = 0.4 + 0.05 * Double(i % 3)
    let monthlyRate = [2.0, 2.5, 3.0, 3.0, 3.5, 4.0][i]   // incidents a month today
    base[name] = HawkesParameters(mu: monthlyRate / (365.25 / 12) * (1 - alpha), alpha: alpha, beta: 0.5)
    let gap0 = 2.0 + Double(i % 3)
    let gap = (0..<36).map { m in max(0, gap0 - 0.05 * Double(m)) }
    let share = (0..<36).map { m in max(0, 1 - Double(m) / 24) }
    plan.append(RegionExposure(region: name, gap: gap, coalitionShare: share))
}
let model = RiskModel(regions: base)
let threshold = ResurgenceThreshold(incidentsPerMonth: 8, consecutiveMonths: 3)
let baseline = RegionExposure.noChangeBaseline(for: plan)

var reports: [RiskReport] = []
var bestByWidth: [Int: Double] = [:]
for width in Set([1, cores]).sorted() {
    var best = Double.infinity, bestCPU = Double.infinity
    for _ in 0..<repeats {
        let (report, ms, cpu) = try await time {
            try await MonteCarlo.evaluate(plan: plan, baseline: baseline, model: model, threshold: threshold,
                                          runs: runs, seed: 2024, parallelism: width)
        }
        best = min(best, ms)
        bestCPU = min(bestCPU, cpu)
        bestByWidth[width] = best
        reports.append(report)
    }
    let r = reports.last!
    rows.append(("Monte Carlo \(runs) runs, 6×36, plan+baseline, \(width) core\(width == 1 ? "" : "s")", "\(fmt(best)) ms",
                 "cpu \(fmt(bestCPU)) ms; p \(fmt(r.pResurgence, 4)) [\(fmt(r.ci95[0], 4)), \(fmt(r.ci95[1], 4))] baseline \(fmt(r.baseline.pResurgence, 4)); \(fmt(r.expectedIncidents + r.baseline.expectedIncidents, 0)) incidents/run, \(fmt(best * 1e6 / (Double(runs) * (r.expectedIncidents + r.baseline.expectedIncidents)))) ns/incident (wall)"))
}
let identical = Set(reports).count == 1

// 4. The same with parameter uncertainty (20 % on log μ, 10 % on log α and log β), 1 core.
var uncertain = model
for name in regionNames { uncertain.logCovariance[name] = [0.04, 0, 0, 0, 0.01, 0, 0, 0, 0.01] }
do {
    let (r, ms, cpu) = try await time {
        try await MonteCarlo.evaluate(plan: plan, baseline: baseline, model: uncertain, threshold: threshold,
                                      runs: runs, seed: 2024, parameterUncertainty: true, parallelism: 1)
    }
    rows.append(("… with parameter uncertainty, 1 core", "\(fmt(ms)) ms",
                 "cpu \(fmt(cpu)) ms; p \(fmt(r.pResurgence, 4)) [\(fmt(r.ci95[0], 4)), \(fmt(r.ci95[1], 4))] baseline \(fmt(r.baseline.pResurgence, 4))"))
}
if let one = bestByWidth[1], let all = bestByWidth[cores], cores > 1 {
    rows.append(("speed-up on \(cores) cores", "\(fmt(one / all, 2))×", ""))
}

rows += try backtestRows(repeats: repeats)

if CommandLine.arguments.contains("--json"), let last = reports.last {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    print(String(decoding: try encoder.encode(last), as: UTF8.self))
}
print("risk-bench on \(cores) active core\(cores == 1 ? "" : "s") (best of \(repeats))")
print(pad("case", 56) + pad("time", 12) + "result")
for (a, b, c) in rows { print(pad(a, 56) + pad(b, 12) + c) }
print("reports identical across core counts and repeats: \(identical && exampleIdentical)")
