import IntiqalDomain

/// Deterministic scenarios of a given size for benchmarks: sites spread over regions, about
/// five adviser teams each, ratings from both delegations for every region × capability with
/// capability gaps that close at different speeds, two or three phases with deadlines.
enum ScenarioGenerator {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func make(sites siteCount: Int, regions regionCount: Int, capabilities capabilityCount: Int,
                     months: Int, seed: UInt64) -> Scenario {
        var g = Generator(state: seed)
        let start = YearMonth(year: 2030, month: 1)
        let regions = (0..<regionCount).map { Region(id: "r\($0)", name: .init(en: "Region \($0)")) }
        let capabilities = (0..<capabilityCount).map { CapabilityArea(id: "k\($0)", name: .init(en: "Capability \($0)")) }
        let phaseCount = min(3, max(1, regionCount / 4))
        func phaseOf(region r: Int) -> Int { r * phaseCount / regionCount }
        var sites: [Site] = []
        var perSite: [String: Int] = [:]
        var teamNumber = 0
        for s in 0..<siteCount {
            let home = s % regionCount
            let neighbour = (home + 1) % regionCount
            var supports = [regions[home].id]
            if phaseOf(region: neighbour) >= phaseOf(region: home) { supports.append(regions[neighbour].id) }
            var teams: [AdviserTeam] = []
            for _ in 0..<5 {
                let region = supports[Int.random(in: 0..<supports.count, using: &g)]
                let k = Int.random(in: 0..<capabilityCount, using: &g)
                teams.append(AdviserTeam(id: "t\(teamNumber)", region: region, capability: capabilities[k].id,
                                         headcount: Int.random(in: 10...60, using: &g), nation: "USA"))
                teamNumber += 1
            }
            perSite["s\(s)"] = 120
            sites.append(Site(id: "s\(s)", name: .init(en: "Site \(s)"), region: regions[home].id, supports: supports,
                              minimumGarrison: Int.random(in: 20...60, using: &g), teams: teams))
        }
        let phases = (0..<phaseCount).map { p in
            Phase(id: "p\(p)", name: .init(en: "Phase \(p)"),
                  sites: sites.indices.filter { phaseOf(region: $0 % regionCount) == p }.map { sites[$0].id },
                  regions: (0..<regionCount).filter { phaseOf(region: $0) == p }.map { regions[$0].id },
                  deadline: start.adding(months: months * (p + 1) / (phaseCount + 1)),
                  after: p == 0 ? [] : ["p\(p - 1)"])
        }
        var assessments: [Assessment] = []
        let rated = start.adding(months: -1)
        for party in ["IRQ", "USA"] {
            for r in regions {
                assessments.append(Assessment(party: party, factor: .threat, region: r.id, capability: nil, month: rated.adding(months: -2),
                                              value: 3, trend: .falling, scale: .init(factor: .threat, version: 1)))
                assessments.append(Assessment(party: party, factor: .threat, region: r.id, capability: nil, month: rated,
                                              value: Double(Int.random(in: 1...3, using: &g)), trend: .falling,
                                              scale: .init(factor: .threat, version: 1)))
                for k in capabilities {
                    assessments.append(Assessment(party: party, factor: .requirement, region: r.id, capability: k.id, month: rated,
                                                  value: 3, scale: .init(factor: .requirement, version: 1)))
                    assessments.append(Assessment(party: party, factor: .capability, region: r.id, capability: k.id, month: rated,
                                                  value: Double(Int.random(in: 0...30, using: &g)) / 10,
                                                  scale: .init(factor: .capability, version: 1)))
                }
            }
        }
        let teamTotal = sites.reduce(0) { $0 + $1.initialHeadcount }
        return Scenario(id: "generated-\(siteCount)", name: .init(en: "Generated \(siteCount) sites"), start: start,
                        horizonMonths: months,
                        parties: [Party(id: "IRQ", name: .init(en: "Iraq"), role: .host),
                                  Party(id: "USA", name: .init(en: "United States"), role: .lead)],
                        regions: regions, capabilities: capabilities, scales: [], sites: sites, phases: phases,
                        assessments: assessments,
                        policy: Policy(threatCeiling: 3, holdMonths: 3, disputeTolerance: 1, requireReintervention: true,
                                       reinterventionMonths: 2),
                        capacity: Capacity(overallPerMonth: max(200, teamTotal / (months / 2)), perSite: perSite),
                        growth: Growth(withAdvisersPerMonth: 0.12))
    }
}
