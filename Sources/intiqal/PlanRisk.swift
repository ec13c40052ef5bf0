import Foundation
import IntiqalDomain
import IntiqalPlanning
import IntiqalRisk

/// Wires plans to the risk engine: exposures from the planner, a model fitted to the
/// scenario's incidents, Monte Carlo for the plan, the no-change baseline and the other mode.
enum PlanRisk {
    struct Comparison: Encodable {
        var mode: PlanMode
        var report: RiskReport
        var otherMode: PlanMode
        var other: RiskReport

        enum Keys: String, CodingKey { case mode, otherMode }

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(mode, forKey: .mode)
            try c.encode(OtherMode(mode: otherMode, pResurgence: other.pResurgence, ci95: other.ci95,
                                   expectedIncidents: other.expectedIncidents, byRegion: other.byRegion),
                         forKey: .otherMode)
        }
    }

    struct OtherMode: Encodable {
        var mode: PlanMode
        var pResurgence: Double
        var ci95: [Double]
        var expectedIncidents: Double
        var byRegion: [RiskReport.RegionRisk]
    }

    /// The default resurgence threshold: 20 incidents in a region in each of 3 consecutive months.
    static let defaultThreshold = ResurgenceThreshold(incidentsPerMonth: 20, consecutiveMonths: 3)

    /// Both modes and the baseline, for the plan report.
    static func summary(planner: Planner, mode: PlanMode, plan: Plan, runs: Int, seed: UInt64 = 1) async throws -> RiskSummary? {
        let other: PlanMode = mode == .conditions ? .deadlines : .conditions
        let otherPlan = planner.plan(mode: other)
        guard otherPlan.verification.ok else { return nil }
        let comparison: Comparison
        do {
            comparison = try await compare(planner: planner, mode: mode, plans: [mode: plan, other: otherPlan], runs: runs,
                                           seed: seed, threshold: defaultThreshold)
        } catch {
            FileHandle.standardError.write(Data("intiqal: risk not estimated: \(error)\n".utf8))
            return nil
        }
        let r = comparison.report, o = comparison.other
        let rows = [
            RiskSummary.Row(plan: mode.rawValue, pResurgence: r.pResurgence, ci95: r.ci95, expectedIncidents: r.expectedIncidents),
            RiskSummary.Row(plan: other.rawValue, pResurgence: o.pResurgence, ci95: o.ci95, expectedIncidents: o.expectedIncidents),
            RiskSummary.Row(plan: "baseline", pResurgence: r.baseline.pResurgence, ci95: r.baseline.ci95,
                            expectedIncidents: r.baseline.expectedIncidents),
        ]
        return RiskSummary(runs: runs, seed: seed, incidentsPerMonth: defaultThreshold.incidentsPerMonth,
                           consecutiveMonths: defaultThreshold.consecutiveMonths, rows: rows, illustrative: r.illustrative)
    }

    static func model(for scenario: Scenario) -> RiskModel {
        if let fit = try? RiskModel.fit(incidents: scenario.incidents) {
            return fit.model
        }
        return RiskModel(regions: [:], illustrative: true,
                         notes: ["no incidents to fit: default parameters (about 3 incidents a month per region) are assumed"])
    }

    static func exposures(_ series: [ExposureSeries]) -> [RegionExposure] {
        series.map { RegionExposure(region: $0.region, gap: $0.gap, coalitionShare: $0.coalitionShare) }
    }

    static func compare(planner: Planner, mode: PlanMode, plans: [PlanMode: Plan], runs: Int, seed: UInt64,
                        threshold: ResurgenceThreshold, progress: ((Int) -> Void)? = nil) async throws -> Comparison {
        let model = model(for: planner.scenario)
        let baseline = exposures(planner.noChangeExposures())
        let other: PlanMode = mode == .conditions ? .deadlines : .conditions
        // Both plans and the baseline in one joint simulation: the baseline is simulated once
        // and the three share their random numbers.
        let reports = try await MonteCarlo.evaluate(plans: [exposures(planner.exposures(of: plans[mode]!)),
                                                            exposures(planner.exposures(of: plans[other]!))],
                                                    baseline: baseline, model: model, threshold: threshold,
                                                    runs: runs, seed: seed, progress: progress)
        let first = reports[0], second = reports[1]
        return Comparison(mode: mode, report: first, otherMode: other, other: second)
    }
}
