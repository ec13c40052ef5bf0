import IntiqalDomain

/// Plans the transition in either mode and verifies the result before returning it.
///
/// conditions-first: no team leaves before its gate has held for the policy's months. Among
/// such schedules the planner completes phases as early as it can in phase order, then keeps
/// the fewest personnel-months (docs/planning.md states the objective and its checks).
///
/// deadline-first: phases complete by their agreed deadlines where retrograde capacity allows;
/// teams whose gates would hold too late leave as late as the deadline allows, and every such
/// handover is reported as risk debt.
public struct Planner: Sendable {
    public let scenario: Scenario
    let evaluator: GateEvaluator
    let context: PlanningContext

    /// Refuses a scenario with any value outside `InputLimits` (headcounts, garrisons,
    /// capacities, months, counts): the engine computes only on bounded values, so it never traps.
    public init(scenario: Scenario) throws(PlanningError) {
        let problems = InputCheck.problems(in: scenario)
        guard problems.isEmpty else { throw .inputOutOfRange(problems) }
        self.scenario = scenario
        evaluator = GateEvaluator(scenario: scenario)
        context = PlanningContext(scenario: scenario, evaluator: evaluator)
    }

    /// Plans and verifies. The plan's `verification` says whether the independent verifier accepts it.
    public func plan(mode: PlanMode) -> Plan {
        let schedule: Scheduler.Schedule
        let gateRelease = context.teams.map { context.timelines[$0.key].release }
        switch mode {
        case .conditions:
            schedule = Scheduler(context: context, release: gateRelease.map { _ in nil }, waiveCoverAtDeadline: false).run()
        case .deadlines:
            schedule = deadlineSchedule(gateRelease: gateRelease)
        }
        var plan = PlanReport(context: context, mode: mode, schedule: schedule, gateRelease: gateRelease).build()
        plan.verification = PlanVerifier(scenario: scenario, book: evaluator.book).verify(plan)
        return plan
    }

    /// Deadline-first. For each phase in order, aim for the earliest deadline it answers to (its
    /// own, or that of a phase that follows it); its teams and those of the phases it follows
    /// are released by that month at the latest. Where the phase still misses it, whoever of that
    /// group is still there a month before may leave then, then two months before, and so on,
    /// until it meets it; if nothing helps, the next deadline is tried, and a deadline that cannot
    /// be met forces no one out. A local search then moves early departures back towards their
    /// gates, a month and a few advisers at a time, while every deadline met stays met and the
    /// risk debt (adviser-months before the gate) and then the personnel-months fall.
    func deadlineSchedule(gateRelease: [Int?]) -> Scheduler.Schedule {
        let c = context
        let T = c.months
        var release: [Int?] = Array(repeating: nil, count: c.teams.count)
        var quota = Array(repeating: Array(repeating: 0, count: T), count: c.teams.count)
        func run() -> Scheduler.Schedule {
            Scheduler(context: c, release: release, quota: quota, waiveCoverAtDeadline: true).run()
        }
        func met(_ s: Scheduler.Schedule) -> [Bool] {
            c.phases.indices.map { p in
                guard let d = c.phases[p].deadline else { return true }
                return s.phaseCompletion[p].map { $0 <= d } ?? false
            }
        }
        func completes(_ s: Scheduler.Schedule, _ p: Int, by d: Int) -> Bool {
            s.phaseCompletion[p].map { $0 <= d } ?? false
        }
        func cost(_ s: Scheduler.Schedule) -> (Int, Int) { (debt(s, gateRelease: gateRelease), s.personnelMonths) }

        var schedule = run()
        for p in c.phases.indices {
            var aims = Set<Int>()
            if let own = c.phases[p].deadline { aims.insert(own) }
            var later: [Int] = [p]
            while let q = later.popLast() {
                for r in c.phases.indices where c.phases[r].predecessors.contains(q) {
                    if let d = c.phases[r].deadline { aims.insert(d) }
                    later.append(r)
                }
            }
            var group: Set<Int> = [p]
            var earlier: [Int] = [p]
            while let q = earlier.popLast() {
                for r in c.phases[q].predecessors where group.insert(r).inserted { earlier.append(r) }
            }
            let members = c.teams.indices.filter { holdsBack(team: $0, phases: group) }
            for deadline in aims.sorted() where deadline < T {
                if completes(schedule, p, by: deadline) { break }
                let saved = (release, quota)
                for t in members { release[t] = min(release[t] ?? deadline, deadline) }
                // The shortest window before the deadline in which the group may leave early
                // (found by bisection: a wider window never makes completion later in practice).
                func open(window k: Int) -> Scheduler.Schedule {
                    quota = saved.1
                    for t in members where k > 0 {
                        for m in max(0, deadline - k)..<deadline { quota[t][m] = Int.max / 4 }
                    }
                    return run()
                }
                var trial = open(window: 0)
                if !completes(trial, p, by: deadline) {
                    trial = open(window: deadline)
                    if completes(trial, p, by: deadline) {
                        var lo = 0, hi = deadline   // lo fails, hi works
                        while hi - lo > 1 {
                            let mid = (lo + hi) / 2
                            if completes(open(window: mid), p, by: deadline) { hi = mid } else { lo = mid }
                        }
                        trial = open(window: hi)
                    }
                }
                if completes(trial, p, by: deadline) {
                    // Freeze what actually left early as the quotas the local search refines.
                    quota = saved.1
                    for step in trial.steps where step.kind == .depart && !c.held[c.teams[step.team!].key][step.month] {
                        if release[step.team!].map({ step.month < $0 }) ?? true { quota[step.team!][step.month] += step.personnel }
                    }
                    schedule = run()
                    if completes(schedule, p, by: deadline) { break }
                    schedule = trial
                    break
                }
                (release, quota) = saved
                schedule = run()
            }
        }

        // A phase forced out early for a deadline that is missed anyway is released again.
        var target = met(schedule)
        var best = cost(schedule)
        for p in c.phases.indices {
            let saved = (release, quota)
            var changed = false
            for t in c.teams.indices where c.teams[t].urgency == p && (release[t] != nil || quota[t].contains { $0 > 0 }) {
                release[t] = nil
                quota[t] = Array(repeating: 0, count: T)
                changed = true
            }
            guard changed else { continue }
            let trial = run()
            let now = met(trial)
            if zip(target, now).allSatisfy({ !$0 || $1 }), cost(trial) < best {
                schedule = trial
                best = cost(trial)
                target = now
            } else {
                (release, quota) = saved
            }
        }

        // Local search: move early departures later while deadlines stay met and cost falls.
        // Each trial replays the whole horizon; spend at most about 40 full replays of a large
        // scenario, and enough on a small one to converge.
        var budget = max(40, min(40 * c.teams.count + 200, 2_000_000 / max(1, c.teams.count * T)))
        var improved = true
        while improved, budget > 0 {
            improved = false
            for t in c.teams.indices {
                for m in (0..<T).reversed() where quota[t][m] > 0 && budget > 0 {
                    var step = quota[t][m]
                    while step > 0, budget > 0 {
                        let before = quota
                        quota[t][m] -= step
                        if m + 1 < T { quota[t][m + 1] += step }
                        budget -= 1
                        let trial = run()
                        let now = met(trial)
                        let trialCost = cost(trial)
                        if zip(target, now).allSatisfy({ !$0 || $1 }), trialCost < best {
                            schedule = trial
                            best = trialCost
                            improved = true
                            break
                        }
                        quota = before
                        step /= 2
                    }
                }
            }
        }
        return schedule
    }

    /// Whether team `t` keeps any of `phases` from completing (its region is theirs, or its
    /// site is and it cannot move elsewhere).
    func holdsBack(team t: Int, phases: Set<Int>) -> Bool {
        let team = context.teams[t]
        for g in phases {
            let phase = context.phases[g]
            if phase.regions.contains(team.region) { return true }
            if team.relocationTarget == nil, phase.sites.contains(team.site) { return true }
        }
        return false
    }

    /// Each team's advisers still in country at the end of `month`.
    func remainingAfter(_ schedule: Scheduler.Schedule, month: Int) -> [Int] {
        var left = context.teams.map(\.team.headcount)
        for step in schedule.steps where step.kind == .depart && step.month <= month {
            left[step.team!] -= step.personnel
        }
        return left
    }

    /// Adviser-months of departures before their gates held (to the horizon's end if never).
    func debt(_ schedule: Scheduler.Schedule, gateRelease: [Int?]) -> Int {
        var total = 0
        for step in schedule.steps where step.kind == .depart {
            let k = context.teams[step.team!].key
            if !context.held[k][step.month] { total += step.personnel * (context.nextHeld[k][step.month] - step.month) }
        }
        return total
    }
}
