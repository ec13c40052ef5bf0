import Foundation
import Testing
@testable import IntiqalRisk

@Suite struct MonteCarloTests {
    static let regions = ["anbar", "baghdad", "ninewa"]

    static func setting(months: Int = 12) -> (plan: [RegionExposure], baseline: [RegionExposure], model: RiskModel) {
        var params: [String: HawkesParameters] = [:]
        var plan: [RegionExposure] = []
        for (i, region) in regions.enumerated() {
            params[region] = HawkesParameters(mu: 0.05 + 0.02 * Double(i), alpha: 0.5, beta: 0.8)
            plan.append(RegionExposure(region: region,
                                       gap: (0..<months).map { m in 2 + 0.1 * Double(m) },
                                       coalitionShare: (0..<months).map { m in max(0, 1 - Double(m) / 6) }))
        }
        return (plan, RegionExposure.noChangeBaseline(for: plan), RiskModel(regions: params))
    }

    static let threshold = ResurgenceThreshold(incidentsPerMonth: 4, consecutiveMonths: 2)

    @Test func sameSeedGivesSameReport() async throws {
        let s = Self.setting()
        let a = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                              threshold: Self.threshold, runs: 1_500, seed: 99)
        let b = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                              threshold: Self.threshold, runs: 1_500, seed: 99)
        let c = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                              threshold: Self.threshold, runs: 1_500, seed: 100)
        #expect(a == b)
        #expect(a != c)
    }

    @Test(arguments: [1, 2, 3, 8])
    func resultDoesNotDependOnParallelism(width: Int) async throws {
        let s = Self.setting()
        let serial = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                                   threshold: Self.threshold, runs: 2_500, seed: 7, parallelism: 1)
        let parallel = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                                     threshold: Self.threshold, runs: 2_500, seed: 7, parallelism: width)
        #expect(serial == parallel)
    }

    @Test func drawdownRaisesRiskAndIntervalCoversEstimate() async throws {
        let s = Self.setting()
        let r = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                              threshold: Self.threshold, runs: 4_000, seed: 1)
        #expect(r.pResurgence > r.baseline.pResurgence)
        #expect(r.expectedIncidents > r.baseline.expectedIncidents)
        #expect(r.ci95[0] <= r.pResurgence && r.pResurgence <= r.ci95[1])
        #expect(r.baseline.ci95[0] <= r.baseline.pResurgence && r.baseline.pResurgence <= r.baseline.ci95[1])
        #expect(r.byRegion.map(\.region) == Self.regions)
        // Any region crossing is at least as likely as the likeliest single region.
        #expect(r.pResurgence >= r.byRegion.map(\.pResurgence).max()!)
        #expect(r.runs == 4_000 && r.seed == 1 && r.months == 12)
    }

    @Test func identicalPlanAndBaselineGiveIdenticalFigures() async throws {
        let s = Self.setting()
        let r = try await MonteCarlo.evaluate(plan: s.baseline, baseline: s.baseline, model: s.model,
                                              threshold: Self.threshold, runs: 1_500, seed: 3)
        #expect(r.pResurgence == r.baseline.pResurgence)
        #expect(r.byRegion == r.baseline.byRegion)
    }

    @Test func regionsThePlanDoesNotChangeHaveIdenticalOutcomes() async throws {
        let s = Self.setting()
        var plan = s.baseline
        plan[0] = s.plan[0]  // only anbar draws down
        let r = try await MonteCarlo.evaluate(plan: plan, baseline: s.baseline, model: s.model,
                                              threshold: .init(incidentsPerMonth: 8, consecutiveMonths: 2), runs: 3_000, seed: 11)
        #expect(r.byRegion[1...] == r.baseline.byRegion[1...])
        #expect(r.byRegion[0].expectedIncidents > r.baseline.byRegion[0].expectedIncidents)
        // The paired difference: consistent, and tighter than treating the two as independent.
        let d = r.difference
        #expect(abs(d.pResurgence - (r.pResurgence - r.baseline.pResurgence)) < 1e-12)
        #expect(d.ci95[0] <= d.pResurgence && d.pResurgence <= d.ci95[1])
        #expect(d.planOnlyRuns >= d.baselineOnlyRuns)
        let n = Double(r.runs), p1 = r.pResurgence, p2 = r.baseline.pResurgence
        let unpaired = 2 * 1.96 * (p1 * (1 - p1) / n + p2 * (1 - p2) / n).squareRoot()
        #expect(p2 > 0.1 && p1 < 0.95, "the setting should give probabilities away from 0 and 1: \(p1), \(p2)")
        #expect(d.ci95[1] - d.ci95[0] < unpaired * 0.8, "paired \(d.ci95) vs unpaired width \(unpaired)")
    }

    @Test func resultDoesNotDependOnHowRunsAreChunked() async throws {
        // Each region of each run has its own generator, so any split of the runs into
        // chunks gives the same tallies: one chunk of 1,500 equals chunks of 1,000 + 500,
        // and equals 3 × 500.
        let s = Self.setting()
        let setup = try MonteCarlo.Setup(plan: s.plan, baseline: s.baseline, model: s.model)
        func run(_ first: Int, _ count: Int) -> MonteCarlo.ChunkResult {
            MonteCarlo.simulate(setup, firstRun: first, runs: count, seed: 21, threshold: Self.threshold)
        }
        let whole = run(0, 1_500)
        for split in [[(0, 1_000), (1_000, 500)], [(0, 500), (500, 500), (1_000, 500)]] {
            var plan = MonteCarlo.Tally(regions: 3), base = MonteCarlo.Tally(regions: 3)
            for (first, count) in split {
                let part = run(first, count)
                plan.add(part.plan)
                base.add(part.baseline)
            }
            #expect(plan.anyCrossed == whole.plan.anyCrossed && plan.regionIncidents == whole.plan.regionIncidents)
            #expect(base.regionCrossed == whole.baseline.regionCrossed)
        }
        let report = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                                   threshold: Self.threshold, runs: 1_500, seed: 21)
        #expect(report.pResurgence == Double(whole.plan.anyCrossed) / 1_500)
    }

    @Test func expectedIncidentsMatchTheory() async throws {
        // Constant exposure: mean count per month is μ·days/(1 − α) after the warm-up.
        let p = HawkesParameters(mu: 0.1, alpha: 0.4, beta: 1)
        let exposure = RegionExposure(region: "x", gap: Array(repeating: 0, count: 24), coalitionShare: Array(repeating: 1, count: 24))
        let model = RiskModel(regions: ["x": p])
        let r = try await MonteCarlo.evaluate(plan: [exposure], baseline: [exposure], model: model,
                                              threshold: .init(incidentsPerMonth: 100, consecutiveMonths: 1), runs: 4_000, seed: 5)
        let expected = 0.1 / 0.6 * 24 * 365.25 / 12
        #expect(abs(r.expectedIncidents / expected - 1) < 0.03, "\(r.expectedIncidents) vs \(expected)")
    }

    @Test func clusterSimulationAgreesWithSequentialExactSimulation() {
        // Two independent exact methods, same varying background: same monthly means.
        let background = (0..<12).map { m in 0.05 * (1 + Double(m) / 4) }
        let sim = RegionSimulator(background: background, alpha: 0.6, beta: 0.4)
        var rngA = Xoshiro256StarStar(seed: 1), rngB = Xoshiro256StarStar(seed: 2)
        var a = [Double](repeating: 0, count: 12), b = a
        var stack = EventStack()
        defer { stack.deallocate() }
        var counts = [Int](repeating: 0, count: 12)
        let runs = 3_000
        ExponentialZiggurat.shared.withTables { exp1 in
            counts.withUnsafeMutableBufferPointer { buffer in
                for _ in 0..<runs {
                    _ = sim.run(&rngA, exp1: exp1, counts: buffer, stack: &stack)
                    for m in 0..<12 { a[m] += Double(buffer[m]) }
                }
            }
        }
        for _ in 0..<runs {
            let c = HawkesSimulator.simulateMonthlyCounts(background: background, alpha: 0.6, beta: 0.4,
                                                          warmUpDays: sim.warmUpDays, using: &rngB)
            for m in 0..<12 { b[m] += Double(c[m]) }
        }
        for m in 0..<12 {
            let meanA = a[m] / Double(runs), meanB = b[m] / Double(runs)
            // Monthly counts have variance ≈ mean/(1−α)² ≈ 6·mean; allow 4 standard errors.
            let se = (2 * 6.25 * max(meanA, meanB) / Double(runs)).squareRoot()
            #expect(abs(meanA - meanB) < 4 * se, "month \(m): cluster \(meanA) vs sequential \(meanB)")
        }
    }

    @Test func progressReportsEveryChunkUpToAllRuns() async throws {
        let s = Self.setting()
        final class Seen: @unchecked Sendable { var values: [Int] = [] }
        let seen = Seen()
        _ = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                          threshold: Self.threshold, runs: 2_345, seed: 1, parallelism: 1,
                                          progress: { seen.values.append($0) })
        #expect(seen.values == [1_000, 2_000, 2_345])
    }

    @Test func cancellationStopsWithoutAReport() async {
        let s = Self.setting(months: 1)
        let task = Task {
            try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                          threshold: Self.threshold, runs: 1_000_000, seed: 1, parallelism: 1)
        }
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
    }

    @Test func reportEncodesTheContractKeys() async throws {
        let s = Self.setting()
        let r = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                              threshold: Self.threshold, runs: 500, seed: 2024)
        let data = try JSONEncoder().encode(r)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["runs", "seed", "pResurgence", "ci95", "byRegion", "baseline", "illustrative", "notes"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let region = try #require((object["byRegion"] as? [[String: Any]])?.first)
        #expect(Set(region.keys).isSuperset(of: ["region", "pResurgence", "expectedIncidents"]))
        let baseline = try #require(object["baseline"] as? [String: Any])
        #expect(baseline["pResurgence"] != nil && (baseline["ci95"] as? [Double])?.count == 2)
        #expect(try JSONDecoder().decode(RiskReport.self, from: data) == r)
    }

    @Test func illustrativeModelSaysSo() async throws {
        var s = Self.setting()
        s.model.illustrative = true
        let r = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                              threshold: Self.threshold, runs: 100, seed: 1)
        #expect(r.illustrative)
        #expect(r.notes.contains { $0.contains("illustrative") })
    }

    @Test func unknownRegionUsesFallbackAndSaysSo() async throws {
        let exposure = RegionExposure(region: "diyala", gap: [1, 1], coalitionShare: [1, 0.5])
        let r = try await MonteCarlo.evaluate(plan: [exposure], baseline: [exposure.noChange], model: RiskModel(regions: [:]),
                                              threshold: Self.threshold, runs: 100, seed: 1)
        #expect(r.notes.contains { $0.contains("diyala") && $0.contains("default") })
    }

    @Test func rejectsBadInputWithClearErrors() async {
        let s = Self.setting()
        func fails(_ plan: [RegionExposure], _ baseline: [RegionExposure], model: RiskModel? = nil,
                   threshold: ResurgenceThreshold = Self.threshold, runs: Int = 10, mentioning: String) async {
            do {
                _ = try await MonteCarlo.evaluate(plan: plan, baseline: baseline, model: model ?? s.model,
                                                  threshold: threshold, runs: runs, seed: 1)
                Issue.record("expected an error mentioning \(mentioning)")
            } catch {
                #expect(String(describing: error).contains(mentioning), "\(error)")
            }
        }
        await fails([], [], mentioning: "no regions")
        await fails(s.plan, s.baseline, runs: 0, mentioning: "runs")
        await fails(s.plan, s.baseline, threshold: .init(incidentsPerMonth: 0, consecutiveMonths: 1), mentioning: "incidentsPerMonth")
        await fails(s.plan, s.baseline, threshold: .init(incidentsPerMonth: 3, consecutiveMonths: 0), mentioning: "consecutiveMonths")
        var nan = s.plan
        nan[1].gap[3] = .nan
        await fails(nan, s.baseline, mentioning: "baghdad.gap[3]")
        var negative = s.plan
        negative[0].coalitionShare[0] = -0.1
        await fails(negative, s.baseline, mentioning: "anbar.coalitionShare[0]")
        var short = s.plan
        short[2].gap.removeLast()
        await fails(short, s.baseline, mentioning: "ninewa")
        await fails(s.plan, Array(s.baseline.dropLast()), mentioning: "missing from the baseline")
        await fails(s.plan + [s.plan[0]], s.baseline, mentioning: "twice")
        await fails(s.plan, s.baseline, model: RiskModel(regions: ["anbar": .init(mu: 0.1, alpha: 1.2, beta: 1)]), mentioning: "alpha")
        await fails(s.plan, s.baseline, model: RiskModel(regions: ["anbar": .init(mu: .nan, alpha: 0.2, beta: 1)]), mentioning: "mu")
        await fails(s.plan, s.baseline, model: RiskModel(regions: ["anbar": .init(mu: 1e6, alpha: 0.2, beta: 1)]), mentioning: "incidents per run")
        await fails(s.plan, s.baseline, model: RiskModel(regions: ["anbar": .init(mu: 1e308, alpha: 0.2, beta: 1)]), mentioning: "inf incidents per run")
    }
}

@Suite struct ResurgenceThresholdTests {
    let threshold = ResurgenceThreshold(incidentsPerMonth: 5, consecutiveMonths: 3)

    @Test func crossesOnlyWithConsecutiveMonthsAtOrAboveTheLevel() {
        #expect(threshold.isCrossed(by: [5, 5, 5]))
        #expect(threshold.isCrossed(by: [0, 9, 6, 5, 0]))
        #expect(!threshold.isCrossed(by: [5, 5, 4, 5, 5]))      // broken run
        #expect(!threshold.isCrossed(by: [9, 9]))               // too short
        #expect(!threshold.isCrossed(by: [4, 4, 4, 4, 4, 4]))   // below the level
        #expect(threshold.isCrossed(by: [5, 5, 0, 5, 5, 5]))    // a later run counts
        #expect(!threshold.isCrossed(by: []))
        #expect(ResurgenceThreshold(incidentsPerMonth: 1, consecutiveMonths: 1).isCrossed(by: [0, 1]))
    }
}

@Suite struct RandomTests {
    @Test func ziggurateExponentialHasExponentialDistribution() {
        let x = ExponentialZiggurat.sample(count: 100_000, seed: 3)
        let mean = x.reduce(0, +) / Double(x.count)
        let variance = x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(x.count)
        #expect(abs(mean - 1) < 0.015)
        #expect(abs(variance - 1) < 0.03)
        #expect(KSTest.exponential(x).pValue > 0.01)
        #expect(x.allSatisfy { $0 >= 0 && $0.isFinite })
    }

    @Test func streamsAreDistinctAndReproducible() {
        var a = Xoshiro256StarStar(seed: 1, stream: 0), b = Xoshiro256StarStar(seed: 1, stream: 1)
        var a2 = Xoshiro256StarStar(seed: 1, stream: 0)
        let xa = (0..<4).map { _ in a.next() }, xb = (0..<4).map { _ in b.next() }
        #expect(xa != xb)
        #expect(xa == (0..<4).map { _ in a2.next() })
    }
}

@Suite struct ParameterUncertaintyTests {
    static let threshold = ResurgenceThreshold(incidentsPerMonth: 20, consecutiveMonths: 3)

    @Test func withoutCovarianceNothingChanges() async throws {
        let s = MonteCarloTests.setting()
        let fixed = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                                  threshold: Self.threshold, runs: 1_000, seed: 8)
        let asked = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                                  threshold: Self.threshold, runs: 1_000, seed: 8, parameterUncertainty: true)
        #expect(fixed.pResurgence == asked.pResurgence && fixed.byRegion == asked.byRegion)
        #expect(asked.notes.contains { $0.contains("no covariance") })
    }

    @Test func uncertaintyWidensTheSpreadAndIsReproducible() async throws {
        var s = MonteCarloTests.setting()
        // 30 % standard deviation on log μ, 20 % on log α, none on β; γ_gap ± 0.1.
        let covariance = [0.09, 0, 0, 0, 0.04, 0, 0, 0, 0]
        for region in MonteCarloTests.regions { s.model.logCovariance[region] = covariance }
        s.model.gammaGapStandardError = 0.1
        let fixed = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                                  threshold: Self.threshold, runs: 3_000, seed: 8)
        let a = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                              threshold: Self.threshold, runs: 3_000, seed: 8, parameterUncertainty: true)
        let b = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                              threshold: Self.threshold, runs: 3_000, seed: 8, parameterUncertainty: true, parallelism: 1)
        #expect(a == b)
        #expect(a.notes.contains { $0.contains("parameter uncertainty propagated") && $0.contains("γ") })
        // Expected incidents stay close (lognormal noise on μ raises the mean by ~e^{σ²/2} ≈ 4.6 %).
        #expect(abs(a.expectedIncidents / fixed.expectedIncidents - 1) < 0.15)
        // Uncertain rates fatten the tail of a rare threshold: resurgence becomes likelier.
        #expect(fixed.pResurgence < 0.3)
        #expect(a.pResurgence > fixed.pResurgence, "\(a.pResurgence) vs \(fixed.pResurgence)")
    }

    @Test func fittedModelsCarryTheirCovariance() throws {
        let incidents = try IncidentFitTests.records(region: "anbar", parameters: .init(mu: 0.2, alpha: 0.4, beta: 0.5), days: 730, seed: 8)
        let fit = try RiskModel.fit(incidents: incidents)
        let c = try #require(fit.model.logCovariance["anbar"])
        let se = try #require(fit.regions.first?.fit?.standardErrors.mu)
        #expect(abs(c[0].squareRoot() - se / fit.model.regions["anbar"]!.mu) < 1e-9)
        try fit.model.validate()
    }
}

@Suite struct ReportTests {
    @Test func wilsonIntervalMatchesKnownValues() {
        // 0 of 10: [0, 0.2775]; 5 of 10: [0.2366, 0.7634] (Wilson 1927).
        let zero = RiskReport.wilsonInterval95(successes: 0, trials: 10)
        #expect(zero[0] == 0 && abs(zero[1] - 0.2775) < 1e-4)
        let half = RiskReport.wilsonInterval95(successes: 5, trials: 10)
        #expect(abs(half[0] - 0.2366) < 1e-4 && abs(half[1] - 0.7634) < 1e-4)
        #expect(RiskReport.wilsonInterval95(successes: 0, trials: 0) == [0, 1])
    }

    @Test func modelDecodesWithOnlyRegions() throws {
        let model = try JSONDecoder().decode(RiskModel.self, from: Data(#"{"regions": {"anbar": {"mu": 0.1, "alpha": 0.5, "beta": 1}}}"#.utf8))
        #expect(model.gammaGap == RiskModel.defaultGammaGap && model.logCovariance.isEmpty && !model.illustrative)
        let again = try JSONDecoder().decode(RiskModel.self, from: JSONEncoder().encode(model))
        #expect(again == model)
    }
}
