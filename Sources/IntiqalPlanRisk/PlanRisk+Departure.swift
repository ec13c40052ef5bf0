import Foundation
import IntiqalDomain
import IntiqalPlanning
import IntiqalRisk

extension PlanRisk {
    /// The scenario's model with γ_dep set from outside — e.g. the record's estimate
    /// (docs/risk-model.md §5) — and, with a standard error, that interval carried into the
    /// Monte Carlo: every run then draws γ_dep from N(γ, se²) (the regions' μ, α, β stay at their
    /// estimates). The note on γ_dep says where the value came from.
    public static func model(for scenario: Scenario, gammaDeparture: Double, standardError: Double?) -> RiskModel {
        var model = model(for: scenario)
        model.gammaDeparture = gammaDeparture
        model.gammaDepartureStandardError = standardError
        model.logCovariance = [:]
        let se = standardError.map { String(format: "%.3f", $0) }
        let value = String(format: "%.3f", gammaDeparture)
        let note = "gammaDeparture \(value) given, not the default" + (se.map { " (standard error \($0), drawn in every run)" } ?? "")
        let noteAr = "γ_dep = \(value) مُعطى، لا القيمة الافتراضية" + (se.map { " (الخطأ المعياري \($0)، يُسحب في كل محاكاة)" } ?? "")
        if let i = model.notes.firstIndex(where: { $0.hasPrefix("gammaDeparture") }) {
            model.notes[i] = note
            if i < model.notesAr.count { model.notesAr[i] = noteAr }
        } else {
            model.notes.append(note)
            model.notesAr.append(noteAr)
        }
        return model
    }

    /// `compare` with a given model; `parameterUncertainty` draws the model's uncertain
    /// coefficients in every run (see `model(for:gammaDeparture:standardError:)`).
    public static func compare(planner: Planner, mode: PlanMode, plan: Plan, otherPlan: Plan, model: RiskModel,
                               parameterUncertainty: Bool, runs: Int, seed: UInt64, threshold: ResurgenceThreshold,
                               parallelism: Int? = nil, progress: ((Int) -> Void)? = nil) async throws -> Comparison {
        let baseline = exposures(planner.noChangeExposures())
        let other: PlanMode = mode == .conditions ? .deadlines : .conditions
        let reports = try await MonteCarlo.evaluate(plans: [exposures(planner.exposures(of: plan)),
                                                            exposures(planner.exposures(of: otherPlan))],
                                                    baseline: baseline, model: model, threshold: threshold,
                                                    runs: runs, seed: seed, parameterUncertainty: parameterUncertainty,
                                                    parallelism: parallelism, progress: progress)
        return Comparison(mode: mode, report: reports[0], otherMode: other, other: reports[1])
    }
}
