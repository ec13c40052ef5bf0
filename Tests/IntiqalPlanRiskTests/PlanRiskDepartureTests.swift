import IntiqalDomain
import IntiqalPlanning
import IntiqalPlanRisk
import IntiqalRisk
import IntiqalScenario
import Testing

/// γ_dep from outside (the record's estimate), its interval carried into the Monte Carlo.
@Suite struct PlanRiskDepartureTests {
    let scenario = try! ScenarioLoader.loadBundled("iraq-2024").scenario

    @Test func givenDepartureEffectReplacesTheAssumedOneAndSaysSo() {
        let model = PlanRisk.model(for: scenario, gammaDeparture: 0.671, standardError: 0.138)
        #expect(model.gammaDeparture == 0.671 && model.gammaDepartureStandardError == 0.138)
        #expect(model.logCovariance.isEmpty)
        #expect(!model.notes.contains { $0.hasPrefix("gammaDeparture 0.5 is assumed") })
        #expect(model.notes.contains { $0.contains("gammaDeparture 0.671 given") && $0.contains("0.138") })
        #expect(model.notes.count == model.notesAr.count)
    }

    @Test func largerDepartureEffectRaisesTheDrawdownsIncidentsNotTheBaselines() async throws {
        let planner = try Planner(scenario: scenario)
        let conditions = planner.plan(mode: .conditions), deadlines = planner.plan(mode: .deadlines)
        func run(_ model: RiskModel, uncertain: Bool) async throws -> PlanRisk.Comparison {
            try await PlanRisk.compare(planner: planner, mode: .conditions, plan: conditions, otherPlan: deadlines, model: model,
                                       parameterUncertainty: uncertain, runs: 4_000, seed: 5, threshold: PlanRisk.defaultThreshold)
        }
        let low = try await run(PlanRisk.model(for: scenario, gammaDeparture: 0.2, standardError: nil), uncertain: false)
        let high = try await run(PlanRisk.model(for: scenario, gammaDeparture: 1.2, standardError: nil), uncertain: false)
        // The baseline keeps every adviser: γ_dep does not change its distribution (the joint
        // simulation's layers differ, so runs differ); the drawdown's incidents grow with γ_dep.
        let b0 = low.report.baseline.expectedIncidents, b1 = high.report.baseline.expectedIncidents
        #expect(abs(b0 / b1 - 1) < 0.02)
        #expect(high.report.expectedIncidents > low.report.expectedIncidents)
        let drawn = try await run(PlanRisk.model(for: scenario, gammaDeparture: 0.7, standardError: 0.3), uncertain: true)
        #expect(drawn.report.notes.contains { $0.contains("drawn in every run") })
        #expect(drawn.report.pResurgence.isFinite)
    }
}
