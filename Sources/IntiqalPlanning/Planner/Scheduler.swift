import IntiqalDomain

/// The forward, month-by-month scheduler both modes share.
///
/// Each month, sites are served in order of the earliest phase they hold back, then by pressure
/// (work left over their own capacity), within the overall and per-site retrograde capacity.
/// Released teams leave (teams of the earliest phase first, then the gate nearest completion);
/// teams that support a later phase's region move to a later site once nothing else keeps their
/// site open; a site with no advisers left closes when its garrison fits in the month's capacity,
/// every phase it follows has completed, and (where the policy asks) another open site can still
/// re-intervene in each region it supported.
struct Scheduler {
    struct Step: Sendable, Hashable {
        var month: Int
        var kind: Plan.Move.Kind
        var site: Int
        var team: Int?
        var to: Int?
        var personnel: Int
    }

    struct Schedule: Sendable {
        var steps: [Step] = []
        var closedAt: [Int?]
        var handoverAt: [Int?]
        var phaseCompletion: [Int?]
        /// headcount[site][month], end of month.
        var headcount: [[Int]]
        var personnelMonths = 0
        /// Sites kept open past the point they could close, for re-intervention cover.
        var heldForCover: [Int: Int] = [:]
        /// Re-intervention cover given up to meet a deadline (region → month).
        var coverWaived: [Int: Int] = [:]
        var remainingAtEnd = 0
    }

    let context: PlanningContext
    /// Per team: the first month it may leave (nil: not within the horizon).
    /// Deadline-first: per team, the month from which it must go whether or not its gate holds.
    let release: [Int?]
    /// Deadline-first: per team and month, how many of its advisers may leave before release.
    var quota: [[Int]]? = nil
    /// Deadline-first: a site may close at its phase deadline even without re-intervention cover.
    let waiveCoverAtDeadline: Bool

    func run() -> Schedule {
        let c = context
        let T = c.months
        let policy = c.scenario.policy
        var remaining = c.teams.map(\.team.headcount)
        var location = c.teams.map(\.site)
        var keyRemaining = c.teamsByKey.map { $0.reduce(0) { $0 + c.teams[$1].team.headcount } }
        var closed: [Int?] = Array(repeating: nil, count: c.sites.count)
        var handoverAt: [Int?] = Array(repeating: nil, count: c.keys.count)
        var lastHandover: [Int?] = Array(repeating: nil, count: c.regionIDs.count)
        var completion: [Int?] = Array(repeating: nil, count: c.phases.count)
        var schedule = Schedule(closedAt: [], handoverAt: [], phaseCompletion: [],
                                headcount: Array(repeating: Array(repeating: 0, count: T), count: c.sites.count))
        // Teams at each site, kept current as teams relocate.
        var teamsAt: [[Int]] = Array(repeating: [], count: c.sites.count)
        for (t, info) in c.teams.enumerated() { teamsAt[info.site].append(t) }
        var regionHasTeams = Array(repeating: false, count: c.regionIDs.count)
        for info in c.teams { regionHasTeams[info.region] = true }
        var siteBudget = c.sites.map(\.capacity)

        func released(_ t: Int, _ i: Int) -> Bool {
            c.held[c.teams[t].key][i] || (release[t].map { $0 <= i } ?? false)
        }
        func allowance(_ t: Int, _ i: Int) -> Int {
            if released(t, i) { return Int.max }
            return quota?[t][i] ?? 0
        }

        for i in 0..<T {
            var overall = c.scenario.capacity.overallPerMonth
            for s in siteBudget.indices { siteBudget[s] = c.sites[s].capacity }

            // Every possible move this month, served in order of the earliest phase it holds back
            // (departures, then relocations, then closures), then by the pressure on its site
            // (work left over the site's own capacity), then the gate nearest completion.
            var candidates: [(urgency: Int, kind: Int, pressure: Double, keyLeft: Int, id: String, team: Int, site: Int)] = []
            for s in c.sites.indices where closed[s] == nil {
                var work = c.sites[s].garrison
                for t in teamsAt[s] { work += remaining[t] }
                let pressure = Double(work) / Double(max(1, c.sites[s].capacity))
                for t in teamsAt[s] where remaining[t] > 0 {
                    if allowance(t, i) > 0 {
                        candidates.append((c.teams[t].urgency, 0, pressure, keyRemaining[c.teams[t].key], c.teams[t].team.id, t, s))
                    } else if let target = c.teams[t].relocationTarget, location[t] != target {
                        candidates.append((c.sites[s].phaseRank, 1, pressure, keyRemaining[c.teams[t].key], c.teams[t].team.id, t, s))
                    }
                }
                // Of two sites that could close, the larger garrison goes first (the other may stay for cover).
                candidates.append((c.sites[s].phaseRank, 2, Double(c.sites[s].garrison), 0, c.sites[s].site.id, -1, s))
            }
            candidates.sort {
                ($0.urgency, $0.kind, -$0.pressure, $0.keyLeft, $0.id) < ($1.urgency, $1.kind, -$1.pressure, $1.keyLeft, $1.id)
            }

            func phaseDone(_ p: Int, _ depth: Int = 0) -> Bool {
                if completion[p] != nil { return true }
                guard depth < c.phases.count else { return false }
                let phase = c.phases[p]
                return phase.sites.allSatisfy { closed[$0] != nil }
                    && phase.regions.allSatisfy { r in c.keysByRegion[r].allSatisfy { handoverAt[$0] != nil } }
                    && phase.predecessors.allSatisfy { phaseDone($0, depth + 1) }
            }

            for candidate in candidates where overall > 0 || candidate.kind == 2 {
                let s = candidate.site
                guard closed[s] == nil else { continue }
                let budget = min(siteBudget[s], overall)
                switch candidate.kind {
                case 0:
                    let t = candidate.team
                    let amount = min(remaining[t], budget, allowance(t, i))
                    guard amount > 0 else { continue }
                    remaining[t] -= amount
                    keyRemaining[c.teams[t].key] -= amount
                    siteBudget[s] -= amount
                    overall -= amount
                    schedule.steps.append(Step(month: i, kind: .depart, site: s, team: t, to: nil, personnel: amount))
                    if keyRemaining[c.teams[t].key] == 0 {
                        handoverAt[c.teams[t].key] = i
                        lastHandover[c.teams[t].region] = i
                    }
                case 1:
                    let t = candidate.team
                    guard let target = c.teams[t].relocationTarget, closed[target] == nil, remaining[t] <= budget else { continue }
                    // Move only once nothing else keeps the site open.
                    let others = teamsAt[s].filter { $0 != t && remaining[$0] > 0 }
                    let siteCanEmpty = others.allSatisfy { o in
                        released(o, i) || (c.teams[o].relocationTarget.map { location[o] != $0 } ?? false)
                    }
                    guard siteCanEmpty else { continue }
                    siteBudget[s] -= remaining[t]
                    overall -= remaining[t]
                    schedule.steps.append(Step(month: i, kind: .relocate, site: s, team: t, to: target, personnel: remaining[t]))
                    location[t] = target
                    teamsAt[s].removeAll { $0 == t }
                    teamsAt[target].append(t)
                default:
                    guard teamsAt[s].allSatisfy({ remaining[$0] == 0 }), budget >= c.sites[s].garrison else { continue }
                    let rank = c.sites[s].phaseRank
                    if rank < c.phases.count, !c.phases[rank].predecessors.allSatisfy({ phaseDone($0) }) { continue }
                    var allowed = true
                    var waived: [Int] = []
                    if policy.requireReintervention {
                        for r in c.sites[s].supports where regionHasTeams[r] {
                            let covered = c.sites.indices.contains { o in
                                o != s && closed[o] == nil && c.sites[o].supports.contains(r)
                            }
                            if covered { continue }
                            let done = c.keysByRegion[r].allSatisfy { handoverAt[$0] != nil }
                            let coverEnds = (lastHandover[r] ?? Int.min / 2) + policy.reinterventionMonths
                            if done && i >= coverEnds { continue }
                            if waiveCoverAtDeadline, rank < c.phases.count, let d = c.phases[rank].effectiveDeadline, i >= d, done {
                                waived.append(r)
                                continue
                            }
                            allowed = false
                            if done { schedule.heldForCover[s] = schedule.heldForCover[s] ?? i }
                        }
                    }
                    guard allowed else { continue }
                    // A site with no garrison costs nothing to keep: it stays to cover a region in need
                    // so that a garrisoned site of the same or an earlier phase can close instead.
                    if policy.requireReintervention, c.sites[s].garrison == 0 {
                        let keep = c.sites[s].supports.contains { r in
                            guard regionHasTeams[r] else { return false }
                            let pending = !c.keysByRegion[r].allSatisfy { handoverAt[$0] != nil }
                            let coverOpen = (lastHandover[r].map { $0 + policy.reinterventionMonths > i } ?? false)
                            guard pending || coverOpen else { return false }
                            return c.sites.indices.contains { o in
                                o != s && closed[o] == nil && c.sites[o].supports.contains(r)
                                    && c.sites[o].garrison > 0 && c.sites[o].phaseRank <= rank
                            }
                        }
                        if keep { continue }
                    }
                    siteBudget[s] -= c.sites[s].garrison
                    overall -= c.sites[s].garrison
                    closed[s] = i
                    for r in waived { schedule.coverWaived[r] = i }
                    schedule.steps.append(Step(month: i, kind: .close, site: s, team: nil, to: nil, personnel: c.sites[s].garrison))
                }
            }

            // Phases complete when their sites are closed, their regions handed over, and
            // every phase they follow has completed.
            for (p, phase) in c.phases.enumerated() where completion[p] == nil {
                let sitesDone = phase.sites.allSatisfy { closed[$0] != nil }
                let regionsDone = phase.regions.allSatisfy { r in c.keysByRegion[r].allSatisfy { handoverAt[$0] != nil } }
                let predecessorsDone = phase.predecessors.allSatisfy { completion[$0] != nil }
                if sitesDone && regionsDone && predecessorsDone { completion[p] = i }
            }
            for s in c.sites.indices {
                var count = closed[s] == nil ? c.sites[s].garrison : 0
                for t in teamsAt[s] { count += remaining[t] }
                schedule.headcount[s][i] = count
                schedule.personnelMonths += count
            }
        }
        schedule.closedAt = closed
        schedule.handoverAt = handoverAt
        schedule.phaseCompletion = completion
        schedule.remainingAtEnd = c.sites.indices.reduce(0) { $0 + (schedule.headcount[$1].last ?? 0) }
        return schedule
    }
}
