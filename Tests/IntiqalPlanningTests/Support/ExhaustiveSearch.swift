import IntiqalDomain
@testable import IntiqalPlanning

/// Exact search over every legal schedule of a small scenario (dynamic programming over
/// month × state), written from the rules, not from the planner: each month any number of a
/// team's advisers may leave (conditions-first: only once its gate has held, by the verifier's
/// gate test), any emptied site may close, within capacity, phase order and re-intervention cover.
///
/// Objectives, compared lexicographically:
/// - conditions-first: months each phase is incomplete, in phase order; then personnel-months.
/// - deadline-first: deadlines missed, in phase order; then risk debt (adviser-months before the gate); then personnel-months.
struct ExhaustiveSearch {
    let scenario: Scenario
    let mode: PlanMode
    let verifier: PlanVerifier

    init(scenario: Scenario, mode: PlanMode) {
        self.scenario = scenario
        self.mode = mode
        verifier = PlanVerifier(scenario: scenario)
    }

    struct State: Hashable {
        var remaining: [Int]
        var closedAt: [Int]        // -1 open
        var pendingCover: [Int]    // last month cover is needed per region, -1 none
        var complete: [Bool]
    }

    private var teams: [(team: AdviserTeam, site: Int, region: Int)] {
        var result: [(AdviserTeam, Int, Int)] = []
        for (s, site) in scenario.sites.enumerated() {
            for team in site.teams { result.append((team, s, scenario.regions.firstIndex { $0.id == team.region }!)) }
        }
        return result
    }

    /// The optimal objective vector.
    func optimum() -> [Int] {
        let teams = self.teams
        let T = scenario.horizonMonths
        let keys = Array(Set(teams.map(\.team.gateKey))).sorted()
        let held: [[Bool]] = keys.map { key in (0..<T).map { verifier.gateHeld(key, at: scenario.start.adding(months: $0)) } }
        let keyOf = teams.map { t in keys.firstIndex(of: t.team.gateKey)! }
        let phaseOfSite = scenario.sites.map { s in scenario.phases.firstIndex { $0.sites.contains(s.id) } }
        var memo: [Int: [State: [Int]]] = [:]
        let phases = scenario.phases
        let deadline = phases.map { $0.deadline.map { $0.months(since: scenario.start) } }
        // Cover may lapse at a phase's deadline or the earlier deadline of a phase after it.
        var effective = deadline
        for p in phases.indices.reversed() {
            for q in phases.indices where phases[p].after.contains(phases[q].id) {
                if let d = effective[p] { effective[q] = min(effective[q] ?? d, d) }
            }
        }
        let policy = scenario.policy

        func best(_ i: Int, _ state: State) -> [Int] {
            if i == T { return Array(repeating: 0, count: phases.count + (mode == .deadlines ? 2 : 1)) }
            if let known = memo[i]?[state] { return known }
            var bestCost: [Int]?
            // Enumerate departures.
            let movable = teams.indices.filter { t in
                state.remaining[t] > 0 && state.closedAt[teams[t].site] < 0 && (mode == .deadlines || held[keyOf[t]][i])
            }
            var departure = Array(repeating: 0, count: teams.count)
            func enumerate(_ n: Int) {
                if n == movable.count { closures(); return }
                let t = movable[n]
                for amount in 0...state.remaining[t] {
                    departure[t] = amount
                    enumerate(n + 1)
                }
                departure[t] = 0
            }
            func closures() {
                var remaining = state.remaining
                for t in teams.indices { remaining[t] -= departure[t] }
                let eligible = scenario.sites.indices.filter { s in
                    state.closedAt[s] < 0 && teams.indices.allSatisfy { teams[$0].site != s || remaining[$0] == 0 }
                }
                for mask in 0..<(1 << eligible.count) {
                    var next = state
                    next.remaining = remaining
                    var moved = Array(repeating: 0, count: scenario.sites.count)
                    for t in teams.indices { moved[teams[t].site] += departure[t] }
                    for (b, s) in eligible.enumerated() where mask & (1 << b) != 0 {
                        next.closedAt[s] = i
                        moved[s] += scenario.sites[s].minimumGarrison
                    }
                    if moved.reduce(0, +) > scenario.capacity.overallPerMonth { continue }
                    if scenario.sites.indices.contains(where: { moved[$0] > scenario.capacity.limit(for: scenario.sites[$0].id) }) { continue }
                    // Departures before the gate held (adviser-months), and this month's handovers.
                    var debt = 0
                    for t in teams.indices where departure[t] > 0 && !held[keyOf[t]][i] {
                        debt += departure[t] * (((i..<T).first { held[keyOf[t]][$0] } ?? T) - i)
                    }
                    for (k, key) in keys.enumerated() {
                        let before = teams.indices.filter { keyOf[$0] == k }.reduce(0) { $0 + state.remaining[$1] }
                        let after = teams.indices.filter { keyOf[$0] == k }.reduce(0) { $0 + next.remaining[$1] }
                        guard before > 0, after == 0 else { continue }
                        if policy.requireReintervention, policy.reinterventionMonths > 0 {
                            let r = scenario.regions.firstIndex { $0.id == key.region }!
                            next.pendingCover[r] = max(next.pendingCover[r], min(T - 1, i + policy.reinterventionMonths - 1))
                        }
                    }
                    // Phase completion (own work, then predecessors).
                    for (p, phase) in phases.enumerated() where !next.complete[p] {
                        let sitesDone = phase.sites.allSatisfy { id in next.closedAt[scenario.sites.firstIndex { $0.id == id }!] >= 0 }
                        let regionsDone = teams.indices.allSatisfy { !phase.regions.contains(teams[$0].team.region) || next.remaining[$0] == 0 }
                        let predsDone = phase.after.allSatisfy { id in next.complete[phases.firstIndex { $0.id == id }!] }
                        if sitesDone && regionsDone && predsDone { next.complete[p] = true }
                    }
                    // Phase order: a closing site's predecessor phases must be complete by now.
                    var legal = true
                    for (b, s) in eligible.enumerated() where mask & (1 << b) != 0 {
                        if let p = phaseOfSite[s] {
                            for id in phases[p].after where !next.complete[phases.firstIndex { $0.id == id }!] { legal = false }
                        }
                    }
                    if !legal { continue }
                    // Re-intervention cover.
                    for r in scenario.regions.indices where next.pendingCover[r] >= i {
                        let supporters = scenario.sites.indices.filter { scenario.sites[$0].supports.contains(scenario.regions[r].id) }
                        let covered = supporters.contains { next.closedAt[$0] < 0 }
                        if covered { continue }
                        var waived = false
                        if mode == .deadlines {
                            let last = supporters.map { next.closedAt[$0] }.max()!
                            waived = supporters.contains { s in
                                guard next.closedAt[s] == last, let p = phaseOfSite[s], let d = effective[p] else { return false }
                                return last >= d
                            }
                        }
                        if !waived { legal = false; break }
                        next.pendingCover[r] = -1
                    }
                    if !legal { continue }
                    for r in scenario.regions.indices where next.pendingCover[r] <= i { next.pendingCover[r] = -1 }
                    // This month's cost.
                    var headcount = 0
                    for s in scenario.sites.indices where next.closedAt[s] < 0 { headcount += scenario.sites[s].minimumGarrison }
                    headcount += next.remaining.reduce(0, +)
                    var cost: [Int]
                    switch mode {
                    case .conditions:
                        cost = phases.indices.map { next.complete[$0] ? 0 : 1 } + [headcount]
                    case .deadlines:
                        cost = phases.indices.map { p in deadline[p] == i && !next.complete[p] ? 1 : 0 } + [debt, headcount]
                    }
                    let rest = best(i + 1, next)
                    let total = zip(cost, rest).map { $0 + $1 }
                    if bestCost == nil || total.lexicographicallyPrecedes(bestCost!) { bestCost = total }
                }
            }
            enumerate(0)
            let result = bestCost ?? Array(repeating: Int.max / 4, count: phases.count + (mode == .deadlines ? 2 : 1))
            memo[i, default: [:]][state] = result
            return result
        }
        let initial = State(remaining: teams.map(\.team.headcount), closedAt: Array(repeating: -1, count: scenario.sites.count),
                            pendingCover: Array(repeating: -1, count: scenario.regions.count),
                            complete: Array(repeating: false, count: phases.count))
        return best(0, initial)
    }

    /// The same objective vector for a plan, from the verifier's replay.
    func objective(of plan: Plan) -> [Int] {
        let replay = verifier.replay(plan.moves, mode: mode)
        let T = scenario.horizonMonths
        switch mode {
        case .conditions:
            return scenario.phases.map { (replay.completion[$0.id] ?? nil) ?? T } + [replay.personnelMonths]
        case .deadlines:
            return scenario.phases.map { phase in
                guard let d = phase.deadline?.months(since: scenario.start) else { return 0 }
                return ((replay.completion[phase.id] ?? nil).map { $0 <= d } ?? false) ? 0 : 1
            } + [replay.riskDebtAdviserMonths, replay.personnelMonths]
        }
    }
}
