import IntiqalDomain
import IntiqalPlanning
import IntiqalPlanRisk
import IntiqalRisk
import IntiqalStorage

/// What a risk estimate is asked for (the flags of `intiqal risk`).
public struct RiskRequest: Sendable, Hashable {
    public var mode: PlanMode = .conditions
    public var runs: Int = 2_000
    public var seed: Int = 1
    public var threshold: Int = PlanRisk.defaultThreshold.incidentsPerMonth
    public var consecutive: Int = PlanRisk.defaultThreshold.consecutiveMonths

    public init() {}

    /// Checks every number against `InputLimits`, naming the field; `runs` against `runLimit`.
    public func validate(runLimit: ClosedRange<Int> = InputLimits.riskRuns) throws {
        func check(_ value: Int, _ range: ClosedRange<Int>, _ field: String) throws {
            guard range.contains(value) else {
                throw CommissionError.invalid(field: field, "\(value) is outside \(range.lowerBound)–\(range.upperBound)")
            }
        }
        try check(runs, runLimit, "runs")
        try check(seed, InputLimits.seed, "seed")
        try check(threshold, InputLimits.riskThreshold, "threshold")
        try check(consecutive, InputLimits.riskConsecutiveMonths, "consecutive")
    }
}

extension Commission {
    /// The risk of the plan in `request.mode`, the other mode's and no change (the JSON of
    /// `intiqal risk --format json`), estimated from only what the viewer may read; and the
    /// combined marking of its inputs.
    public func risk(_ request: RiskRequest, runLimit: ClosedRange<Int> = InputLimits.riskRuns,
                     for viewer: Viewer) async throws -> (comparison: PlanRisk.Comparison, marking: Marking) {
        try request.validate(runLimit: runLimit)
        let view = try markedScenario(for: viewer)
        let planner = try run { try Planner(scenario: view.scenario) }
        let plans = [request.mode, request.mode == .conditions ? .deadlines : .conditions].map { planner.plan(mode: $0) }
        for plan in plans where !plan.verification.ok {
            throw CommissionError.invalid(field: nil, "the \(plan.mode.rawValue) plan did not pass verification: \(plan.verification.violations.joined(separator: "; "))")
        }
        do {
            let comparison = try await PlanRisk.compare(planner: planner, mode: request.mode, plan: plans[0], otherPlan: plans[1],
                                                        runs: request.runs, seed: UInt64(request.seed),
                                                        threshold: ResurgenceThreshold(incidentsPerMonth: request.threshold,
                                                                                       consecutiveMonths: request.consecutive))
            return (comparison, view.marking)
        } catch let error as CommissionError {
            throw error
        } catch {
            throw CommissionError.invalid(field: nil, "risk: \(error)")
        }
    }
}
