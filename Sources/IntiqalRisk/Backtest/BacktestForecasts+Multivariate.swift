import Foundation
import IntiqalDomain

extension BacktestForecasts {
    /// The multivariate model's forecast at one origin: fitted jointly on the window (warm
    /// started from the last origin's fit, else from the regions' univariate fits with η = 0.05),
    /// each region's background re-estimated on the level months as for the univariate model,
    /// then simulated forward jointly from the excitation the window leaves.
    mutating func multivariateForecast(origin: Int, windowStart w0: Int, monthEnds: [Double],
                                       start univariate: [HawkesParameters?]) -> [RegionForecast] {
        let structure = structure!
        let k = panel.regions.count
        let t0 = panel.monthStart[w0], t1 = panel.monthStart[origin]
        let horizon = t1 - t0
        let times = (0..<k).map { r in panel.times[r][panel.events(r, from: t0, to: t1)].map { $0 - t0 } }
        let betas = univariate.compactMap { $0?.beta }.sorted()
        let medianBeta = betas.isEmpty ? 0.5 : betas[betas.count / 2]
        let start = previousMultivariate ?? MultivariateHawkesParameters(
            mu: (0..<k).map { r in univariate[r].map { $0.mu } ?? max(Double(times[r].count), 0.5) / horizon },
            alpha: (0..<k).map { r in min(0.9, univariate[r]?.alpha ?? 0.1) },
            beta: (0..<k).map { r in univariate[r]?.beta ?? medianBeta },
            eta: 0.05)
        var parameters: MultivariateHawkesParameters
        do {
            let fit = try MultivariateHawkesFit.fit(times: times, structure: structure, horizon: horizon, start: start, maxIterations: 300)
            parameters = fit.parameters
            previousMultivariate = fit.parameters
            multivariateFits += 1
        } catch {
            multivariateFailures += 1
            parameters = MultivariateHawkesParameters(
                mu: (0..<k).map { r in max(Double(times[r].count), 0.5) / horizon }, alpha: Array(repeating: 1e-6, count: k),
                beta: Array(repeating: medianBeta, count: k), eta: 1e-6)
        }
        // Excitation at the origin, and the background on the level months.
        var own = [Double](repeating: 0, count: k), neighbour = [Double](repeating: 0, count: k)
        let levelStart = configuration.levelMonths > 0 ? panel.monthStart[max(w0, origin - configuration.levelMonths)] - t0 : nil
        for r in 0..<k {
            let beta = parameters.beta[r]
            var merged = times[r].map { (t: $0, own: true) }
            for j in structure.neighbours[r] { merged += times[j].map { (t: $0, own: false) } }
            merged.sort { $0.t < $1.t }
            var so = 0.0, sn = 0.0, last = 0.0
            var excitation: [Double] = []
            for e in merged {
                let d = exp(-beta * (e.t - last))
                so *= d; sn *= d; last = e.t
                if e.own {
                    if let levelStart, e.t >= levelStart { excitation.append(beta * (parameters.alpha[r] * so + parameters.eta * sn)) }
                    so += 1
                } else {
                    sn += 1
                }
            }
            let d = exp(-beta * (horizon - last))
            own[r] = so * d
            neighbour[r] = sn * d
            if let levelStart, times[r].count >= HawkesFit.minimumEvents {
                parameters.mu[r] = Self.rootBackground(excitation: excitation, length: horizon - levelStart)
            }
        }
        let simulator = ConditionalMultivariateSimulator(parameters: parameters, structure: structure, ownExcitation: own,
                                                         neighbourExcitation: neighbour, monthEnds: monthEnds,
                                                         levelVolatility: configuration.levelVolatility)
        var generator = Xoshiro256StarStar(seed: configuration.seed, stream: UInt64(origin) << 12 | 0xFFF)
        let tally = simulator.simulate(runs: configuration.runs, threshold: configuration.threshold,
                                       consecutive: configuration.consecutiveMonths, horizons: configuration.horizons,
                                       generator: &generator)
        planOverride[.multivariateHawkes, default: []].append(tally.plan)
        return (0..<k).map { RegionForecast(exceed: tally.exceed[$0], run: tally.run[$0]) }
    }
}
