import Testing
@testable import IntiqalRisk

@Suite struct HawkesFitTests {
    static let truth = HawkesParameters(mu: 0.5, alpha: 0.6, beta: 1.2)

    @Test func recoversParametersFromSimulatedData() throws {
        let times = try HawkesSimulator.simulate(parameters: Self.truth, horizon: 10_000, seed: 20_240_125)
        let fit = try HawkesFit.fit(eventTimes: times, horizon: 10_000)
        #expect(fit.converged)
        #expect(abs(fit.parameters.mu / 0.5 - 1) < 0.05, "mu \(fit.parameters.mu)")
        #expect(abs(fit.parameters.alpha / 0.6 - 1) < 0.05, "alpha \(fit.parameters.alpha)")
        #expect(abs(fit.parameters.beta / 1.2 - 1) < 0.05, "beta \(fit.parameters.beta)")
        // The truth lies within three standard errors of each estimate.
        let se = try #require(fit.standardErrors.mu, "no SE") , seA = try #require(fit.standardErrors.alpha), seB = try #require(fit.standardErrors.beta)
        #expect(abs(fit.parameters.mu - 0.5) < 3 * se)
        #expect(abs(fit.parameters.alpha - 0.6) < 3 * seA)
        #expect(abs(fit.parameters.beta - 1.2) < 3 * seB)
        print("recovery: n=\(times.count) \(fit.parameters) se=(\(se), \(seA), \(seB)) iterations=\(fit.iterations) KS p=\(fit.ks.pValue)")
    }

    /// Across seeds the estimates scatter by their standard errors (β's is ≈ 3.4 % at this
    /// size, so a single seed misses 5 % about one time in eight): each estimate lies within
    /// three standard errors of the truth, and the mean over seeds within 5 %.
    @Test func estimatesScatterWithinTheirStandardErrors() throws {
        var sums = SIMD3<Double>()
        let seeds: [UInt64] = [1, 2, 3, 4]
        for seed in seeds {
            let times = try HawkesSimulator.simulate(parameters: Self.truth, horizon: 10_000, seed: seed)
            let fit = try HawkesFit.fit(eventTimes: times, horizon: 10_000)
            let p = fit.parameters, se = fit.standardErrors
            #expect(abs(p.mu - 0.5) < 3 * (se.mu ?? 0), "seed \(seed): \(p)")
            #expect(abs(p.alpha - 0.6) < 3 * (se.alpha ?? 0), "seed \(seed): \(p)")
            #expect(abs(p.beta - 1.2) < 3 * (se.beta ?? 0), "seed \(seed): \(p)")
            sums += SIMD3(p.mu, p.alpha, p.beta)
        }
        let mean = sums / Double(seeds.count)
        #expect(abs(mean.x / 0.5 - 1) < 0.05 && abs(mean.y / 0.6 - 1) < 0.05 && abs(mean.z / 1.2 - 1) < 0.05, "mean \(mean)")
    }

    @Test func gradientAndHessianMatchFiniteDifferences() throws {
        let times = try HawkesSimulator.simulate(parameters: Self.truth, horizon: 300, seed: 7)
        let likelihood = try HawkesLikelihood(eventTimes: times, horizon: 300)
        let p = HawkesParameters(mu: 0.4, alpha: 0.5, beta: 1.5)
        let e = likelihood.evaluate(p)
        func at(_ v: SIMD3<Double>) -> HawkesLikelihood.Evaluation {
            likelihood.evaluate(HawkesParameters(mu: v.x, alpha: v.y, beta: v.z))
        }
        let base = SIMD3(p.mu, p.alpha, p.beta)
        for i in 0..<3 {
            let h = 1e-6 * base[i]
            var up = base, down = base
            up[i] += h; down[i] -= h
            let eu = at(up), ed = at(down)
            let numeric = (eu.logLikelihood - ed.logLikelihood) / (2 * h)
            #expect(abs(numeric - e.gradient[i]) <= 1e-5 * max(1, abs(numeric)), "gradient[\(i)] \(e.gradient[i]) vs \(numeric)")
            for j in 0..<3 {
                let numericH = (eu.gradient[j] - ed.gradient[j]) / (2 * h)
                let analytic = e.hessianEntries[i * 3 + j]
                #expect(abs(numericH - analytic) <= 1e-4 * max(1, abs(numericH)), "hessian[\(i),\(j)] \(analytic) vs \(numericH)")
            }
        }
    }

    @Test func ksAcceptsTrueModelAndRejectsWrongOne() throws {
        let times = try HawkesSimulator.simulate(parameters: Self.truth, horizon: 3_000, seed: 11)
        let right = try HawkesFit.goodnessOfFit(eventTimes: times, horizon: 3_000, parameters: Self.truth)
        #expect(right.pValue > 0.05, "KS rejected the true model: D=\(right.statistic) p=\(right.pValue)")
        // A Poisson process with the same mean rate ignores the clustering.
        let rate = Double(times.count) / 3_000
        let poisson = HawkesParameters(mu: rate, alpha: 0, beta: 1)
        let wrong = try HawkesFit.goodnessOfFit(eventTimes: times, horizon: 3_000, parameters: poisson)
        #expect(wrong.pValue < 0.001, "KS accepted a Poisson model of clustered data: p=\(wrong.pValue)")
        // The fitted model passes too.
        let fit = try HawkesFit.fit(eventTimes: times, horizon: 3_000)
        #expect(fit.ks.pValue > 0.05)
    }

    @Test func kolmogorovDistributionMatchesKnownQuantiles() {
        // Asymptotic critical values: P(√n D > 1.358) = 0.05, P(√n D > 1.628) = 0.01.
        let n = 1_000_000
        let d05 = 1.358 / Double(n).squareRoot(), d01 = 1.628 / Double(n).squareRoot()
        #expect(abs(KSTest.kolmogorovSurvival(d05, n: n) - 0.05) < 0.002)
        #expect(abs(KSTest.kolmogorovSurvival(d01, n: n) - 0.01) < 0.001)
        #expect(KSTest.kolmogorovSurvival(0, n: 10) == 1)
    }

    @Test func poissonDataFitsSmallBranchingRatio() throws {
        let times = try HawkesSimulator.simulate(parameters: HawkesParameters(mu: 1, alpha: 0, beta: 1), horizon: 2_000, seed: 5)
        let fit = try HawkesFit.fit(eventTimes: times, horizon: 2_000)
        // α is not distinguishable from 0 and the mean rate is right.
        let seAlpha = try #require(fit.standardErrors.alpha)
        #expect(fit.parameters.alpha < 2.5 * seAlpha, "\(fit.parameters) se=\(seAlpha)")
        let rate = try #require(fit.parameters.stationaryRate)
        #expect(abs(rate - Double(times.count) / 2_000) < 0.05)
    }

    @Test func rejectsBadInputWithClearErrors() {
        #expect(throws: RiskError.self) { try HawkesFit.fit(eventTimes: [], horizon: 10) }
        #expect(throws: RiskError.self) { try HawkesFit.fit(eventTimes: [1, 2, 3], horizon: 10) }
        #expect(throws: RiskError.self) { try HawkesFit.fit(eventTimes: Array(repeating: 1, count: 20) + [.nan], horizon: 10) }
        #expect(throws: RiskError.self) { try HawkesFit.fit(eventTimes: (0..<20).map(Double.init), horizon: -1) }
        #expect(throws: RiskError.self) { try HawkesFit.fit(eventTimes: (0..<20).map { -Double($0) }, horizon: 30) }
        #expect(throws: RiskError.self) { try HawkesFit.fit(eventTimes: (0..<20).map(Double.init), horizon: .infinity) }
        do {
            _ = try HawkesFit.fit(eventTimes: [1, .nan] + (2..<20).map(Double.init), horizon: 30)
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error).contains("eventTimes[1]"))
        }
    }

    @Test func tiedEventTimesStillFit() throws {
        // Daily data: many events on the same instant must not crash or give NaN.
        let times = (0..<200).map { Double($0 / 4) }
        let fit = try HawkesFit.fit(eventTimes: times, horizon: 60)
        #expect(fit.parameters.mu.isFinite && fit.parameters.alpha.isFinite && fit.parameters.beta.isFinite)
    }

    /// Small samples have several local maxima (e.g. β → 0, excitation as a trend): the fit
    /// must reach the best one that 24 extra starts can find.
    @Test func fitReachesTheBestOfManyStarts() throws {
        var misses: [String] = []
        for seed in 0..<20 as Range<UInt64> {
            for (horizon, p) in [(300.0, HawkesParameters(mu: 0.1, alpha: 0.3, beta: 0.5)),
                                 (2_000.0, HawkesParameters(mu: 0.3, alpha: 0.2, beta: 2))] {
                let times = try HawkesSimulator.simulate(parameters: p, horizon: horizon, seed: seed)
                guard times.count >= HawkesFit.minimumEvents else { continue }
                let likelihood = try HawkesLikelihood(eventTimes: times, horizon: horizon)
                let fit = try HawkesFit.fit(likelihood, start: nil)
                let rate = Double(times.count) / horizon
                for a in [0.1, 0.3, 0.5, 0.8] {
                    for scale in [0.01, 0.1, 1, 10, 100, 1_000] {
                        let other = try HawkesFit.fit(likelihood, starts: [HawkesParameters(mu: rate * (1 - a), alpha: a, beta: rate * scale)], grid: false)
                        if other.logLikelihood > fit.logLikelihood + 1e-6 {
                            misses.append("seed \(seed) n=\(times.count): \(fit.logLikelihood) < \(other.logLikelihood)")
                        }
                    }
                }
                #expect(fit.parameters.beta >= 1 / horizon && fit.parameters.alpha <= HawkesFit.maximumAlpha)
            }
        }
        #expect(misses.isEmpty, "\(misses)")
    }
}
