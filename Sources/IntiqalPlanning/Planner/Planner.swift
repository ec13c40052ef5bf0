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

    public init(scenario: Scenario) {
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
            schedule = Scheduler(context: context, release: gateRelease, waiveCoverAtDeadline: false).run()
        case .deadlines:
            schedule = deadlineSchedule(gateRelease: gateRelease)
        }
        var plan = PlanReport(context: context, mode: mode, schedule: schedule, gateRelease: gateRelease).build()
        plan.verification = PlanVerifier(scenario: scenario).verify(plan)
        return plan
    }

    /// Deadline-first. Every team must be gone by its deadline, so it is released then at the
    /// latest. Where a phase still misses its deadline, advisers still in place at the deadline
    /// are allowed to leave one month earlier, then two, until it meets it (or nothing earlier
    /// helps). A local search then moves each early departure back towards its gate, a month and
    /// a few advisers at a time, while every deadline met stays met and the risk debt
    /// (adviser-months before the gate) and then the personnel-months fall.
    func deadlineSchedule(gateRelease: [Int?]) -> Scheduler.Schedule {
        let c = context
        let T = c.months
        var release = c.teams.indices.map { t -> Int? in
            guard let due = c.teams[t].due else { return gateRelease[t] }
            return gateRelease[t].map { min($0, due) } ?? max(0, due)
        }
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
        func cost(_ s: Scheduler.Schedule) -> (Int, Int) { (debt(s, gateRelease: gateRelease), s.personnelMonths) }
        func completes(_ s: Scheduler.Schedule, _ p: Int, by d: Int) -> Bool {
            s.phaseCompletion[p].map { $0 <= d } ?? false
        }
        var schedule = run()
        for p in c.phases.indices {
            // Aim for the phase's effective deadline; failing that, for its own.
            let aims = Array(Set([c.phases[p].effectiveDeadline, c.phases[p].deadline].compactMap { $0 })).sorted()
            let members = c.teams.indices.filter { t in
                c.phases[p].regions.contains(c.teams[t].region)
                    || (c.phases[p].sites.contains(c.teams[t].site) && c.teams[t].relocationTarget == nil)
            }
            for deadline in aims where deadline < T {
                if completes(schedule, p, by: deadline) { break }
                let saved = (release, quota)
                for t in members {
                    let forced = gateRelease[t].map { min($0, deadline) } ?? deadline
                    release[t] = min(release[t] ?? forced, forced)
                }
                schedule = run()
                var k = 1
                while !completes(schedule, p, by: deadline), k <= deadline {
                    // Whoever of the phase is still there at the deadline may leave k months earlier;
                    // if none is (a garrison could not close), those leaving in the deadline month may.
                    let left = remainingAfter(schedule, month: deadline)
                    var moved = false
                    for t in members where left[t] > 0 {
                        quota[t][deadline - k] += left[t]
                        moved = true
                    }
                    if !moved {
                        for step in schedule.steps where step.kind == .depart && step.month == deadline {
                            quota[step.team!][deadline - k] += step.personnel
                        }
                    }
                    schedule = run()
                    k += 1
                }
                if completes(schedule, p, by: deadline) { break }
                // This deadline cannot be met: no one is forced out early for it.
                (release, quota) = saved
                schedule = run()
            }
        }
        // Phases forced only to make way for a later deadline that is missed anyway are released.
        var target = met(schedule)
        var best = cost(schedule)
        for p in c.phases.indices {
            let saved = (release, quota)
            for t in c.teams.indices where c.teams[t].urgency == p && release[t] != gateRelease[t] {
                release[t] = gateRelease[t]
                for m in 0..<T { quota[t][m] = 0 }
            }
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
        var budget = 40 * c.teams.count + 200
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
            let held = gateRelease[step.team!] ?? context.months
            if held > step.month { total += step.personnel * (held - step.month) }
        }
        return total
    }
}
