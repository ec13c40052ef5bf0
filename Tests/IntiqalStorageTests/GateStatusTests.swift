import IntiqalDomain
import IntiqalScenario
@testable import IntiqalStorage
import Testing

/// `intiqal status`: a region × capability pair that no adviser team works on is not needed,
/// not unmet.
@Suite struct GateStatusTests {
    static func example() throws -> Scenario { try ScenarioLoader.loadBundled("iraq-2024").scenario }

    @Test func pairWithoutATeamIsNotNeededNotUnmet() throws {
        let scenario = try Self.example()
        let covered = Set(scenario.sites.flatMap { $0.teams.map(\.gateKey) })
        let gates = GateStatus.all(scenario)
        #expect(gates.count == scenario.regions.count * scenario.capabilities.count)
        for gate in gates {
            let key = GateKey(region: gate.region, capability: gate.capability)
            if covered.contains(key) {
                #expect(gate.state != .notNeeded, "\(key)")
            } else {
                #expect(gate.state == .notNeeded, "\(key) has no team but is \(gate.state)")
                #expect(gate.unmet == ["no adviser team works on \(key)"])
            }
        }
        #expect(gates.contains { $0.state == .notNeeded })
    }

    @Test func summaryCountsNotNeededApart() throws {
        let scenario = try Self.example()
        let gates = GateStatus.all(scenario)
        let line = GateStatus.summary(scenario: scenario.id, gates: gates)
        let unmet = gates.filter { $0.state == .unmet }.count
        let notNeeded = gates.filter { $0.state == .notNeeded }.count
        #expect(notNeeded > 0)
        #expect(line.contains("\(unmet) unmet"))
        #expect(line.hasSuffix("\(notNeeded) not needed"))
        #expect(GateStatus.State.notNeeded.label == "not needed")
    }
}
