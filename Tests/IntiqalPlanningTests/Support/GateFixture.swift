import IntiqalDomain

/// A one-region, one-capability scenario for unit tests of gates and joint ratings.
enum GateFixture {
    static let start = YearMonth(year: 2030, month: 1)
    static let key = GateKey(region: "anbar", capability: "isr")

    static func month(_ offset: Int) -> YearMonth { start.adding(months: offset) }

    static func rating(_ party: String, _ factor: Factor, _ value: Double, at offset: Int = 0, trend: Trend? = nil,
                       version: Int = 1) -> Assessment {
        Assessment(party: party, factor: factor, region: "anbar", capability: factor == .threat ? nil : "isr",
                   month: month(offset), value: value, trend: trend, scale: ScaleReference(factor: factor, version: version))
    }

    /// Both parties rate `value` at `offset`.
    static func both(_ factor: Factor, _ value: Double, at offset: Int = 0, trend: Trend? = nil) -> [Assessment] {
        ["IRQ", "USA"].map { rating($0, factor, value, at: offset, trend: trend) }
    }

    /// Threat 2 falling, requirement 2, capability 3 unless given: a gate that holds.
    static func scenario(threat: [Assessment]? = nil, requirement: [Assessment]? = nil, capability: [Assessment]? = nil,
                         policy: Policy = Policy(threatCeiling: 3, blockRisingThreat: true, holdMonths: 1, disputeTolerance: 1,
                                                 requireReintervention: false, reinterventionMonths: 0),
                         scales: [RatingScale] = [], resolutions: [Resolution] = [],
                         growth: Growth = Growth(withAdvisersPerMonth: 0), months: Int = 12) -> Scenario {
        let assessments = (threat ?? both(.threat, 2, trend: .falling)) + (requirement ?? both(.requirement, 2))
            + (capability ?? both(.capability, 3))
        let team = AdviserTeam(id: "t1", region: "anbar", capability: "isr", headcount: 10, nation: "USA")
        return Scenario(id: "gate-fixture", name: .init(en: "Gate fixture"), start: start, horizonMonths: months,
                        parties: [Party(id: "IRQ", name: .init(en: "Iraq"), role: .host),
                                  Party(id: "USA", name: .init(en: "United States"), role: .lead)],
                        regions: [Region(id: "anbar", name: .init(en: "Anbar"))],
                        capabilities: [CapabilityArea(id: "isr", name: .init(en: "ISR"))], scales: scales,
                        sites: [Site(id: "base", name: .init(en: "Base"), region: "anbar", supports: ["anbar"],
                                     minimumGarrison: 5, teams: [team])],
                        phases: [Phase(id: "p", name: .init(en: "P"), sites: ["base"], regions: ["anbar"], deadline: nil)],
                        assessments: assessments, resolutions: resolutions, policy: policy,
                        capacity: Capacity(overallPerMonth: 100), growth: growth)
    }
}
