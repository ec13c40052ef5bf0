import IntiqalDomain
@testable import IntiqalPlanning
import IntiqalScenario
import Testing

/// What the risk model reads from a plan: capability gap and coalition share per region and month.
@Suite struct ExposureTests {
    let scenario = try! ScenarioLoader.loadBundled("iraq-2024").scenario

    @Test func noChangeKeepsEveryAdviserAndOnlyClosesGapsByGrowth() {
        let planner = Planner(scenario: scenario)
        for series in planner.noChangeExposures() {
            #expect(series.coalitionShare.allSatisfy { $0 == 1 })
            #expect(series.gap.count == scenario.horizonMonths)
            #expect(zip(series.gap, series.gap.dropFirst()).allSatisfy { $0 >= $1 - 1e-9 }, "\(series.region)")
        }
    }

    @Test func conditionsFirstLeavesNoGapBehindAHandover() {
        let planner = Planner(scenario: scenario)
        let plan = planner.plan(mode: .conditions)
        let exposures = Dictionary(uniqueKeysWithValues: planner.exposures(of: plan).map { ($0.region, $0) })
        for series in exposures.values {
            #expect(series.gap.allSatisfy { $0 >= 0 })
            #expect(series.coalitionShare.last == 0, "\(series.region) still has advisers at the end")
        }
        // Anbar's air cover is handed over only once ISF capability meets the requirement.
        let anbar = exposures["anbar"]!
        let handover = plan.handovers.filter { $0.region == "anbar" }.map { $0.month.months(since: scenario.start) }.max()!
        #expect(anbar.gap[handover] < 1e-9)
    }

    @Test func deadlineFirstLeavesAGapWhereItForcesAHandover() {
        let planner = Planner(scenario: scenario)
        let plan = planner.plan(mode: .deadlines)
        let forced = plan.handovers.first { $0.forced && $0.region == "anbar" }!
        let i = forced.month.months(since: scenario.start)
        let anbar = planner.exposures(of: plan).first { $0.region == "anbar" }!
        #expect(anbar.gap[i] > 0)
        let conditions = planner.exposures(of: planner.plan(mode: .conditions)).first { $0.region == "anbar" }!
        #expect(anbar.gap[i] >= conditions.gap[i])
        #expect(anbar.coalitionShare[i] < conditions.coalitionShare[i])
    }
}
