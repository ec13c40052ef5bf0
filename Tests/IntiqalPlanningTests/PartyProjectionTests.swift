import IntiqalDomain
@testable import IntiqalPlanning
import IntiqalScenario
import Testing

/// A delegation that re-rates does not freeze the other delegation's older rating.
@Suite struct PartyProjectionTests {
    @Test func eachDelegationsCapabilityGrowsFromItsOwnMonth() throws {
        var scenario = try ScenarioLoader.loadBundled("iraq-2024").scenario
        // Iraq re-rates ISR in Anbar at 3.0 in 2025-01; the US rating stays 2.5 from 2024-09.
        scenario.assessments.append(Assessment(party: "IRQ", factor: .capability, region: "anbar", capability: "isr",
                                               month: YearMonth(year: 2025, month: 1), value: 3,
                                               scale: .init(factor: .capability, version: 1)))
        let month = YearMonth(year: 2025, month: 1)
        let check = GateEvaluator(scenario: scenario).evaluate(GateKey(region: "anbar", capability: "isr"), at: month)
        // USA: 2.5 + 4 months × 0.08 = 2.82, the lower of the two projections.
        let capability = try #require(check.capability)
        #expect(abs(capability - 2.82) < 1e-9)
        // The verifier reaches the same verdict month by month on its own.
        let verifier = PlanVerifier(scenario: scenario)
        let evaluator = GateEvaluator(scenario: scenario)
        let key = GateKey(region: "anbar", capability: "isr")
        for i in 0..<18 {
            let m = scenario.start.adding(months: i)
            let timeline = evaluator.timeline(for: key)
            #expect(verifier.gateHeld(key, at: m) == (timeline.checks[i].heldMonths >= scenario.policy.holdMonths), "\(m)")
        }
    }
}
