import IntiqalDomain
import IntiqalPlanning
import IntiqalPlanRisk
import IntiqalRisk
import IntiqalScenario
import Testing

/// The plan report's risk section: when the incident model cannot be fitted, `plan` says so, as
/// `risk` does, and shows no figures from default parameters as if they were fitted.
@Suite struct PlanRiskSummaryTests {
    static func summary(_ scenario: Scenario) async throws -> (Plan, RiskSummary) {
        let planner = try Planner(scenario: scenario)
        var plan = planner.plan(mode: .conditions)
        let other = planner.plan(mode: .deadlines)
        let risk = try await PlanRisk.planSummary(planner: planner, mode: .conditions, plan: plan, otherPlan: other,
                                                  runs: 500, seed: 1, threshold: PlanRisk.defaultThreshold)
        plan.risk = risk
        return (plan, risk)
    }

    @Test func unfittableIncidentsGiveTheReasonAndNoFigures() async throws {
        var scenario = try ScenarioLoader.loadBundled("iraq-2024").scenario
        scenario.incidents[0].date = "2024-13-45"
        let (plan, risk) = try await Self.summary(scenario)
        #expect(risk.rows.isEmpty)
        let reason = try #require(risk.notEstimated)
        #expect(reason.contains("could not be fitted") && reason.contains("incidents[0].date"))
        #expect(risk.notEstimatedAr?.contains("تعذّر") == true)
        for language in [Language.en, .ar] {
            let table = PlanTableRenderer(scenario: scenario, language: language).render(plan)
            let html = PlanHTMLRenderer(scenario: scenario, language: language).render(plan)
            #expect(!table.contains("no change") && !table.contains("%"))
            #expect(html.contains("incidents[0].date"))
        }
        let table = PlanTableRenderer(scenario: scenario, language: .en).render(plan)
        #expect(table.contains("Risk of resurgence: not estimated: the incident model could not be fitted"))
    }

    @Test func fittedIncidentsGiveFiguresForBothModesAndNoChange() async throws {
        let scenario = try ScenarioLoader.loadBundled("iraq-2024").scenario
        let (_, risk) = try await Self.summary(scenario)
        #expect(risk.notEstimated == nil)
        #expect(risk.rows.map(\.plan) == ["conditions", "deadlines", "baseline"])
    }

    @Test func noIncidentsStillUseTheFlaggedDefaults() async throws {
        var scenario = try ScenarioLoader.loadBundled("iraq-2024").scenario
        scenario.incidents = []
        let (_, risk) = try await Self.summary(scenario)
        #expect(risk.notEstimated == nil)
        #expect(risk.rows.count == 3 && risk.illustrative)
    }
}
