import Foundation
import IntiqalDomain
import IntiqalPlanning
import IntiqalRisk

/// Wires plans to the risk engine: exposures from the planner, a model fitted to the
/// scenario's incidents, one joint Monte Carlo of both planning modes and the no-change
/// baseline. `intiqal risk`, `intiqal plan` and `risk-bench` all go through here.
public enum PlanRisk {
    /// The risk of a plan (`report`, with the baseline's figures) beside the other mode's.
    /// Encodes as the report's keys plus `mode` and `otherMode`.
    public struct Comparison: Encodable, Sendable {
        public var mode: PlanMode
        public var report: RiskReport
        public var otherMode: PlanMode
        public var other: RiskReport

        enum Keys: String, CodingKey { case mode, otherMode }

        public func encode(to encoder: any Encoder) throws {
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
    public static let defaultThreshold = ResurgenceThreshold(incidentsPerMonth: 20, consecutiveMonths: 3)

    /// The plan report's risk section: the plan's mode, the other mode, the baseline.
    public static func summary(_ comparison: Comparison) -> RiskSummary {
        let r = comparison.report, o = comparison.other
        let rows = [
            RiskSummary.Row(plan: comparison.mode.rawValue, pResurgence: r.pResurgence, ci95: r.ci95, expectedIncidents: r.expectedIncidents),
            RiskSummary.Row(plan: comparison.otherMode.rawValue, pResurgence: o.pResurgence, ci95: o.ci95, expectedIncidents: o.expectedIncidents),
            RiskSummary.Row(plan: "baseline", pResurgence: r.baseline.pResurgence, ci95: r.baseline.ci95,
                            expectedIncidents: r.baseline.expectedIncidents),
        ]
        return RiskSummary(runs: r.runs, seed: r.seed, incidentsPerMonth: r.threshold.incidentsPerMonth,
                           consecutiveMonths: r.threshold.consecutiveMonths, rows: rows, illustrative: r.illustrative)
    }

    /// The model fitted to the scenario's incidents, or why they cannot be fitted (too few of them
    /// is not a failure: the flagged defaults stand in, as documented).
    static func fitted(_ scenario: Scenario) -> Result<RiskModel, RiskError> {
        do {
            return .success(try RiskModel.fit(incidents: scenario.incidents).model)
        } catch let error as RiskError where !error.isTooFewEvents {
            return .failure(error)
        } catch {
            return .success(model(for: scenario))
        }
    }

    /// The plan report's risk section: the comparison of both modes and no change, or, when the
    /// incident model cannot be fitted, the reason and no figures (not defaults shown as a fit).
    public static func planSummary(planner: Planner, mode: PlanMode, plan: Plan, otherPlan: Plan, runs: Int, seed: UInt64,
                                   threshold: ResurgenceThreshold) async throws -> RiskSummary {
        let model: RiskModel
        switch fitted(planner.scenario) {
        case .success(let fit): model = fit
        case .failure(let failure):
            return RiskSummary.notEstimated(
                runs: runs, seed: seed, incidentsPerMonth: threshold.incidentsPerMonth, consecutiveMonths: threshold.consecutiveMonths,
                illustrative: planner.scenario.incidents.contains(where: \.illustrative),
                reason: "the incidents could not be fitted (\(failure)); `intiqal risk` gives the figures under default parameters",
                reasonAr: "تعذّر تقدير الحوادث (\(failure))؛ يعطي `intiqal risk` الأرقام بالمعلمات الافتراضية")
        }
        let comparison = try await compare(planner: planner, mode: mode, plan: plan, otherPlan: otherPlan, model: model,
                                           parameterUncertainty: false, runs: runs, seed: seed, threshold: threshold)
        return summary(comparison)
    }

    /// The model fitted to the scenario's incidents (the defaults, flagged, when it has none).
    public static func model(for scenario: Scenario) -> RiskModel {
        do {
            return try RiskModel.fit(incidents: scenario.incidents).model
        } catch let error as RiskError where error.isTooFewEvents {
            return RiskModel(regions: [:], illustrative: true,
                             notes: ["no incidents to fit: default parameters (about 3 incidents a month per region) are assumed"],
                             notesAr: ["لا حوادث للتقدير: افتُرضت المعلمات الافتراضية (نحو 3 حوادث شهرياً لكل منطقة)"])
        } catch {
            return RiskModel(regions: [:], illustrative: true,
                             notes: ["the incidents could not be fitted (\(error)): default parameters (about 3 incidents a month per region) are assumed"],
                             notesAr: ["تعذّر تقدير الحوادث (\(error)): افتُرضت المعلمات الافتراضية (نحو 3 حوادث شهرياً لكل منطقة)"])
        }
    }

    public static func exposures(_ series: [ExposureSeries]) -> [RegionExposure] {
        series.map { RegionExposure(region: $0.region, gap: $0.gap, coalitionShare: $0.coalitionShare) }
    }

    /// The risk of `plan` (made in `mode`) beside `otherPlan` (the other mode) and the no-change
    /// baseline, from one joint simulation.
    public static func compare(planner: Planner, mode: PlanMode, plan: Plan, otherPlan: Plan, runs: Int, seed: UInt64,
                               threshold: ResurgenceThreshold, parallelism: Int? = nil,
                               progress: ((Int) -> Void)? = nil) async throws -> Comparison {
        let model = model(for: planner.scenario)
        let baseline = exposures(planner.noChangeExposures())
        let other: PlanMode = mode == .conditions ? .deadlines : .conditions
        // Both plans and the baseline in one joint simulation: the baseline is simulated once
        // and the three share their random numbers.
        let reports = try await MonteCarlo.evaluate(plans: [exposures(planner.exposures(of: plan)),
                                                            exposures(planner.exposures(of: otherPlan))],
                                                    baseline: baseline, model: model, threshold: threshold,
                                                    runs: runs, seed: seed, parallelism: parallelism, progress: progress)
        let first = reports[0], second = reports[1]
        return Comparison(mode: mode, report: first, otherMode: other, other: second)
    }
}
