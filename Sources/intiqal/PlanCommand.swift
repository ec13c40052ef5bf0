import ArgumentParser
import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalPlanning
import IntiqalPlanRisk
import IntiqalScenario
import IntiqalStorage

extension PlanMode: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, html
}

/// `intiqal plan [SCENARIO] --mode conditions|deadlines --format table|json|html [--out FILE] [--lang en|ar]`
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the transition month by month, verified, with the reason for every line.",
        discussion: "With no SCENARIO, plans the bundled example iraq-2024."
    )

    @Argument(help: "A scenario file (YAML or JSON) or a bundled scenario name.")
    var scenario: String = "iraq-2024"

    @Option(parsing: .unconditional, help: "conditions (gates first) or deadlines (agreed deadlines first).")
    var mode: PlanMode = .conditions

    @Option(parsing: .unconditional, help: "table, json or html.")
    var format: PlanFormat = .table

    @Option(parsing: .unconditional, help: "Write to this file instead of standard output.")
    var out: String?

    @Option(parsing: .unconditional, help: "Language of the report: en or ar; by default INTIQAL_LANG, else en. Diagnostics follow it.")
    var lang: Language?

    @Option(parsing: .unconditional, help: "Monte Carlo runs for the risk of each mode side by side (0: leave risk out).")
    var riskRuns: Int = 2_000

    @Option(parsing: .unconditional, help: "Plan from this workspace's current joint ratings instead of a scenario file.")
    var workspace: String?

    @Option(parsing: .unconditional, help: "With --workspace: save the plan in the workspace under this name, with the combined marking of its inputs.")
    var save: String?

    @Option(parsing: .unconditional, help: "With --save: who is saving, for the audit log (default: $USER).")
    var by: String?

    func validate() throws {
        if save != nil && workspace == nil { throw ValidationError("--save needs --workspace (a plan is saved in a workspace)") }
        guard riskRuns == 0 || InputLimits.riskRuns.contains(riskRuns) else {
            throw ValidationError("--risk-runs: \(riskRuns) is outside 0–\(InputLimits.riskRuns.upperBound) (0 leaves risk out)")
        }
    }

    func run() async throws {
        let lang = CLI.use(lang)
        if let save, let workspace {
            let actor = by ?? ProcessInfo.processInfo.environment["USER"] ?? "cli"
            let commission = Commission(store: CLI.openWorkspace(workspace))
            let saved = CLI.guarded { try commission.savePlan(name: save, mode: mode, by: .fileHolder(actor)) }
            FileHandle.standardError.write(Data("\(CLI.shown(workspace)): saved the \(mode.rawValue) plan as '\(save)' (id \(saved.id), \(saved.marking))\n".utf8))
        }
        let scenario = try CLI.scenario(file: scenario, workspace: workspace)
        let planner = CLI.guarded { try Planner(scenario: scenario) }
        var plan = planner.plan(mode: mode)
        guard plan.verification.ok else {
            CLI.fail("internal error: the plan did not pass verification:\n" +
                     plan.verification.violations.map { "  \($0)" }.joined(separator: "\n"))
        }
        if riskRuns > 0 {
            // The risk of this plan beside the other mode's and no change; a plan is still a
            // plan without it, so a failure is reported and the plan printed.
            let otherPlan = planner.plan(mode: mode == .conditions ? .deadlines : .conditions)
            if otherPlan.verification.ok {
                do {
                    plan.risk = try await PlanRisk.planSummary(planner: planner, mode: mode, plan: plan, otherPlan: otherPlan,
                                                               runs: riskRuns, seed: 1, threshold: PlanRisk.defaultThreshold)
                } catch {
                    FileHandle.standardError.write(Data("intiqal: risk not estimated: \(error)\n".utf8))
                }
            }
        }
        let text: String
        switch format {
        case .table: text = PlanTableRenderer(scenario: scenario, language: lang).render(plan)
        case .json: text = try CLI.json(plan)
        case .html: text = PlanHTMLRenderer(scenario: scenario, language: lang).render(plan)
        }
        try CLI.emit(text, to: out)
    }
}

/// `intiqal verify-plan PLAN.json [SCENARIO]`
struct VerifyPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-plan",
        abstract: "Check a saved plan against its scenario; exit 1 naming every violation.",
        discussion: "With no SCENARIO, uses the bundled scenario the plan names."
    )

    @Argument(help: "A plan saved with `intiqal plan --format json`.")
    var plan: String

    @Argument(help: "The scenario file (default: the bundled scenario the plan names).")
    var scenario: String?

    func run() async throws {
        let saved: Plan = try CLI.decodeJSON(Plan.self, file: plan)
        let scenario = try CLI.loadScenario(scenario ?? saved.scenario)
        let result = PlanVerifier(scenario: scenario).verify(saved)
        if result.ok {
            print("\(plan): ok (\(saved.mode.rawValue) plan of \(saved.scenario), \(saved.moves.count) moves verified)")
        } else {
            let n = result.diagnostics.count
            let head = CLI.language == .ar ? "\(n) مخالفة" : "\(n) violation\(n == 1 ? "" : "s")"
            CLI.fail("\(plan): \(head):\n" + result.diagnostics.map { "  \($0.message.text(CLI.language))" }.joined(separator: "\n"))
        }
    }
}
