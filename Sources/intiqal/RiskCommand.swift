import ArgumentParser
import Foundation
import IntiqalDomain
import IntiqalPlanning
import IntiqalPlanRisk
import IntiqalRisk

enum RiskFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// `intiqal risk [SCENARIO] --mode conditions|deadlines --runs N --seed S --format table|json`
struct RiskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Estimate a plan's risk of resurgence by Monte Carlo of a fitted self-exciting model.",
        discussion: """
        With no SCENARIO, uses the bundled example iraq-2024; with --workspace, the workspace's \
        current ratings and incidents. Reports the probability that any \
        region crosses the resurgence threshold within the horizon, with a 95% interval, for the \
        plan, the no-change baseline (no drawdown) and the other planning mode.
        """
    )

    @Argument(help: "A scenario file (YAML or JSON) or a bundled scenario name.")
    var scenario: String = "iraq-2024"

    @Option(help: "Estimate from this workspace's current ratings and incidents instead of a scenario file.")
    var workspace: String?

    @Option(help: "conditions or deadlines.")
    var mode: PlanMode = .conditions

    @Option(help: "Monte Carlo runs.")
    var runs: Int = 10_000

    @Option(help: "Seed: the same seed gives the same figures on any machine.")
    var seed: UInt64 = 1

    @Option(help: "Resurgence: at least this many incidents in a region in a month …")
    var threshold: Int = 20

    @Option(help: "… for this many consecutive months.")
    var consecutive: Int = 3

    @Option(help: "table or json.")
    var format: RiskFormat = .table

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    func validate() throws {
        guard (1...MonteCarlo.maximumRuns).contains(runs) else { throw ValidationError("--runs must be between 1 and \(MonteCarlo.maximumRuns)") }
        guard threshold >= 1 else { throw ValidationError("--threshold must be at least 1") }
        guard consecutive >= 1 else { throw ValidationError("--consecutive must be at least 1") }
    }

    func run() async throws {
        let scenario = try CLI.scenario(file: scenario, workspace: workspace)
        let planner = Planner(scenario: scenario)
        let plans = [mode, mode == .conditions ? .deadlines : .conditions].map { m in
            let plan = planner.plan(mode: m)
            guard plan.verification.ok else {
                CLI.fail("internal error: the \(m.rawValue) plan did not pass verification: \(plan.verification.violations.joined(separator: "; "))")
            }
            return plan
        }
        let bar = Progress(total: runs, showFrom: 20_000)
        let comparison: PlanRisk.Comparison
        do {
            comparison = try await PlanRisk.compare(planner: planner, mode: mode, plan: plans[0], otherPlan: plans[1], runs: runs, seed: seed,
                                                    threshold: ResurgenceThreshold(incidentsPerMonth: threshold, consecutiveMonths: consecutive),
                                                    progress: { bar.step($0) })
        } catch {
            CLI.fail("risk: \(error)")
        }
        bar.clear()
        switch format {
        case .json: try CLI.emit(try CLI.json(comparison), to: out)
        case .table: try CLI.emit(RiskTable.render(comparison, scenario: scenario), to: out)
        }
    }
}

/// The terminal form of a risk comparison.
enum RiskTable {
    static func percent(_ p: Double) -> String { String(format: "%.1f%%", p * 100) }
    static func interval(_ ci: [Double]) -> String { ci.count == 2 ? "[\(percent(ci[0])), \(percent(ci[1]))]" : "–" }

    static func render(_ c: PlanRisk.Comparison, scenario: Scenario) -> String {
        let r = c.report
        var out = "Risk of resurgence: \(scenario.name.en)\n"
        out += "\(r.runs) runs, seed \(r.seed), \(r.months) months; resurgence = at least \(r.threshold.incidentsPerMonth) incidents in a region in each of \(r.threshold.consecutiveMonths) consecutive months\n\n"
        let rows = [
            ("\(c.mode.rawValue)-first plan", r.pResurgence, r.ci95, r.expectedIncidents),
            ("\(c.otherMode.rawValue)-first plan", c.other.pResurgence, c.other.ci95, c.other.expectedIncidents),
            ("no-change baseline", r.baseline.pResurgence, r.baseline.ci95, r.baseline.expectedIncidents),
        ]
        out += pad("", 26) + pad("P(resurgence)", 15) + pad("95% interval", 20) + "expected incidents\n"
        for (name, p, ci, e) in rows {
            out += pad(name, 26) + pad(percent(p), 15) + pad(interval(ci), 20) + String(format: "%.1f", e) + "\n"
        }
        out += "\nBy region (\(c.mode.rawValue)-first)\n"
        for region in r.byRegion {
            let name = scenario.region(region.region)?.name.en ?? region.region
            out += "  " + pad(name, 28) + pad(percent(region.pResurgence), 10) + String(format: "%.1f incidents", region.expectedIncidents) + "\n"
        }
        if r.illustrative { out += "\nIllustrative: the incident data behind this model are illustrative, not a record.\n" }
        for note in r.notes { out += "  • \(note)\n" }
        return out
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}
