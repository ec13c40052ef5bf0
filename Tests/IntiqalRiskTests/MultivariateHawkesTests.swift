import Foundation
import Testing
@testable import IntiqalRisk

@Suite struct MultivariateHawkesTests {
    /// A chain a — b — c.
    static let chain = try! NeighbourStructure(regions: ["a", "b", "c"], pairs: [("a", "b"), ("b", "c")])
    static let truth = MultivariateHawkesParameters(mu: [0.5, 0.4, 0.45], alpha: [0.4, 0.3, 0.35], beta: [1.0, 0.8, 1.2], eta: 0.2)

    @Test func gradientMatchesFiniteDifferences() throws {
        let times = try MultivariateHawkesSimulator.simulate(parameters: Self.truth, structure: Self.chain, horizon: 300, seed: 5)
        let likelihood = try MultivariateHawkesLikelihood(times: times, structure: Self.chain, horizon: 300)
        let p = MultivariateHawkesParameters(mu: [0.4, 0.5, 0.3], alpha: [0.3, 0.4, 0.2], beta: [0.7, 1.1, 0.9], eta: 0.15)
        let (_, gradient) = likelihood.evaluate(p)
        var flat = p.mu + p.alpha + p.beta + [p.eta]
        for i in flat.indices {
            let h = 1e-6 * flat[i]
            flat[i] += h
            let up = likelihood.evaluate(Self.unpack(flat)).value
            flat[i] -= 2 * h
            let down = likelihood.evaluate(Self.unpack(flat)).value
            flat[i] += h
            let numeric = (up - down) / (2 * h)
            #expect(abs(numeric - gradient[i]) < 1e-5 * max(1, abs(numeric)), "parameter \(i): \(gradient[i]) vs \(numeric)")
        }
    }

    static func unpack(_ v: [Double]) -> MultivariateHawkesParameters {
        MultivariateHawkesParameters(mu: Array(v[0..<3]), alpha: Array(v[3..<6]), beta: Array(v[6..<9]), eta: v[9])
    }

    @Test func recoversParametersWithinFivePercentOnTenThousandDays() throws {
        let times = try MultivariateHawkesSimulator.simulate(parameters: Self.truth, structure: Self.chain, horizon: 10_000, seed: 20_240_125)
        let fit = try MultivariateHawkesFit.fit(times: times, structure: Self.chain, horizon: 10_000)
        #expect(fit.converged)
        let p = fit.parameters
        func close(_ a: Double, _ b: Double) -> Bool { abs(a / b - 1) < 0.05 }
        for k in 0..<3 {
            #expect(close(p.mu[k], Self.truth.mu[k]), "mu[\(k)] \(p.mu[k])")
            #expect(close(p.alpha[k], Self.truth.alpha[k]), "alpha[\(k)] \(p.alpha[k])")
            #expect(close(p.beta[k], Self.truth.beta[k]), "beta[\(k)] \(p.beta[k])")
        }
        #expect(close(p.eta, Self.truth.eta), "eta \(p.eta)")
        print("multivariate recovery: \(times.map(\.count)) events; mu \(p.mu) alpha \(p.alpha) beta \(p.beta) eta \(p.eta); \(fit.iterations) iterations")
    }

    @Test func independentRegionsFitNoCrossExcitation() throws {
        var truth = Self.truth
        truth.eta = 0
        let times = try MultivariateHawkesSimulator.simulate(parameters: truth, structure: Self.chain, horizon: 10_000, seed: 8)
        let fit = try MultivariateHawkesFit.fit(times: times, structure: Self.chain, horizon: 10_000)
        #expect(fit.parameters.eta < 0.03)
    }

    @Test func neighbourFileIsSymmetricAndChecked() throws {
        let s = try NeighbourCSV.parse("# border\nregion,neighbour\nsyria-border,anbar\nsyria-border,ninewa\nanbar,ninewa\n", file: "n.csv")
        #expect(s.regions == ["syria-border", "anbar", "ninewa"])
        #expect(s.neighbours == [[1, 2], [0, 2], [0, 1]])
        #expect { _ = try NeighbourCSV.parse("region,neighbour\nanbar,anbar\n", file: "n.csv") } throws: { e in
            (e as? RiskError)?.line == 2 && (e as? RiskError)?.field == "neighbour"
        }
        #expect { _ = try NeighbourCSV.parse("a,b\n", file: "n.csv") } throws: { e in (e as? RiskError)?.line == 1 }
        #expect(s.restricted(to: ["ninewa", "anbar"]).neighbours == [[1], [0]])
    }

    @Test func conditionalSimulationCarriesNeighboursExcitation() {
        // No background anywhere: only b's history (excitation in a from its neighbour b) can produce events in a.
        let p = MultivariateHawkesParameters(mu: [1e-12, 1e-12, 1e-12], alpha: [0.2, 0.2, 0.2], beta: [0.5, 0.5, 0.5], eta: 0.4)
        let sim = ConditionalMultivariateSimulator(parameters: p, structure: Self.chain, ownExcitation: [0, 0, 0],
                                                   neighbourExcitation: [5, 0, 0], monthEnds: [30, 60])
        var g = Xoshiro256StarStar(seed: 2)
        let tally = sim.simulate(runs: 5_000, threshold: 1, consecutive: 1, horizons: [2], generator: &g)
        // P(a has no direct offspring of the history) = e^{−η·5·(1 − e^{−0.5·60})} = e^{−2}.
        #expect(abs(tally.run[0][0] - (1 - exp(-2))) < 0.03)
        #expect(tally.run[2][0] < tally.run[0][0])  // c is two steps away
        #expect(tally.plan[0] >= tally.run[0][0])
    }
}
