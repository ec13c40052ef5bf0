import ArgumentParser
import Foundation
import IntiqalDomain
import IntiqalPlanning
import IntiqalPlanRisk
import IntiqalRisk

enum RiskFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// `intiqal risk [SCENARIO] --mode conditions|deadlines --runs N --seed S --format table|json [--lang en|ar]`
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

    @Option(help: "Language of the table: en or ar (JSON carries both: notes and notesAr).")
    var lang: Language = .en

    func validate() throws {
        guard (1...MonteCarlo.maximumRuns).contains(runs) else { throw ValidationError("--runs must be between 1 and \(MonteCarlo.maximumRuns)") }
        guard threshold >= 1 else { throw ValidationError("--threshold must be at least 1") }
        guard consecutive >= 1 else { throw ValidationError("--consecutive must be at least 1") }
    }

    func run() async throws {
        let scenario = try CLI.scenario(file: scenario, workspace: workspace)
        let planner = CLI.guarded { try Planner(scenario: scenario) }
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
        case .table: try CLI.emit(RiskTableRenderer(scenario: scenario, language: lang).render(comparison), to: out)
        }
    }
}
