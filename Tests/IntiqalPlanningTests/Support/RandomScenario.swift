import IntiqalDomain

/// Small random scenarios for property tests: one or two phases, one or two sites, up to
/// three teams, a few months, gates that open at random months, random capacities, garrisons,
/// deadlines and re-intervention policy. Teams never need relocation (a team's region is in
/// its site's phase or an earlier one), so exhaustive search covers every legal schedule.
enum RandomScenario {
    static func make(seed: UInt64, months: Int = 4) -> Scenario {
        var g = SeededGenerator(seed: seed)
        func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &g) }
        let start = YearMonth(year: 2030, month: 1)
        let phaseCount = int(1...2)
        let siteCount = int(1...2)
        let regions = (0..<phaseCount).map { Region(id: "r\($0)", name: .init(en: "Region \($0)")) }
        let sitePhase = (0..<siteCount).map { min($0, phaseCount - 1) }
        var teams: [[AdviserTeam]] = Array(repeating: [], count: siteCount)
        for t in 0..<int(1...3) {
            let s = int(0...(siteCount - 1))
            let r = int(0...sitePhase[s])
            teams[s].append(AdviserTeam(id: "t\(t)", region: "r\(r)", capability: "c", headcount: int(1...2), nation: "USA"))
        }
        let overall = int(1...3)
        var perSite: [String: Int] = [:]
        var sites: [Site] = []
        for s in 0..<siteCount {
            let cap = int(1...3)
            perSite["s\(s)"] = cap
            var supports = Set(teams[s].map(\.region))
            if int(0...1) == 1 { supports.insert("r\(int(0...(phaseCount - 1)))") }
            if supports.isEmpty { supports.insert("r\(sitePhase[s])") }
            sites.append(Site(id: "s\(s)", name: .init(en: "Site \(s)"), region: "r\(sitePhase[s])",
                              supports: supports.sorted(), minimumGarrison: int(0...min(1, cap, overall)), teams: teams[s]))
        }
        let phases = (0..<phaseCount).map { p in
            Phase(id: "p\(p)", name: .init(en: "Phase \(p)"),
                  sites: (0..<siteCount).filter { sitePhase[$0] == p }.map { "s\($0)" },
                  regions: ["r\(p)"],
                  deadline: int(0...2) == 0 ? nil : start.adding(months: int(0...(months - 1))),
                  after: p == 0 ? [] : ["p\(p - 1)"])
        }
        let hold = int(1...2)
        let policy = Policy(threatCeiling: 2, blockRisingThreat: true, holdMonths: hold, disputeTolerance: 1,
                            requireReintervention: int(0...1) == 1, reinterventionMonths: int(1...2),
                            ratingParties: ["IRQ", "USA"])
        var assessments: [Assessment] = []
        let early = start.adding(months: -3)
        for party in ["IRQ", "USA"] {
            for region in regions {
                assessments.append(Assessment(party: party, factor: .threat, region: region.id, capability: nil, month: early,
                                              value: 1, trend: .falling, scale: .init(factor: .threat, version: 1)))
                assessments.append(Assessment(party: party, factor: .requirement, region: region.id, capability: "c", month: early,
                                              value: 2, scale: .init(factor: .requirement, version: 1)))
            }
        }
        for region in regions {
            // Capability reaches the requirement in a random month (possibly never within the horizon).
            let opens = int(-2...months)
            for party in ["IRQ", "USA"] {
                assessments.append(Assessment(party: party, factor: .capability, region: region.id, capability: "c", month: early,
                                              value: 1, scale: .init(factor: .capability, version: 1)))
                let m = start.adding(months: opens - 1)
                if opens <= months - 1, m > early {
                    assessments.append(Assessment(party: party, factor: .capability, region: region.id, capability: "c", month: m,
                                                  value: 2, scale: .init(factor: .capability, version: 1)))
                }
            }
        }
        return Scenario(id: "random-\(seed)", name: .init(en: "Random \(seed)"), start: start, horizonMonths: months,
                        parties: [Party(id: "IRQ", name: .init(en: "Iraq"), role: .host),
                                  Party(id: "USA", name: .init(en: "United States"), role: .lead)],
                        regions: regions, capabilities: [CapabilityArea(id: "c", name: .init(en: "Capability"))],
                        scales: [], sites: sites, phases: phases, assessments: assessments, policy: policy,
                        capacity: Capacity(overallPerMonth: overall, perSite: perSite),
                        growth: Growth(withAdvisersPerMonth: 0, withoutAdvisersPerMonth: 0))
    }
}
