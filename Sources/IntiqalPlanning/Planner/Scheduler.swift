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
    let release: [Int?]
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

        func released(_ t: Int, _ i: Int) -> Bool { release[t].map { $0 <= i } ?? false }

        for i in 0..<T {
            var overall = c.scenario.capacity.overallPerMonth
            for s in siteBudget.indices { siteBudget[s] = c.sites[s].capacity }

            // Order open sites: earliest phase held back, then pressure, then file order.
            var order: [(rank: Int, pressure: Double, s: Int)] = []
            for s in c.sites.indices where closed[s] == nil {
                var rank = c.sites[s].phaseRank
                var work = c.sites[s].garrison
                for t in teamsAt[s] where remaining[t] > 0 {
                    rank = min(rank, c.teams[t].urgency)
                    work += remaining[t]
                }
                order.append((rank, Double(work) / Double(max(1, c.sites[s].capacity)), s))
            }
            order.sort { ($0.rank, -$0.pressure, $0.s) < ($1.rank, -$1.pressure, $1.s) }

            for (_, _, s) in order {
                var budget = min(siteBudget[s], overall)
                let pending = teamsAt[s].filter { remaining[$0] > 0 }
                let stayers = pending.filter { t in
                    c.teams[t].relocationTarget.map { location[t] == $0 } ?? true || released(t, i)
                }
                let siteCanEmpty = stayers.allSatisfy { released($0, i) }
                // Candidate moves: (urgency, kind order, key remaining, team).
                var candidates: [(Int, Int, Int, Int)] = []
                for t in pending {
                    if released(t, i) {
                        candidates.append((c.teams[t].urgency, 0, keyRemaining[c.teams[t].key], t))
                    } else if siteCanEmpty, let target = c.teams[t].relocationTarget, closed[target] == nil,
                              location[t] != target {
                        candidates.append((c.sites[s].phaseRank, 1, keyRemaining[c.teams[t].key], t))
                    }
                }
                candidates.sort { ($0.0, $0.1, $0.2, c.teams[$0.3].team.id) < ($1.0, $1.1, $1.2, c.teams[$1.3].team.id) }
                for (_, kind, _, t) in candidates where budget > 0 {
                    if kind == 0 {
                        let amount = min(remaining[t], budget)
                        remaining[t] -= amount
                        keyRemaining[c.teams[t].key] -= amount
                        budget -= amount
                        schedule.steps.append(Step(month: i, kind: .depart, site: s, team: t, to: nil, personnel: amount))
                        if keyRemaining[c.teams[t].key] == 0 {
                            handoverAt[c.teams[t].key] = i
                            lastHandover[c.teams[t].region] = i
                        }
                    } else if remaining[t] <= budget, let target = c.teams[t].relocationTarget {
                        budget -= remaining[t]
                        schedule.steps.append(Step(month: i, kind: .relocate, site: s, team: t, to: target, personnel: remaining[t]))
                        location[t] = target
                        teamsAt[s].removeAll { $0 == t }
                        teamsAt[target].append(t)
                    }
                }
                // Close when empty, if the garrison fits, predecessors are done and cover allows.
                if teamsAt[s].allSatisfy({ remaining[$0] == 0 }), budget >= c.sites[s].garrison {
                    var allowed = true
                    let rank = c.sites[s].phaseRank
                    if rank < c.phases.count {
                        for p in c.phases[rank].predecessors where completion[p] == nil { allowed = false }
                    }
                    var waived: [Int] = []
                    if allowed, policy.requireReintervention {
                        for r in c.sites[s].supports where regionHasTeams[r] {
                            let covered = c.sites.indices.contains { o in
                                o != s && closed[o] == nil && c.sites[o].supports.contains(r)
                            }
                            if covered { continue }
                            let done = c.keysByRegion[r].allSatisfy { handoverAt[$0] != nil }
                            let coverEnds = (lastHandover[r] ?? Int.min / 2) + policy.reinterventionMonths
                            if done && i >= coverEnds { continue }
                            if waiveCoverAtDeadline, rank < c.phases.count, let d = c.phases[rank].deadline, i >= d, done {
                                waived.append(r)
                                continue
                            }
                            allowed = false
                            if done { schedule.heldForCover[s] = schedule.heldForCover[s] ?? i }
                        }
                    }
                    if allowed {
                        budget -= c.sites[s].garrison
                        closed[s] = i
                        for r in waived { schedule.coverWaived[r] = i }
                        schedule.steps.append(Step(month: i, kind: .close, site: s, team: nil, to: nil,
                                                   personnel: c.sites[s].garrison))
                    }
                }
                let used = min(siteBudget[s], overall) - budget
                siteBudget[s] -= used
                overall -= used
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
