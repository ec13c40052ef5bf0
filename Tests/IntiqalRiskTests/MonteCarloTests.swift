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
        let setup = try MonteCarlo.Setup(plans: [s.plan], baseline: s.baseline, model: s.model)
        func run(_ first: Int, _ count: Int) -> MonteCarlo.ChunkResult {
            MonteCarlo.simulate(setup, firstRun: first, runs: count, seed: 21, threshold: Self.threshold)
        }
        let whole = run(0, 1_500)
        for split in [[(0, 1_000), (1_000, 500)], [(0, 500), (500, 500), (1_000, 500)]] {
            var total = MonteCarlo.ChunkResult(runs: 0, scenarios: 2, regions: 3)
            for (first, count) in split { total.add(run(first, count)) }
            #expect(total == whole)
        }
        let report = try await MonteCarlo.evaluate(plan: s.plan, baseline: s.baseline, model: s.model,
                                                   threshold: Self.threshold, runs: 1_500, seed: 21)
        #expect(report.pResurgence == Double(whole.tallies[1].anyCrossed) / 1_500)
        #expect(report.baseline.pResurgence == Double(whole.tallies[0].anyCrossed) / 1_500)
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

    /// Monthly counts of every scenario of a joint simulator, over `runs` runs.
    static func jointCounts(_ sim: RegionSimulator, runs: Int, seed: UInt64) -> [[[Int]]] {
        var rng = Xoshiro256StarStar(seed: seed)
        var births = Generations()
        defer { births.deallocate() }
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: sim.countsLength)
        let scratch = UnsafeMutableBufferPointer<Int>.allocate(capacity: sim.months)
        defer { counts.deallocate(); scratch.deallocate() }
        var out = Array(repeating: [[Int]](), count: sim.scenarios)
        let view = sim.view
        ExponentialZiggurat.shared.withTables { exp1 in
            for _ in 0..<runs {
                _ = view.run(&rng, exp1: exp1, counts: counts, births: &births)
                for s in 0..<sim.scenarios { out[s].append(Array(view.counts(of: s, from: counts, scratch: scratch))) }
            }
        }
        return out
    }

    @Test(arguments: [true, false])
    func jointSimulationAgreesWithSequentialExactSimulationForEveryScenario(tabulate: Bool) {
        // Three scenarios with rates that cross over the months (so the layers change order),
        // one of them zero in some months; two independent exact methods must give the same
        // distribution of monthly counts for each: means, variances and tail frequencies.
        let months = 12
        let background: [[Double]] = [
            (0..<months).map { m in 0.05 * (1 + Double(m) / 4) },
            (0..<months).map { m in 0.2 - 0.015 * Double(m) },
            (0..<months).map { m in m % 4 == 1 ? 0 : 0.1 },
        ]
        let (alpha, beta) = (0.6, 0.4)
        let sim = RegionSimulator(background: background, alpha: alpha, beta: beta, tabulate: tabulate)
        let runs = 4_000
        let joint = Self.jointCounts(sim, runs: runs, seed: 1)
        var rng = Xoshiro256StarStar(seed: 2)
        for s in 0..<3 {
            let sequential = (0..<runs).map { _ in
                HawkesSimulator.simulateMonthlyCounts(background: background[s], alpha: alpha, beta: beta,
                                                      warmUpDays: sim.warmUpDays, using: &rng)
            }
            for m in 0..<months {
                let a = joint[s].map { Double($0[m]) }, b = sequential.map { Double($0[m]) }
                let meanA = a.reduce(0, +) / Double(runs), meanB = b.reduce(0, +) / Double(runs)
                let varA = a.map { ($0 - meanA) * ($0 - meanA) }.reduce(0, +) / Double(runs - 1)
                let varB = b.map { ($0 - meanB) * ($0 - meanB) }.reduce(0, +) / Double(runs - 1)
                let se = ((varA + varB) / Double(runs)).squareRoot()
                #expect(abs(meanA - meanB) <= 4 * se + 1e-9, "scenario \(s) month \(m): joint \(meanA) vs sequential \(meanB)")
                // Variances of overdispersed counts: within 25 % of each other.
                if varB > 0.5 { #expect(abs(varA / varB - 1) < 0.25, "scenario \(s) month \(m): variance \(varA) vs \(varB)") }
            }
            // The tail: P(a month with ≥ 8 incidents), over the horizon.
            let tailA = Double(joint[s].filter { $0.contains { $0 >= 8 } }.count) / Double(runs)
            let tailB = Double(sequential.filter { $0.contains { $0 >= 8 } }.count) / Double(runs)
            let se = ((tailA * (1 - tailA) + tailB * (1 - tailB)) / Double(runs)).squareRoot()
            #expect(abs(tailA - tailB) <= 4 * se + 1e-9, "scenario \(s): tail \(tailA) vs \(tailB)")
        }
    }

    @Test func scenariosWithTheSameRatesHaveTheSameCountsRunByRun() {
        let base = (0..<10).map { m in 0.1 + 0.01 * Double(m) }
        var higher = base
        for m in 5..<10 { higher[m] *= 2 }
        let sim = RegionSimulator(background: [base, higher, base], alpha: 0.5, beta: 0.3)
        let joint = Self.jointCounts(sim, runs: 500, seed: 9)
        #expect(joint[0] == joint[2])
        // Coupling: the higher scenario has every cluster of the base and more, so at least its
        // count in every month, and exactly its counts before the rates part.
        for (a, b) in zip(joint[0], joint[1]) {
            #expect(zip(a, b).allSatisfy { $0 <= $1 })
            #expect(Array(a[0..<5]) == Array(b[0..<5]))
        }
        let higherTotal: Int = joint[1].joined().reduce(0, +)
        let baseTotal: Int = joint[0].joined().reduce(0, +)
        #expect(higherTotal > baseTotal)
    }

    @Test func evaluatingPlansTogetherMatchesEvaluatingThemApart() async throws {
        // The joint simulation changes the coupling between plans, not any plan's distribution.
        let s = Self.setting()
        let threshold = ResurgenceThreshold(incidentsPerMonth: 10, consecutiveMonths: 3)
        var slower = s.plan
        for r in slower.indices { slower[r].coalitionShare = slower[r].coalitionShare.map { min(1, $0 + 0.3) } }
        let together = try await MonteCarlo.evaluate(plans: [s.plan, slower], baseline: s.baseline, model: s.model,
                                                     threshold: threshold, runs: 6_000, seed: 4)
        let alone = try await MonteCarlo.evaluate(plan: slower, baseline: s.baseline, model: s.model,
                                                  threshold: threshold, runs: 6_000, seed: 5)
        #expect(together.count == 2)
        #expect(together[0].pResurgence < 0.95 && together[0].baseline.pResurgence > 0.05,
                "probabilities away from 0 and 1: \(together.map(\.pResurgence)), \(together[0].baseline.pResurgence)")
        #expect(together[0].baseline == together[1].baseline)
        let a = together[1].pResurgence, b = alone.pResurgence
        let se = ((a * (1 - a) + b * (1 - b)) / 6_000).squareRoot()
        #expect(abs(a - b) < 4 * se, "together \(a) vs alone \(b)")
        #expect(abs(together[1].expectedIncidents / alone.expectedIncidents - 1) < 0.03)
        // The slower drawdown carries less risk, and the plans are paired with the baseline.
        #expect(together[1].pResurgence < together[0].pResurgence)
        #expect(together[0].difference.planOnlyRuns > together[1].difference.planOnlyRuns)
        // Two identical plans get identical reports.
        let twins = try await MonteCarlo.evaluate(plans: [s.plan, s.plan], baseline: s.baseline, model: s.model,
                                                  threshold: threshold, runs: 1_000, seed: 4)
        #expect(twins[0] == twins[1])
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
        do {
            var wrong = s.plan
            wrong[1].coalitionShare[2] = 2
            _ = try await MonteCarlo.evaluate(plans: [s.plan, wrong], baseline: s.baseline, model: s.model,
                                              threshold: Self.threshold, runs: 10, seed: 1)
            Issue.record("expected an error for the second plan")
        } catch {
            #expect(String(describing: error).contains("plans[1].baghdad.coalitionShare[2]"), "\(error)")
        }
        do {
            _ = try await MonteCarlo.evaluate(plans: [s.plan, Array(s.plan.dropFirst())], baseline: s.baseline, model: s.model,
                                              threshold: Self.threshold, runs: 10, seed: 1)
            Issue.record("expected an error for a plan without anbar")
        } catch {
            #expect(String(describing: error).contains("anbar") && String(describing: error).contains("plan 2"), "\(error)")
        }
        do {
            // 64 scenarios over 1,000 months could need 64,000 sets of scenarios: refused up front.
            let long = s.plan.map { RegionExposure(region: $0.region, gap: Array(repeating: 1, count: 1_000),
                                                   coalitionShare: Array(repeating: 1, count: 1_000)) }
            _ = try await MonteCarlo.evaluate(plans: Array(repeating: long, count: 63), baseline: long, model: s.model,
                                              threshold: Self.threshold, runs: 10, seed: 1)
            Issue.record("expected an error for too many plans over too many months")
        } catch {
            #expect(String(describing: error).contains("too many to evaluate together"), "\(error)")
        }
        do {
            _ = try await MonteCarlo.evaluate(plans: [], baseline: s.baseline, model: s.model, threshold: Self.threshold, runs: 10, seed: 1)
            Issue.record("expected an error for no plans")
        } catch {
            #expect(String(describing: error).contains("no plan"), "\(error)")
        }
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
