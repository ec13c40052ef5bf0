import IntiqalDomain

/// The scenario turned into indexed arrays for the scheduler: sites, teams, phases in order,
/// and each gate's timeline.
struct PlanningContext: Sendable {
    struct TeamInfo: Sendable {
        var team: AdviserTeam
        var site: Int
        var key: Int
        var region: Int
        /// Rank of the earliest phase this team holds back (its site's or its region's).
        var urgency: Int
        /// A site of a later phase the team moves to when its own site must close first.
        var relocationTarget: Int?
        /// The plan month by which the team must be gone (its region's phase deadline,
        /// or its site's phase deadline when it cannot relocate).
        var due: Int?
    }

    struct SiteInfo: Sendable {
        var site: Site
        var capacity: Int
        var garrison: Int
        var supports: [Int]
        var phaseRank: Int
    }

    struct PhaseInfo: Sendable {
        var phase: Phase
        var sites: [Int]
        var regions: [Int]
        var predecessors: [Int]
        var deadline: Int?
        /// The phase's deadline or, if earlier, that of any phase that follows it: a phase
        /// cannot complete before those it follows.
        var effectiveDeadline: Int?
    }

    static let noPhase = Int.max / 4

    let scenario: Scenario
    let months: Int
    var sites: [SiteInfo] = []
    var teams: [TeamInfo] = []
    /// Phases in order (topological, ties by file order); ranks are indices here.
    var phases: [PhaseInfo] = []
    var regionIDs: [String] = []
    var keys: [GateKey] = []
    var teamsByKey: [[Int]] = []
    var keysByRegion: [[Int]] = []
    var regionPhase: [Int] = []
    var timelines: [GateTimeline] = []
    /// held[key][month]: the gate has held for the policy's months, ending that month.
    var held: [[Bool]] = []
    /// nextHeld[key][month]: the first month from then on in which it has (the horizon if none).
    var nextHeld: [[Int]] = []

    init(scenario: Scenario, evaluator: GateEvaluator) {
        self.scenario = scenario
        months = scenario.horizonMonths
        regionIDs = scenario.regions.map(\.id)
        let regionIndex = Dictionary(regionIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })

        // Phases in dependency order.
        let order = Self.phaseOrder(scenario.phases)
        let rankOf = Dictionary(order.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var sitePhase: [String: Int] = [:]
        regionPhase = Array(repeating: Self.noPhase, count: regionIDs.count)
        for (rank, phase) in order.enumerated() {
            for s in phase.sites where sitePhase[s] == nil { sitePhase[s] = rank }
            for r in phase.regions { if let i = regionIndex[r], regionPhase[i] == Self.noPhase { regionPhase[i] = rank } }
        }

        for site in scenario.sites {
            sites.append(SiteInfo(site: site, capacity: scenario.capacity.limit(for: site.id), garrison: site.minimumGarrison,
                                  supports: site.supports.compactMap { regionIndex[$0] },
                                  phaseRank: sitePhase[site.id] ?? Self.noPhase))
        }
        for (rank, phase) in order.enumerated() {
            let siteIDs = Set(phase.sites)
            phases.append(PhaseInfo(
                phase: phase,
                sites: sites.indices.filter { siteIDs.contains(sites[$0].site.id) },
                regions: phase.regions.compactMap { regionIndex[$0] },
                predecessors: phase.after.compactMap { rankOf[$0] }.filter { $0 < rank },
                deadline: phase.deadline.map { $0.months(since: scenario.start) }))
        }
        for p in phases.indices { phases[p].effectiveDeadline = phases[p].deadline }
        for p in phases.indices.reversed() {
            for q in phases[p].predecessors {
                if let d = phases[p].effectiveDeadline {
                    phases[q].effectiveDeadline = min(phases[q].effectiveDeadline ?? d, d)
                }
            }
        }
        let effective = phases.map { $0.effectiveDeadline.map { scenario.start.adding(months: $0) } }

        var keyIndex: [GateKey: Int] = [:]
        for (s, info) in sites.enumerated() {
            for team in info.site.teams {
                guard let r = regionIndex[team.region] else { continue }
                let key = team.gateKey
                let k: Int
                if let existing = keyIndex[key] { k = existing } else {
                    k = keys.count
                    keyIndex[key] = k
                    keys.append(key)
                    teamsByKey.append([])
                }
                teamsByKey[k].append(teams.count)
                let siteRank = info.phaseRank
                let regionRank = regionPhase[r]
                var target: Int?
                if regionRank > siteRank {
                    // Prefer the earliest later phase that outlasts the region's own phase.
                    let candidates = sites.indices.filter { c in
                        c != s && sites[c].phaseRank > siteRank && sites[c].supports.contains(r)
                    }
                    target = candidates.filter { sites[$0].phaseRank >= regionRank }
                        .min { (sites[$0].phaseRank, $0) < (sites[$1].phaseRank, $1) }
                        ?? candidates.max { (sites[$0].phaseRank, -$0) < (sites[$1].phaseRank, -$1) }
                }
                let regionDue = regionRank < order.count ? effective[regionRank] : nil
                let siteDue = siteRank < order.count ? effective[siteRank] : nil
                var due: YearMonth? = regionDue
                if target == nil, let siteDue { due = due.map { min($0, siteDue) } ?? siteDue }
                teams.append(TeamInfo(team: team, site: s, key: k, region: r,
                                      urgency: target == nil ? min(siteRank, regionRank) : regionRank,
                                      relocationTarget: target,
                                      due: due.map { $0.months(since: scenario.start) }))
            }
        }
        keysByRegion = Array(repeating: [], count: regionIDs.count)
        for (k, key) in keys.enumerated() {
            if let r = regionIndex[key.region] { keysByRegion[r].append(k) }
        }
        timelines = keys.map { evaluator.timeline(for: $0) }
        let hold = scenario.policy.holdMonths
        held = timelines.map { timeline in timeline.checks.map { $0.heldMonths >= hold } }
        nextHeld = held.map { row in
            var next = Array(repeating: row.count, count: row.count)
            var upcoming = row.count
            for i in row.indices.reversed() {
                if row[i] { upcoming = i }
                next[i] = upcoming
            }
            return next
        }
    }

    /// Phases sorted so that every phase follows those it comes after; file order breaks ties.
    /// Cycles are rejected when the scenario is loaded; here any left are broken by file order.
    static func phaseOrder(_ phases: [Phase]) -> [Phase] {
        var placed = Set<String>()
        var result: [Phase] = []
        var remaining = phases
        while !remaining.isEmpty {
            let ids = Set(remaining.map(\.id))
            let index = remaining.firstIndex { p in p.after.allSatisfy { placed.contains($0) || !ids.contains($0) } } ?? 0
            let next = remaining.remove(at: index)
            placed.insert(next.id)
            result.append(next)
        }
        return result
    }

    func month(_ index: Int) -> YearMonth { scenario.start.adding(months: index) }
}
