import IntiqalDomain
import IntiqalPlanning
import IntiqalPlanRisk
import IntiqalRisk
import IntiqalScenario
import Testing

/// Plans → risk: the wiring `intiqal risk`, `intiqal plan` and risk-bench share.
@Suite struct PlanRiskTests {
    let scenario = try! ScenarioLoader.loadBundled("iraq-2024").scenario

    @Test func comparesBothModesAndNoChangeFromOneSimulation() async throws {
        let planner = try Planner(scenario: scenario)
        let conditions = planner.plan(mode: .conditions), deadlines = planner.plan(mode: .deadlines)
        let c = try await PlanRisk.compare(planner: planner, mode: .deadlines, plan: deadlines, otherPlan: conditions,
                                           runs: 2_000, seed: 3, threshold: PlanRisk.defaultThreshold)
        #expect(c.mode == .deadlines && c.otherMode == .conditions)
        #expect(c.report.months == scenario.horizonMonths)
        #expect(Set(c.report.byRegion.map(\.region)) == Set(planner.noChangeExposures().map(\.region)))
        // One baseline for both plans; the drawdowns add incidents to it.
        #expect(c.report.baseline == c.other.baseline)
        #expect(c.report.expectedIncidents > c.report.baseline.expectedIncidents)
        #expect(c.other.expectedIncidents > c.other.baseline.expectedIncidents)
        #expect(c.report.illustrative && c.report.notes.contains { $0.contains("illustrative") })
        // The same from the other side, with the modes swapped: the same figures, relabelled.
        let swapped = try await PlanRisk.compare(planner: planner, mode: .conditions, plan: conditions, otherPlan: deadlines,
                                                 runs: 2_000, seed: 3, threshold: PlanRisk.defaultThreshold)
        #expect(swapped.report.baseline == c.report.baseline)
        let summary = PlanRisk.summary(swapped)
        #expect(summary.rows.map(\.plan) == ["conditions", "deadlines", "baseline"])
        #expect(summary.rows[2].pResurgence == c.report.baseline.pResurgence)
    }

    @Test func aModelWithoutUsableIncidentsSaysWhy() {
        var none = scenario
        none.incidents = []
        let empty = PlanRisk.model(for: none)
        #expect(empty.regions.isEmpty && empty.illustrative)
        #expect(empty.notes.contains { $0.contains("no incidents to fit") })
        var broken = scenario
        broken.incidents = [Incident(date: "2024-01-05", until: "2024-13-01", region: "anbar", kind: .attack, count: 4)]
        let bad = PlanRisk.model(for: broken)
        #expect(bad.regions.isEmpty)
        #expect(bad.notes.contains { $0.contains("could not be fitted") && $0.contains("incidents[0].until") }, "\(bad.notes)")
    }
}
