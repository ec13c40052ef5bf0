import IntiqalDomain

/// What a region is exposed to month by month under a plan: the weighted capability gap
/// (requirement minus projected ISF capability, summed over capability areas, each area's
/// shortfall times its `weight`) and the share of its coalition advisers still present. The
/// risk model reads these.
public struct ExposureSeries: Sendable, Hashable, Codable {
    public var region: String
    /// Weighted scale points on the requirement scale, ≥ 0, per plan month.
    public var gap: [Double]
    /// 0…1 per plan month (1 for a region that had no advisers).
    public var coalitionShare: [Double]
}

extension Planner {
    /// Exposures of each region with ratings under `plan`. ISF capability grows at the policy's
    /// rate while advisers of its region × capability are present and at the lower rate once
    /// they have gone, from each delegation's rating as the gates project it (so with every
    /// adviser present the gap is the gates' requirement minus capability); the gap counts only
    /// shortfalls below the requirement.
    public func exposures(of plan: Plan) -> [ExposureSeries] {
        var present: [GateKey: [Int]] = [:]
        let T = scenario.horizonMonths
        var initial: [GateKey: Int] = [:]
        for site in scenario.sites {
            for team in site.teams { initial[team.gateKey, default: 0] += team.headcount }
        }
        var left = initial
        var byMonth: [Int: [Plan.Move]] = [:]
        // A move larger than any team (only a plan not made by this planner has one) is not counted.
        for move in plan.moves where move.kind == .depart && (0...PlanVerifier.largestMove).contains(move.personnel) {
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
        // In a fixed order, so that the gap's floating-point sums (and the risk built on them) are
        // the same from run to run, from a file or from a workspace.
        var pairsByRegion: [String: [GateKey]] = [:]
        for key in pairs.sorted() { pairsByRegion[key.region, default: []].append(key) }
        let presentKeys = Set(initial.keys.map(\.region))
        let regions = scenario.regions.map(\.id).filter { r in pairsByRegion[r] != nil || presentKeys.contains(r) }
        let withoutRate = scenario.growth.withoutAdvisersPerMonth
        let top = Double(capabilityScale.maximum)
        return regions.map { region in
            var gap = Array(repeating: 0.0, count: T)
            var here = Array(repeating: 0, count: T)
            var start = 0
            for key in pairsByRegion[region] ?? [] {
                let capSubject = RatingSubject(factor: .capability, region: region, capability: key.capability)
                let reqSubject = RatingSubject(factor: .requirement, region: region, capability: key.capability)
                // Months with advisers present, as a prefix sum over plan months.
                var withAdvisers = [0]
                for i in 0..<T { withAdvisers.append(withAdvisers[i] + ((present[key]?[i] ?? 0) > 0 ? 1 : 0)) }
                let rate = scenario.growth.rate(for: key.capability)
                let weight = scenario.capabilities.first { $0.id == key.capability }?.weight ?? 1
                for i in 0..<T {
                    let month = scenario.start.adding(months: i)
                    guard let c = book.rating(capSubject, asOf: month),
                          let r = book.rating(reqSubject, asOf: month), let rv = r.value ?? r.byParty.map(\.value).max()
                    else { continue }
                    // As the gates do: each delegation's rating grows from its own month (a
                    // resolution from its month), faster while advisers are present (months
                    // before the plan count as present); the cautious projection counts.
                    let sources = c.resolution != nil || c.byParty.isEmpty
                        ? c.value.map { [($0, c.basisMonth)] } ?? []
                        : c.byParty.map { ($0.value, $0.month) }
                    let projections = sources.map { value, basis -> Double in
                        let b = basis.months(since: scenario.start)
                        let before = max(0, -b - 1)
                        let first = max(b + 1, 0)
                        let inPlan = max(0, i - first + 1)
                        let with = inPlan > 0 ? withAdvisers[i + 1] - withAdvisers[first] : 0
                        return min(top, value + rate * Double(before + with) + withoutRate * Double(inPlan - with))
                    }
                    guard let projected = projections.min() else { continue }
                    let comparable = capabilityScale.convert(projected, to: requirementScale)
                    gap[i] += weight * max(0, rv - comparable)
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
