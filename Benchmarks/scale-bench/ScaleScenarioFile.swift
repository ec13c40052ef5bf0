/// Writes a valid scenario file (YAML, ratings as monthly series in flow maps) of a chosen size,
/// deterministically: `regions` × `capabilities`, two sites per region with five teams each,
/// three phases, no incidents (the risk model takes its defaults), and `ratingMonths` months of monthly ratings by both delegations of every
/// threat, requirement and ISF capability. Ratings = 2 × (regions + 2 × regions × capabilities)
/// × ratingMonths; the defaults with 234 months give 2,854,800 ratings in about 50 MB, the shape
/// of the large scenario of issue 9.
struct ScaleScenarioFile {
    var regions = 100
    var capabilities = 30
    var ratingMonths = 234
    var horizonMonths = 36
    /// Start of the plan; ratings run up to 12 months after it.
    var startYear = 2040

    var ratings: Int { 2 * (regions + 2 * regions * capabilities) * ratingMonths }

    /// Months with ratings for `ratings` ratings at the default structure (at least 1).
    static func months(forRatings n: Int, regions: Int = 100, capabilities: Int = 30) -> Int {
        max(1, n / (2 * (regions + 2 * regions * capabilities)))
    }

    private func month(_ index: Int) -> String {
        // index 0 = start; may be negative.
        let total = startYear * 12 + index
        let y = total / 12, m = total % 12 + 1
        return "\(y)-\(m < 10 ? "0" : "")\(m)"
    }

    /// A small deterministic hash, for variety without a generator's state.
    private func mix(_ a: Int, _ b: Int, _ c: Int = 0) -> Int {
        var z = UInt64(truncatingIfNeeded: a &* 1_000_003 &+ b &* 10_007 &+ c)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: (z ^ (z >> 31)) & 0x7FFF_FFFF)
    }

    /// The whole file, appended to `out` in pieces (one line per rating series).
    func write(_ out: (String) -> Void) {
        let phases = 3
        func phaseOf(region r: Int) -> Int { r * phases / regions }
        out("""
            id: scale-\(ratings)
            name: {en: "Scale test (\(regions) regions, \(capabilities) capabilities, \(ratingMonths) months of ratings)"}
            start: \(month(0))
            horizonMonths: \(horizonMonths)
            parties:
              - {id: IRQ, name: {en: Iraq}, role: host}
              - {id: USA, name: {en: United States}, role: lead}
            policy: {threatCeiling: 3, blockRisingThreat: true, holdMonths: 3, disputeTolerance: 1, requireReintervention: true, reinterventionMonths: 2, ratingParties: [IRQ, USA]}
            growth: {withAdvisersPerMonth: 0.1}

            """)
        out("regions:\n")
        for r in 0..<regions { out("  - {id: r\(r), name: {en: Region \(r)}}\n") }
        out("capabilities:\n")
        for k in 0..<capabilities { out("  - {id: k\(k), name: {en: Capability \(k)}}\n") }
        out("sites:\n")
        var perSite: [String] = []
        var teamTotal = 0
        for r in 0..<regions {
            for s in 0..<2 {
                let id = "s\(r)-\(s)"
                let neighbour = (r + 1) % regions
                let supports = phaseOf(region: neighbour) >= phaseOf(region: r) ? "[r\(r), r\(neighbour)]" : "[r\(r)]"
                var teams: [String] = []
                for t in 0..<5 {
                    let region = t == 4 && supports.contains(",") ? neighbour : r
                    let headcount = 10 + mix(r, s, t) % 51
                    teamTotal += headcount
                    teams.append("{id: t\(r)-\(s)-\(t), region: r\(region), capability: k\(mix(r, s * 5 + t, 7) % capabilities), headcount: \(headcount), nation: USA}")
                }
                perSite.append("\(id): 150")
                out("  - {id: \(id), name: {en: Site \(id)}, region: r\(r), supports: \(supports), minimumGarrison: \(20 + mix(r, s, 9) % 41), teams: [\(teams.joined(separator: ", "))]}\n")
            }
        }
        out("capacity: {overallPerMonth: \(max(300, teamTotal / (horizonMonths / 2))), perSite: {\(perSite.joined(separator: ", "))}}\n")
        out("phases:\n")
        for p in 0..<phases {
            let rs = (0..<regions).filter { phaseOf(region: $0) == p }
            let sites = rs.flatMap { ["s\($0)-0", "s\($0)-1"] }
            out("  - {id: p\(p), name: {en: Phase \(p + 1)}, sites: [\(sites.joined(separator: ", "))], regions: [\(rs.map { "r\($0)" }.joined(separator: ", "))], deadline: \(month(horizonMonths * (p + 1) / (phases + 1)))\(p == 0 ? "" : ", after: [p\(p - 1)]")}\n")
        }
        out("assessments:\n")
        let first = 12 - ratingMonths   // the last rating month is start + 11
        for party in ["IRQ", "USA"] {
            let lean = party == "IRQ" ? 1 : 0
            for r in 0..<regions {
                // Threat falls from 4 to 2 over the series, at a pace of the region's.
                var line = "  - {party: \(party), factor: threat, region: r\(r), values: {"
                for i in 0..<ratingMonths {
                    let progress = Double(i) / Double(max(1, ratingMonths - 1))
                    let value = max(1, 4 - Int(progress * Double(2 + mix(r, 1) % 2)))
                    line += "\(i == 0 ? "" : ", ")\(month(first + i)): \(value) \(i % 7 == 3 ? "steady" : "falling")"
                }
                out(line + "}}\n")
                for k in 0..<capabilities {
                    var req = "  - {party: \(party), factor: requirement, region: r\(r), capability: k\(k), values: {"
                    var cap = "  - {party: \(party), factor: capability, region: r\(r), capability: k\(k), values: {"
                    // Capability climbs from 0.5 to 1.5–3.4 over the series (the gates then open
                    // at different months of the plan as it grows further with advisers present).
                    let target = 2 + mix(r, k, 3) % 2
                    let final = 15 + mix(r, k, 5) % 20
                    for i in 0..<ratingMonths {
                        let sep = i == 0 ? "" : ", "
                        req += "\(sep)\(month(first + i)): \(target)"
                        let tenths = 5 + lean + (final - 5) * i / max(1, ratingMonths - 1)
                        cap += "\(sep)\(month(first + i)): \(tenths / 10).\(tenths % 10)"
                    }
                    out(req + "}}\n")
                    out(cap + "}}\n")
                }
            }
        }
    }
}
