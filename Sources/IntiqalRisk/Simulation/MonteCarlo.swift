import Foundation
import IntiqalDomain

/// Monte Carlo evaluation of plans' risk of resurgence against the no-change baseline.
///
/// The baseline and every plan are simulated together, run by run and region by region, by
/// `RegionSimulator`: one superposed process whose layers belong to the scenarios whose rates
/// reach them, so the baseline is simulated once for all plans and the scenarios share their
/// random numbers (a region a plan does not change has the same outcomes under both).
///
/// Every region of every run draws from its own generator, derived from the seed, the run
/// number and the region's position; runs are split into fixed chunks of `chunkSize` for
/// parallel work and the integer tallies are combined in chunk order. A report therefore
/// depends on the seed and inputs only, never on the number of cores.
public enum MonteCarlo {
    /// Runs per chunk (the unit of parallel work and of progress reports).
    public static let chunkSize = 1_000
    /// Largest number of runs accepted.
    public static let maximumRuns = InputLimits.riskRuns.upperBound
    /// Largest expected number of incidents per region and run accepted.
    public static let maximumExpectedIncidents = 200_000.0
    /// Most plans evaluated together (with the baseline, at most 64 scenarios).
    public static let maximumPlans = 63
    /// Bound on (plans + 1) × months², the most count cells a region's run may need (8 bytes
    /// each): 3 scenarios over 100 years, or 64 over 58.
    public static let maximumCountCells = 32_000_000

    /// Probability of resurgence under `plan` and under `baseline`, with intervals and
    /// expected incidents per region. The same as `evaluate(plans: [plan], …)`.
    public static func evaluate(plan: [RegionExposure],
                                baseline: [RegionExposure],
                                model: RiskModel,
                                threshold: ResurgenceThreshold,
                                runs: Int,
                                seed: UInt64,
                                parameterUncertainty: Bool = false,
                                parallelism: Int? = nil,
                                progress: ((Int) -> Void)? = nil) async throws -> RiskReport {
        try await evaluate(plans: [plan], baseline: baseline, model: model, threshold: threshold, runs: runs, seed: seed,
                           parameterUncertainty: parameterUncertainty, parallelism: parallelism, progress: progress)[0]
    }

    /// Probability of resurgence under each plan and under `baseline`, simulated together:
    /// one report per plan, in order, each with the baseline's figures and the paired
    /// difference.
    ///
    /// - Parameters:
    ///   - plans: each plan's per-region exposures; every plan has the baseline's regions
    ///     (in any order) and every region the same number of months.
    ///   - baseline: the no-change exposures (see `RegionExposure.noChangeBaseline(for:)`).
    ///   - parameterUncertainty: when true, each run draws every region's (μ, α, β) from the
    ///     fit's asymptotic normal on the log scale (`RiskModel.logCovariance`) and γ from
    ///     N(γ̂, se²) where they were fitted, so the figures include estimation uncertainty.
    ///     The draws are shared by the baseline and every plan.
    ///   - parallelism: chunks in flight at once; nil uses every active core.
    ///   - progress: called with the number of runs done, after each chunk.
    /// - Throws: `RiskError` naming the field for unusable input; `CancellationError` when
    ///   the task is cancelled (no new chunk starts after cancellation).
    public static func evaluate(plans: [[RegionExposure]],
                                baseline: [RegionExposure],
                                model: RiskModel,
                                threshold: ResurgenceThreshold,
                                runs: Int,
                                seed: UInt64,
                                parameterUncertainty: Bool = false,
                                parallelism: Int? = nil,
                                progress: ((Int) -> Void)? = nil) async throws -> [RiskReport] {
        try model.validate()
        try threshold.validate()
        guard runs >= 1, runs <= maximumRuns else {
            throw RiskError.invalid(.riskMontecarloRuns, "runs", "runs must be in 1…\(maximumRuns), got \(runs)")
        }
        if let parallelism, parallelism < 1 {
            throw RiskError.invalid(.riskMontecarloParallelism, "parallelism", "parallelism must be at least 1, got \(parallelism)")
        }
        let setup = try Setup(plans: plans, baseline: baseline, model: model, parameterUncertainty: parameterUncertainty)

        let chunks = (runs + chunkSize - 1) / chunkSize
        let width = min(parallelism ?? UsableCores.count, chunks)
        var results = [ChunkResult?](repeating: nil, count: chunks)
        await withTaskGroup(of: (Int, ChunkResult).self) { group in
            var next = 0
            func add() {
                let index = next
                let count = min(chunkSize, runs - index * chunkSize)
                group.addTask {
                    (index, simulate(setup, firstRun: index * chunkSize, runs: count, seed: seed, threshold: threshold))
                }
                next += 1
            }
            while next < min(width, chunks) { add() }
            var done = 0
            while let (index, result) = await group.next() {
                results[index] = result
                done += result.runs
                progress?(done)
                if next < chunks, !Task.isCancelled { add() }
            }
        }
        // Cancelled: chunks in flight finished, no new ones started; no partial report.
        try Task.checkCancellation()
        var total = ChunkResult(runs: 0, scenarios: setup.scenarios, regions: setup.regions.count)
        for result in results {
            guard let result else { continue }
            total.add(result)
        }
        let notes = reportNotes(setup: setup, model: model, parameterUncertainty: parameterUncertainty,
                                truncatedRuns: total.truncatedRuns)
        func regionRisks(_ t: Tally) -> [RiskReport.RegionRisk] {
            setup.regions.indices.map { r in
                RiskReport.RegionRisk(region: setup.regions[r],
                                      pResurgence: Double(t.regionCrossed[r]) / Double(runs),
                                      expectedIncidents: Double(t.regionIncidents[r]) / Double(runs))
            }
        }
        let base = total.tallies[0]
        let baselineFigures = RiskReport.Baseline(
            pResurgence: Double(base.anyCrossed) / Double(runs),
            ci95: RiskReport.wilsonInterval95(successes: base.anyCrossed, trials: runs),
            expectedIncidents: Double(base.regionIncidents.reduce(0, +)) / Double(runs),
            byRegion: regionRisks(base))
        return (0..<setup.plans).map { p in
            let plan = total.tallies[p + 1]
            return RiskReport(
                runs: runs, seed: seed, months: setup.months, threshold: threshold,
                pResurgence: Double(plan.anyCrossed) / Double(runs),
                ci95: RiskReport.wilsonInterval95(successes: plan.anyCrossed, trials: runs),
                expectedIncidents: Double(plan.regionIncidents.reduce(0, +)) / Double(runs),
                byRegion: regionRisks(plan),
                baseline: baselineFigures,
                difference: .init(planOnly: total.planOnly[p], baselineOnly: total.baselineOnly[p], runs: runs),
                illustrative: model.illustrative, notes: notes.en, notesAr: notes.ar)
        }
    }

    /// The caveats every report of one evaluation carries, in English and Arabic.
    static func reportNotes(setup: Setup, model: RiskModel, parameterUncertainty: Bool, truncatedRuns: Int) -> RiskNotes {
        var notes = RiskNotes(en: model.notes, ar: model.notesAr)
        if let u = setup.uncertainty {
            let held = zip(setup.regions, u.regions).filter { $0.1.logFactor == nil }.map(\.0)
            notes.append("parameter uncertainty propagated: each run redraws μ, α, β per region from the fit's covariance" +
                         (u.gammaStandardErrors == .zero ? "" : " and the fitted γ from their standard errors") +
                         (held.isEmpty ? "" : "; held at their estimates for \(held.joined(separator: ", ")) (no covariance)"),
                         ar: "نُقل عدم اليقين في المعلمات: كل محاكاة تعيد سحب μ وα وβ لكل منطقة من تغاير التقدير" +
                         (u.gammaStandardErrors == .zero ? "" : "، ومعاملات γ المقدّرة من أخطائها المعيارية") +
                         (held.isEmpty ? "" : "؛ ثُبّتت عند تقديراتها في \(held.joined(separator: "، ")) (لا تغاير)"))
        } else if parameterUncertainty {
            notes.append("parameter uncertainty requested but the model carries no covariance: parameters held at their estimates",
                         ar: "طُلب نقل عدم اليقين في المعلمات لكن النموذج بلا تغاير: ثُبّتت المعلمات عند تقديراتها")
        }
        let missing = setup.regions.filter { model.regions[$0] == nil }
        if !missing.isEmpty {
            notes.append("no incident model for \(missing.joined(separator: ", ")): default parameters (\(model.fallback)) assumed",
                         ar: "لا نموذج حوادث لـ \(missing.joined(separator: "، ")): افتُرضت المعلمات الافتراضية (\(model.fallback))")
        }
        if truncatedRuns > 0 {
            notes.append("\(truncatedRuns) simulated region-runs exceeded \(RegionSimulator.eventCap) events and were cut short",
                         ar: "\(truncatedRuns) من محاكاة المناطق تجاوزت \(RegionSimulator.eventCap) حدث وقُطعت")
        }
        if model.illustrative, !notes.en.contains(where: { $0.contains("illustrative") }) {
            notes.insertFirst("incident data are illustrative, not observed: these probabilities illustrate the method only",
                              ar: "بيانات الحوادث توضيحية وليست مرصودة: هذه الاحتمالات توضّح المنهج فقط")
        }
        return notes
    }
}
