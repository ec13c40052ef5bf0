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

    /// Deadline-first: shift the forced departures of each phase earlier, one month at a time,
    /// until the phase meets its deadline (or nothing earlier is possible).
    func deadlineSchedule(gateRelease: [Int?]) -> Scheduler.Schedule {
        let c = context
        var slack = Array(repeating: 0, count: c.phases.count)
        func releases() -> [Int?] {
            c.teams.indices.map { t in
                guard let due = c.teams[t].due else { return gateRelease[t] }
                let rank = min(c.teams[t].urgency, c.phases.count - 1)
                let forcedStart = max(0, due - slack[max(0, rank)])
                return gateRelease[t].map { min($0, forcedStart) } ?? forcedStart
            }
        }
        var schedule = Scheduler(context: c, release: releases(), waiveCoverAtDeadline: true).run()
        for p in c.phases.indices {
            guard let deadline = c.phases[p].deadline, deadline >= 0 else { continue }
            while (schedule.phaseCompletion[p].map { $0 > deadline } ?? true), slack[p] <= deadline {
                slack[p] += 1
                let next = Scheduler(context: c, release: releases(), waiveCoverAtDeadline: true).run()
                schedule = next
            }
            // Nothing earlier helped: keep the latest forced start that did as well.
            if schedule.phaseCompletion[p].map({ $0 > deadline }) ?? true {
                slack[p] = 0
                schedule = Scheduler(context: c, release: releases(), waiveCoverAtDeadline: true).run()
            }
        }
        return schedule
    }
}
