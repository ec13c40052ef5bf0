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

    @Option(parsing: .unconditional, help: "Estimate from this workspace's current ratings and incidents instead of a scenario file.")
    var workspace: String?

    @Option(parsing: .unconditional, help: "conditions or deadlines.")
    var mode: PlanMode = .conditions

    @Option(parsing: .unconditional, help: "Monte Carlo runs.")
    var runs: Int = 10_000

    @Option(parsing: .unconditional, help: "Seed: the same seed gives the same figures on any machine.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Resurgence: at least this many incidents in a region in a month …")
    var threshold: Int = 20

    @Option(parsing: .unconditional, help: "… for this many consecutive months.")
    var consecutive: Int = 3

    @Option(parsing: .unconditional, help: "table or json.")
    var format: RiskFormat = .table

    @Option(parsing: .unconditional, help: "Write to this file instead of standard output.")
    var out: String?

    @Option(parsing: .unconditional, help: "Language of the table: en or ar (JSON carries both: notes and notesAr); by default INTIQAL_LANG, else en. Diagnostics follow it.")
    var lang: Language?

    @Option(name: .customLong("gamma-departure"), parsing: .unconditional,
            help: "The departure effect instead of the default 0.5, e.g. the record's 0.671 (docs/risk-model.md §5).")
    var gammaDeparture: Double?

    @Option(name: .customLong("gamma-departure-se"), parsing: .unconditional,
            help: "Its standard error, e.g. 0.138: every run draws the departure effect from that interval.")
    var gammaDepartureSE: Double?

    func validate() throws {
        if let g = gammaDeparture, !(g.isFinite && abs(g) <= 4) {
            throw ValidationError("--gamma-departure: \(g) is outside -4–4")
        }
        if let se = gammaDepartureSE {
            guard gammaDeparture != nil else { throw ValidationError("--gamma-departure-se needs --gamma-departure") }
            guard se.isFinite, se > 0, se <= 4 else { throw ValidationError("--gamma-departure-se: \(se) is outside (0, 4]") }
        }
        guard (1...MonteCarlo.maximumRuns).contains(runs) else { throw ValidationError("--runs: \(runs) is outside 1–\(MonteCarlo.maximumRuns)") }
        guard InputLimits.riskThreshold.contains(threshold) else {
            throw ValidationError("--threshold: \(threshold) is outside \(InputLimits.riskThreshold.lowerBound)–\(InputLimits.riskThreshold.upperBound)")
        }
        guard InputLimits.riskConsecutiveMonths.contains(consecutive) else {
            throw ValidationError("--consecutive: \(consecutive) is outside \(InputLimits.riskConsecutiveMonths.lowerBound)–\(InputLimits.riskConsecutiveMonths.upperBound)")
        }
    }

    func run() async throws {
        let lang = CLI.use(lang)
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
            let threshold = ResurgenceThreshold(incidentsPerMonth: threshold, consecutiveMonths: consecutive)
            if let gammaDeparture {
                let model = PlanRisk.model(for: scenario, gammaDeparture: gammaDeparture, standardError: gammaDepartureSE)
                comparison = try await PlanRisk.compare(planner: planner, mode: mode, plan: plans[0], otherPlan: plans[1], model: model,
                                                        parameterUncertainty: gammaDepartureSE != nil, runs: runs, seed: seed,
                                                        threshold: threshold, progress: { bar.step($0) })
            } else {
                comparison = try await PlanRisk.compare(planner: planner, mode: mode, plan: plans[0], otherPlan: plans[1], runs: runs, seed: seed,
                                                        threshold: threshold, progress: { bar.step($0) })
            }
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
