import IntiqalDomain

/// What a region is exposed to month by month under a plan: the weighted capability gap
/// (requirement minus projected ISF capability, summed over capability areas) and the share
/// of its coalition advisers still present. The risk model reads these.
public struct ExposureSeries: Sendable, Hashable, Codable {
    public var region: String
    /// Scale points on the requirement scale, ≥ 0, per plan month.
    public var gap: [Double]
    /// 0…1 per plan month (1 for a region that had no advisers).
    public var coalitionShare: [Double]
}

extension Planner {
    /// Exposures of each region with ratings under `plan`. ISF capability grows at the policy's
    /// rate while advisers of its region × capability are present and at the lower rate once
    /// they have gone; the gap counts only shortfalls below the requirement.
    public func exposures(of plan: Plan) -> [ExposureSeries] {
        var present: [GateKey: [Int]] = [:]
        let T = scenario.horizonMonths
        var initial: [GateKey: Int] = [:]
        for site in scenario.sites {
            for team in site.teams { initial[team.gateKey, default: 0] += team.headcount }
        }
        var left = initial
        var byMonth: [Int: [Plan.Move]] = [:]
        for move in plan.moves where move.kind == .depart {
            byMonth[move.month.months(since: scenario.start), default: []].append(move)
        }
        var teamKey: [String: GateKey] = [:]
        for site in scenario.sites { for team in site.teams { teamKey[team.id] = team.gateKey } }
        for key in initial.keys { present[key] = Array(repeating: 0, count: T) }
        for i in 0..<T {
            for move in byMonth[i] ?? [] {
                if let id = move.team, let key = teamKey[id] { left[key, default: 0] -= move.personnel }
            }
            for key in initial.keys { present[key]![i] = left[key] ?? 0 }
        }
        return exposures(present: present, initial: initial)
    }

    /// The no-change baseline: every adviser stays for the whole horizon.
    public func noChangeExposures() -> [ExposureSeries] {
        var present: [GateKey: [Int]] = [:]
        var initial: [GateKey: Int] = [:]
        for site in scenario.sites {
            for team in site.teams { initial[team.gateKey, default: 0] += team.headcount }
        }
        for (key, n) in initial { present[key] = Array(repeating: n, count: scenario.horizonMonths) }
        return exposures(present: present, initial: initial)
    }

    private func exposures(present: [GateKey: [Int]], initial: [GateKey: Int]) -> [ExposureSeries] {
        let T = scenario.horizonMonths
        let book = evaluator.book
        let capabilityScale = scenario.currentScale(for: .capability)
        let requirementScale = scenario.currentScale(for: .requirement)
        var pairs = Set<GateKey>()
        for subject in book.subjects where subject.factor != .threat {
            if let k = subject.capability { pairs.insert(GateKey(region: subject.region, capability: k)) }
        }
        let regions = scenario.regions.map(\.id).filter { r in pairs.contains { $0.region == r } || initial.keys.contains { $0.region == r } }
        return regions.map { region in
            var gap = Array(repeating: 0.0, count: T)
            var here = Array(repeating: 0, count: T)
            var start = 0
            for key in pairs where key.region == region {
                let capSubject = RatingSubject(factor: .capability, region: region, capability: key.capability)
                let reqSubject = RatingSubject(factor: .requirement, region: region, capability: key.capability)
                var withAdvisers = 0, without = 0
                var lastBasis: YearMonth?
                for i in 0..<T {
                    let month = scenario.start.adding(months: i)
                    guard let c = book.rating(capSubject, asOf: month), let cv = c.value ?? c.byParty.map(\.value).min(),
                          let r = book.rating(reqSubject, asOf: month), let rv = r.value ?? r.byParty.map(\.value).max()
                    else { continue }
                    if lastBasis != c.basisMonth {
                        // A new rating: growth counts from it.
                        lastBasis = c.basisMonth
                        withAdvisers = max(0, month.months(since: c.basisMonth) - 1)
                        without = 0
                    }
                    let advisers = present[key]?[i] ?? 0
                    if advisers > 0 { withAdvisers += 1 } else { without += 1 }
                    let projected = min(Double(capabilityScale.maximum),
                                        cv + scenario.growth.rate(for: key.capability) * Double(withAdvisers)
                                            + scenario.growth.withoutAdvisersPerMonth * Double(without))
                    let comparable = capabilityScale.convert(projected, to: requirementScale)
                    gap[i] += max(0, rv - comparable)
                }
            }
            for (key, series) in present where key.region == region {
                start += initial[key] ?? 0
                for i in 0..<T { here[i] += series[i] }
            }
            let share = (0..<T).map { i in start == 0 ? 1.0 : Double(here[i]) / Double(start) }
            return ExposureSeries(region: region, gap: gap, coalitionShare: share)
        }
    }
}
