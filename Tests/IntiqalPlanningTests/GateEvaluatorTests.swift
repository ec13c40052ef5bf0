import IntiqalDomain
import IntiqalPlanning
import Testing

/// Gates: capability ≥ requirement (on the requirement's scale), threat ≤ ceiling and not rising,
/// no disputed rating, held for the policy's months; capability projected with growth.
@Suite struct GateEvaluatorTests {
    typealias F = GateFixture

    static func check(_ scenario: Scenario, at offset: Int = 0) -> GateCheck {
        GateEvaluator(scenario: scenario).evaluate(F.key, at: F.month(offset))
    }

    @Test func gateHoldsWhenEveryConditionIsMet() {
        let c = Self.check(F.scenario())
        #expect(c.met)
        #expect(c.unmet.isEmpty)
        #expect(c.capability == 3)
        #expect(c.requirement == 2)
        #expect(c.threat == 2)
        #expect(c.trend == .falling)
        #expect(c.basis.map(\.factor) == [.threat, .requirement, .capability])
    }

    @Test func threatAboveTheCeilingBlocks() {
        let c = Self.check(F.scenario(threat: F.both(.threat, 4, trend: .falling)))
        #expect(!c.met)
        #expect(c.unmet == ["threat 4 above ceiling 3"])
    }

    @Test func threatAtTheCeilingPasses() {
        #expect(Self.check(F.scenario(threat: F.both(.threat, 3, trend: .steady))).met)
    }

    @Test func risingThreatBlocksWhateverItsLevel() {
        let threat = [F.rating("IRQ", .threat, 1, trend: .falling), F.rating("USA", .threat, 1, trend: .rising)]
        let c = Self.check(F.scenario(threat: threat))
        #expect(!c.met)
        #expect(c.trend == .rising)
        #expect(c.unmet == ["threat rising"])
    }

    @Test func risingThreatPassesWhenThePolicyAllowsIt() {
        let threat = [F.rating("IRQ", .threat, 1, trend: .rising), F.rating("USA", .threat, 1, trend: .rising)]
        let policy = Policy(threatCeiling: 3, blockRisingThreat: false, holdMonths: 1, disputeTolerance: 1,
                            requireReintervention: false, reinterventionMonths: 0)
        #expect(Self.check(F.scenario(threat: threat, policy: policy)).met)
    }

    @Test func capabilityBelowRequirementBlocks() {
        let c = Self.check(F.scenario(capability: F.both(.capability, 1.5)))
        #expect(!c.met)
        #expect(c.unmet == ["ISF capability 1.5 below requirement 2"])
    }

    @Test func disputedRatingBlocksTheGate() {
        let capability = [F.rating("IRQ", .capability, 3.5), F.rating("USA", .capability, 2)]
        let c = Self.check(F.scenario(capability: capability))
        #expect(!c.met)
        #expect(c.capability == nil)
        #expect(c.unmet == ["capability rating for isr/anbar is disputed (IRQ 3.5, USA 2)"])
        #expect(c.basis.first { $0.factor == .capability }?.disputed == true)
    }

    @Test func resolutionUnblocksADisputedRating() {
        let capability = [F.rating("IRQ", .capability, 3.5), F.rating("USA", .capability, 2)]
        let resolution = Resolution(subject: RatingSubject(factor: .capability, region: "anbar", capability: "isr"),
                                    month: F.month(2), value: 2.5, decision: "HMC-2030-07")
        let scenario = F.scenario(capability: capability, resolutions: [resolution])
        #expect(!Self.check(scenario, at: 1).met)
        let c = Self.check(scenario, at: 2)
        #expect(c.met, "\(c.unmet)")
        #expect(c.capability == 2.5)
        let basis = c.basis.first { $0.factor == .capability }
        #expect(basis?.disputed == false)
        #expect(basis?.resolution == "HMC-2030-07")
    }

    @Test func missingRatingBlocksAndIsNamed() {
        let c = Self.check(F.scenario(requirement: []))
        #expect(!c.met)
        #expect(c.unmet == ["no joint requirement rating for isr/anbar by 2030-01"])
    }

    @Test func capabilityIsProjectedWithGrowthWhileAdvisersArePresent() {
        let scenario = F.scenario(capability: F.both(.capability, 1.5), growth: Growth(withAdvisersPerMonth: 0.1))
        let now = Self.check(scenario, at: 0)
        #expect(!now.met)
        #expect(now.basis.first { $0.factor == .capability }?.projected == false)
        let four = Self.check(scenario, at: 4)
        #expect(!four.met)
        #expect(abs((four.capability ?? 0) - 1.9) < 1e-9)
        let five = Self.check(scenario, at: 5)
        #expect(five.met, "\(five.unmet)")
        #expect(abs((five.capability ?? 0) - 2.0) < 1e-9)
        #expect(five.basis.first { $0.factor == .capability }?.projected == true)
    }

    @Test func projectionUsesThePerCapabilityRateAndStopsAtTheScaleMaximum() {
        let growth = Growth(withAdvisersPerMonth: 0, byCapability: ["isr": 0.5])
        let scenario = F.scenario(capability: F.both(.capability, 3), growth: growth)
        #expect(abs((Self.check(scenario, at: 1).capability ?? 0) - 3.5) < 1e-9)
        #expect(Self.check(scenario, at: 6).capability == 4)
    }

    @Test func timelineCountsHeldMonthsAndReleasesAfterThePolicysMonths() {
        let policy = Policy(threatCeiling: 3, blockRisingThreat: true, holdMonths: 2, disputeTolerance: 1,
                            requireReintervention: false, reinterventionMonths: 0)
        let scenario = F.scenario(capability: F.both(.capability, 1.5), policy: policy, growth: Growth(withAdvisersPerMonth: 0.1))
        let timeline = GateEvaluator(scenario: scenario).timeline(for: F.key)
        #expect(timeline.checks.count == 12)
        #expect(timeline.checks.map(\.heldMonths).prefix(8) == [0, 0, 0, 0, 0, 1, 2, 3])
        #expect(timeline.release == 6)
        #expect(timeline.checks.allSatisfy { $0.holdsFrom == F.month(6) })
    }

    @Test func gateThatNeverHoldsHasNoRelease() {
        let timeline = GateEvaluator(scenario: F.scenario(threat: F.both(.threat, 5, trend: .steady))).timeline(for: F.key)
        #expect(timeline.release == nil)
        #expect(timeline.checks.allSatisfy { $0.heldMonths == 0 && $0.holdsFrom == nil })
    }

    @Test func capabilityIsComparedOnTheRequirementsScaleWhenScalesDiffer() {
        // Capability on a 0–10 scale; requirement on the default 0–4. 6/10 is 2.4/4 (passes 2);
        // 4/10 is 1.6/4 (fails 2), though 4 ≥ 2 if compared unconverted.
        let tenPoint = RatingScale(factor: .capability, version: 2, minimum: 0, maximum: 10)
        func capability(_ v: Double) -> [Assessment] {
            ["IRQ", "USA"].map { F.rating($0, .capability, v, version: 2) }
        }
        let pass = Self.check(F.scenario(capability: capability(6), scales: [tenPoint]))
        #expect(pass.met, "\(pass.unmet)")
        #expect(abs((pass.capability ?? 0) - 2.4) < 1e-9)
        let fail = Self.check(F.scenario(capability: capability(4), scales: [tenPoint]))
        #expect(!fail.met)
        #expect(abs((fail.capability ?? 0) - 1.6) < 1e-9)
        #expect(fail.unmet == ["ISF capability 1.6 below requirement 2"])
    }
}
