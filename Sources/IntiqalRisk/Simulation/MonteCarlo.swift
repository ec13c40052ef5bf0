import Foundation

/// Monte Carlo evaluation of a plan's risk of resurgence.
///
/// Every region of every run draws from its own generator, derived from the seed, the run
/// number and the region's position; runs are split into fixed chunks of `chunkSize` for
/// parallel work and the integer tallies are combined in chunk order. A report therefore
/// depends on the seed and inputs only, never on the number of cores. The plan and the
/// baseline (and any plan evaluated with the same seed) use the same generators, region by
/// region and run by run (common random numbers): a region the plan does not change gives
/// the same outcomes under both, so their difference carries less noise.
public enum MonteCarlo {
    /// Runs per chunk (the unit of parallel work and of progress reports).
    public static let chunkSize = 1_000
    /// Largest number of runs accepted.
    public static let maximumRuns = 100_000_000
    /// Largest expected number of incidents per region and run accepted.
    public static let maximumExpectedIncidents = 200_000.0

    /// Probability of resurgence under `plan` and under `baseline`, with intervals and
    /// expected incidents per region.
    ///
    /// - Parameters:
    ///   - plan: per-region exposures of the plan; every region has the same number of months.
    ///   - baseline: the no-change exposures (see `RegionExposure.noChangeBaseline(for:)`),
    ///     same regions and months as `plan`.
    ///   - parameterUncertainty: when true, each run draws every region's (μ, α, β) from the
    ///     fit's asymptotic normal on the log scale (`RiskModel.logCovariance`) and γ from
    ///     N(γ̂, se²) where they were fitted, so the figures include estimation uncertainty.
    ///   - parallelism: chunks in flight at once; nil uses every active core.
    ///   - progress: called with the number of runs done, after each chunk.
    /// - Throws: `RiskError` naming the field for unusable input; `CancellationError` when
    ///   the task is cancelled (no new chunk starts after cancellation).
    public static func evaluate(plan: [RegionExposure],
                                baseline: [RegionExposure],
                                model: RiskModel,
                                threshold: ResurgenceThreshold,
                                runs: Int,
                                seed: UInt64,
                                parameterUncertainty: Bool = false,
                                parallelism: Int? = nil,
                                progress: ((Int) -> Void)? = nil) async throws -> RiskReport {
        try model.validate()
        try threshold.validate()
        guard runs >= 1, runs <= maximumRuns else {
            throw RiskError.invalid("runs", "runs must be in 1…\(maximumRuns), got \(runs)")
        }
        if let parallelism, parallelism < 1 {
            throw RiskError.invalid("parallelism", "parallelism must be at least 1, got \(parallelism)")
        }
        let setup = try Setup(plan: plan, baseline: baseline, model: model, parameterUncertainty: parameterUncertainty)

        let chunks = (runs + chunkSize - 1) / chunkSize
        let width = min(parallelism ?? ProcessInfo.processInfo.activeProcessorCount, chunks)
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
        var plan = Tally(regions: setup.regions.count)
        var base = Tally(regions: setup.regions.count)
        var planOnly = 0, baselineOnly = 0
        for result in results {
            guard let result else { continue }
            plan.add(result.plan)
            base.add(result.baseline)
            planOnly += result.planOnly
            baselineOnly += result.baselineOnly
        }

        var notes = model.notes
        if let u = setup.uncertainty {
            let held = zip(setup.regions, u.regions).filter { $0.1.logFactor == nil }.map(\.0)
            notes.append("parameter uncertainty propagated: each run redraws μ, α, β per region from the fit's covariance" +
                         (u.gammaStandardErrors == .zero ? "" : " and the fitted γ from their standard errors") +
                         (held.isEmpty ? "" : "; held at their estimates for \(held.joined(separator: ", ")) (no covariance)"))
        } else if parameterUncertainty {
            notes.append("parameter uncertainty requested but the model carries no covariance: parameters held at their estimates")
        }
        let missing = setup.regions.filter { model.regions[$0] == nil }
        if !missing.isEmpty {
            notes.append("no incident model for \(missing.joined(separator: ", ")): default parameters (\(model.fallback)) assumed")
        }
        if plan.truncatedRuns + base.truncatedRuns > 0 {
            notes.append("\(plan.truncatedRuns + base.truncatedRuns) simulated runs exceeded \(RegionSimulator.eventCap) events in a region and were cut short")
        }
        if model.illustrative, !notes.contains(where: { $0.contains("illustrative") }) {
            notes.insert("incident data are illustrative, not observed: these probabilities illustrate the method only", at: 0)
        }
        func regionRisks(_ t: Tally) -> [RiskReport.RegionRisk] {
            setup.regions.indices.map { r in
                RiskReport.RegionRisk(region: setup.regions[r],
                                      pResurgence: Double(t.regionCrossed[r]) / Double(runs),
                                      expectedIncidents: Double(t.regionIncidents[r]) / Double(runs))
            }
        }
        return RiskReport(
            runs: runs, seed: seed, months: setup.months, threshold: threshold,
            pResurgence: Double(plan.anyCrossed) / Double(runs),
            ci95: RiskReport.wilsonInterval95(successes: plan.anyCrossed, trials: runs),
            expectedIncidents: Double(plan.regionIncidents.reduce(0, +)) / Double(runs),
            byRegion: regionRisks(plan),
            baseline: .init(pResurgence: Double(base.anyCrossed) / Double(runs),
                            ci95: RiskReport.wilsonInterval95(successes: base.anyCrossed, trials: runs),
                            expectedIncidents: Double(base.regionIncidents.reduce(0, +)) / Double(runs),
                            byRegion: regionRisks(base)),
            difference: .init(planOnly: planOnly, baselineOnly: baselineOnly, runs: runs),
            illustrative: model.illustrative, notes: notes)
    }

    /// Background rates per region and month, ready for simulation.
    struct Setup: Sendable {
        var regions: [String]
        var months: Int
        var plan: [RegionSimulator]
        var baseline: [RegionSimulator]
        /// What a run needs to redraw parameters (nil: parameters held at their estimates).
        var uncertainty: Uncertainty?

        struct Uncertainty: Sendable {
            struct Region: Sendable {
                var parameters: HawkesParameters
                var logFactor: Matrix3?     // L with L·Lᵀ = covariance of (log μ, log α, log β)
                var reference: Double
                var plan: RegionExposure
                var baseline: RegionExposure
            }
            var regions: [Region]
            var gamma: SIMD2<Double>
            var gammaStandardErrors: SIMD2<Double>
        }

        init(plan: [RegionExposure], baseline: [RegionExposure], model: RiskModel, parameterUncertainty: Bool = false) throws {
            guard plan.count < Int(MonteCarlo.gammaStream) else {
                throw RiskError.invalid("plan", "at most \(MonteCarlo.gammaStream - 1) regions, got \(plan.count)")
            }
            var uncertain: [Uncertainty.Region] = []
            guard !plan.isEmpty else { throw RiskError.invalid("plan", "the plan has no regions") }
            for e in plan { try e.validate() }
            for e in baseline { try e.validate() }
            let months = plan[0].months
            guard months <= 1_200 else { throw RiskError.invalid("plan.\(plan[0].region).gap", "at most 1200 months, got \(months)") }
            var seen = Set<String>()
            var baseByRegion: [String: RegionExposure] = [:]
            for e in baseline {
                guard baseByRegion.updateValue(e, forKey: e.region) == nil else {
                    throw RiskError.invalid("baseline.\(e.region)", "region '\(e.region)' appears twice in the baseline")
                }
            }
            var planSims: [RegionSimulator] = []
            var baseSims: [RegionSimulator] = []
            for e in plan {
                guard seen.insert(e.region).inserted else {
                    throw RiskError.invalid("plan.\(e.region)", "region '\(e.region)' appears twice in the plan")
                }
                guard e.months == months else {
                    throw RiskError.invalid("plan.\(e.region).gap", "region '\(e.region)' has \(e.months) months, others \(months)")
                }
                guard let b = baseByRegion[e.region] else {
                    throw RiskError.invalid("baseline.\(e.region)", "region '\(e.region)' of the plan is missing from the baseline")
                }
                guard b.months == months else {
                    throw RiskError.invalid("baseline.\(e.region).gap", "baseline region '\(e.region)' has \(b.months) months, the plan \(months)")
                }
                let p = model.parameters(for: e.region)
                let reference = b.gap[0]
                func rates(_ x: RegionExposure) -> [Double] {
                    (0..<months).map { m in
                        model.backgroundRate(region: e.region, gap: x.gap[m], coalitionShare: x.coalitionShare[m], referenceGap: reference)
                    }
                }
                let planRates = rates(e), baseRates = rates(b)
                // Guard against inputs that would take hours or all memory: the expected count
                // is known in closed form (background × days / (1 − α)).
                let expected = max(planRates.reduce(0, +), baseRates.reduce(0, +)) * RegionSimulator.monthDays / (1 - p.alpha)
                guard expected <= MonteCarlo.maximumExpectedIncidents else {
                    throw RiskError.invalid("plan.\(e.region)",
                                            "region '\(e.region)' would average \(expected.formatted(0)) incidents per run (limit \(MonteCarlo.maximumExpectedIncidents.formatted(0))); check the model's rates and the exposures")
                }
                planSims.append(RegionSimulator(background: planRates, alpha: p.alpha, beta: p.beta))
                baseSims.append(RegionSimulator(background: baseRates, alpha: p.alpha, beta: p.beta))
                uncertain.append(.init(parameters: p, logFactor: model.logCovariance[e.region].flatMap { Matrix3($0).choleskyOfCovariance() },
                                       reference: model.referenceGap[e.region] ?? reference, plan: e, baseline: b))
            }
            if let extra = baseline.first(where: { !seen.contains($0.region) }) {
                throw RiskError.invalid("baseline.\(extra.region)", "baseline region '\(extra.region)' is not in the plan")
            }
            regions = plan.map(\.region)
            self.months = months
            self.plan = planSims
            self.baseline = baseSims
            let gammaErrors = SIMD2(model.gammaGapStandardError ?? 0, model.gammaDepartureStandardError ?? 0)
            if parameterUncertainty, uncertain.contains(where: { $0.logFactor != nil }) || gammaErrors != .zero {
                uncertainty = Uncertainty(regions: uncertain, gamma: SIMD2(model.gammaGap, model.gammaDeparture),
                                          gammaStandardErrors: gammaErrors)
            } else {
                uncertainty = nil
            }
        }
    }

    struct Tally: Sendable {
        var anyCrossed = 0
        var regionCrossed: [Int]
        var regionIncidents: [Int]
        var truncatedRuns = 0

        init(regions: Int) {
            regionCrossed = Array(repeating: 0, count: regions)
            regionIncidents = Array(repeating: 0, count: regions)
        }

        mutating func add(_ other: Tally) {
            anyCrossed += other.anyCrossed
            truncatedRuns += other.truncatedRuns
            for r in regionCrossed.indices {
                regionCrossed[r] += other.regionCrossed[r]
                regionIncidents[r] += other.regionIncidents[r]
            }
        }
    }

    struct ChunkResult: Sendable {
        var runs: Int
        var plan: Tally
        var baseline: Tally
        /// Runs where only the plan crossed, and only the baseline (for the paired difference).
        var planOnly = 0
        var baselineOnly = 0
    }

    /// The generator of one region in one run: the same for the plan and the baseline, and
    /// for every plan evaluated with the same seed (common random numbers per region and run).
    @inline(__always)
    static func generator(seed: UInt64, run: Int, region: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed, stream: UInt64(run) &* 0x1_0000 &+ UInt64(region))
    }

    /// Stream index (in place of a region's position) of the per-run γ draw.
    static let gammaStream: UInt64 = 0xFFFF

    /// Standard normal pair by Box–Muller.
    @inline(__always)
    static func normals(_ rng: inout Xoshiro256StarStar) -> (Double, Double) {
        let r = (-2 * log(rng.nextOpenUnit())).squareRoot()
        let angle = 2 * Double.pi * rng.nextOpenUnit()
        return (r * cos(angle), r * sin(angle))
    }

    /// Plan and baseline simulators of one region with parameters drawn for one run.
    static func drawn(_ u: Setup.Uncertainty.Region, gamma: SIMD2<Double>, months: Int,
                      rng: inout Xoshiro256StarStar) -> (RegionSimulator, RegionSimulator) {
        var p = u.parameters
        if let l = u.logFactor {
            let (z0, z1) = normals(&rng)
            let (z2, _) = normals(&rng)
            let z = SIMD3(z0, z1, z2)
            var shift = SIMD3<Double>()
            for i in 0..<3 { for j in 0...i { shift[i] += l[i, j] * z[j] } }
            p = HawkesParameters(mu: min(p.mu * exp(shift.x), 1e6),
                                 alpha: min(p.alpha * exp(shift.y), RiskModel.maximumFittedAlpha),
                                 beta: min(max(p.beta * exp(shift.z), 1e-6), 1e6))
        }
        func rates(_ x: RegionExposure) -> [Double] {
            (0..<months).map { m in
                RiskModel.backgroundRate(mu: p.mu, gammaGap: gamma.x, gammaDeparture: gamma.y,
                                         gap: x.gap[m], reference: u.reference, coalitionShare: x.coalitionShare[m])
            }
        }
        return (RegionSimulator(background: rates(u.plan), alpha: p.alpha, beta: p.beta),
                RegionSimulator(background: rates(u.baseline), alpha: p.alpha, beta: p.beta))
    }

    /// Runs `firstRun ..< firstRun + runs`, plan and baseline side by side.
    static func simulate(_ setup: Setup, firstRun: Int, runs: Int, seed: UInt64, threshold: ResurgenceThreshold) -> ChunkResult {
        var result = ChunkResult(runs: runs, plan: Tally(regions: setup.regions.count), baseline: Tally(regions: setup.regions.count))
        let months = setup.months
        var stack = EventStack()
        defer { stack.deallocate() }
        var counts = [Int](repeating: 0, count: months)
        ExponentialZiggurat.shared.withTables { exp1 in
            counts.withUnsafeMutableBufferPointer { buffer in
                /// Simulates one region, books it, and says whether it crossed.
                func book(_ sim: RegionSimulator, _ rng: inout Xoshiro256StarStar, _ r: Int, _ tally: inout Tally) -> Bool {
                    if !sim.run(&rng, exp1: exp1, counts: buffer, stack: &stack) { tally.truncatedRuns += 1 }
                    var total = 0
                    for m in 0..<months { total += buffer[m] }
                    tally.regionIncidents[r] += total
                    guard threshold.isCrossed(by: buffer) else { return false }
                    tally.regionCrossed[r] += 1
                    return true
                }
                for run in firstRun..<(firstRun + runs) {
                    var planAny = false, baseAny = false
                    var gamma = SIMD2<Double>()
                    if let u = setup.uncertainty {
                        var g = Xoshiro256StarStar(seed: seed, stream: UInt64(run) &* 0x1_0000 &+ gammaStream)
                        let (z0, z1) = normals(&g)
                        gamma = u.gamma + u.gammaStandardErrors * SIMD2(z0, z1)
                    }
                    for r in setup.regions.indices {
                        var rng = generator(seed: seed, run: run, region: r)
                        var planSim = setup.plan[r], baseSim = setup.baseline[r]
                        if let u = setup.uncertainty {
                            (planSim, baseSim) = drawn(u.regions[r], gamma: gamma, months: months, rng: &rng)
                        }
                        var same = rng
                        planAny = book(planSim, &rng, r, &result.plan) || planAny
                        baseAny = book(baseSim, &same, r, &result.baseline) || baseAny
                    }
                    if planAny { result.plan.anyCrossed += 1 }
                    if baseAny { result.baseline.anyCrossed += 1 }
                    if planAny && !baseAny { result.planOnly += 1 }
                    if baseAny && !planAny { result.baselineOnly += 1 }
                }
            }
        }
        return result
    }
}
