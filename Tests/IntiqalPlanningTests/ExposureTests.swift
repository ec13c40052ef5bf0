import IntiqalDomain
@testable import IntiqalPlanning
import IntiqalScenario
import Testing

/// What the risk model reads from a plan: capability gap and coalition share per region and month.
@Suite struct ExposureTests {
    let scenario = try! ScenarioLoader.loadBundled("iraq-2024").scenario

    @Test func noChangeKeepsEveryAdviserAndOnlyClosesGapsByGrowth() throws {
        let planner = try Planner(scenario: scenario)
        for series in planner.noChangeExposures() {
            #expect(series.coalitionShare.allSatisfy { $0 == 1 })
            #expect(series.gap.count == scenario.horizonMonths)
            #expect(zip(series.gap, series.gap.dropFirst()).allSatisfy { $0 >= $1 - 1e-9 }, "\(series.region)")
        }
    }

    @Test(arguments: ["iraq-2024", "contested-2025"])
    func withEveryAdviserPresentTheGapIsTheGatesShortfall(name: String) throws {
        // The risk model's gap follows the gates' projection (each delegation's rating from its
        // own month, the cautious one counting): under no change they agree month by month.
        var scenario = try ScenarioLoader.loadBundled(name).scenario
        // A re-rating by one delegation only, so the two projections part.
        scenario.assessments.append(Assessment(party: "IRQ", factor: .capability, region: "anbar", capability: "isr",
                                               month: scenario.start.adding(months: 3), value: 3,
                                               scale: .init(factor: .capability, version: scenario.currentScale(for: .capability).version)))
        let planner = try Planner(scenario: scenario)
        let evaluator = GateEvaluator(scenario: scenario)
        var compared = 0
        for series in planner.noChangeExposures() {
            // The pairs the gap sums over: every region × capability with a rating.
            let keys = Set(scenario.assessments.compactMap { a in
                a.factor != .threat && a.region == series.region ? a.capability.map { GateKey(region: a.region, capability: $0) } : nil
            })
            for i in 0..<scenario.horizonMonths {
                let checks = keys.map { evaluator.evaluate($0, at: scenario.start.adding(months: i)) }
                guard checks.allSatisfy({ $0.capability != nil && $0.requirement != nil && !$0.basis.contains(where: \.disputed) }) else { continue }
                let shortfall = checks.map { max(0, $0.requirement! - $0.capability!) }.reduce(0, +)
                #expect(abs(series.gap[i] - shortfall) < 1e-9, "\(name) \(series.region) month \(i): \(series.gap[i]) vs \(shortfall)")
                compared += 1
            }
        }
        #expect(compared > 100)
    }

    @Test func anAreasWeightScalesItsShareOfTheGap() throws {
        // The gap of a region is the weighted sum of its areas' shortfalls: weighting one area
        // by 3 adds twice that area's shortfall, month by month.
        let plain = try Planner(scenario: scenario)
        var heavier = scenario
        let area = "air-cover"
        let index = try #require(heavier.capabilities.firstIndex { $0.id == area })
        heavier.capabilities[index].weight = 3
        let weighted = try Planner(scenario: heavier)
        let evaluator = GateEvaluator(scenario: scenario)
        var compared = 0
        for (a, b) in zip(plain.noChangeExposures(), weighted.noChangeExposures()) {
            #expect(a.region == b.region)
            let key = GateKey(region: a.region, capability: area)
            for i in 0..<scenario.horizonMonths {
                let check = evaluator.evaluate(key, at: scenario.start.adding(months: i))
                guard let c = check.capability, let r = check.requirement else { continue }
                #expect(abs(b.gap[i] - a.gap[i] - 2 * max(0, r - c)) < 1e-9, "\(a.region) month \(i)")
                compared += 1
            }
        }
        #expect(compared > 30)
        // A weight of 0 takes the area out of the gap.
        heavier.capabilities[index].weight = 0
        let without = try Planner(scenario: heavier).noChangeExposures()
        #expect(zip(without, plain.noChangeExposures()).allSatisfy { zip($0.gap, $1.gap).allSatisfy { $0 <= $1 + 1e-12 } })
    }

    @Test func conditionsFirstLeavesNoGapBehindAHandover() throws {
        let planner = try Planner(scenario: scenario)
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

    @Test func deadlineFirstLeavesAGapWhereItForcesAHandover() throws {
        let planner = try Planner(scenario: scenario)
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
