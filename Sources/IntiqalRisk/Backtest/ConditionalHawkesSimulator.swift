import Foundation

/// Simulates a univariate Hawkes process forward from an origin, given the excitation its
/// history leaves there, by the cluster representation (exact): immigrants at rate μ;
/// the history's future direct offspring, a Poisson process of intensity αβS·e^{−βs} after the
/// origin (S = Σ e^{−β(t₀ − tᵢ)} over past events); every event has Poisson(α) children, each
/// Exp(β) days after it. Only monthly counts are kept.
struct ConditionalHawkesSimulator {
    var parameters: HawkesParameters
    /// S = Σ over past events of e^{−β(t₀ − tᵢ)}.
    var excitation: Double
    /// End of each forecast month, days after the origin (increasing).
    var monthEnds: [Double]
    /// Monthly volatility σ of the background's level: with σ > 0 each run's background drifts
    /// as μ·exp(σW_m − (m + 1)σ²/2), W a Gaussian random walk over the months (mean μ); 0 keeps it fixed.
    var levelVolatility: Double = 0

    /// What the runs gave: per month, the fraction of runs with at least `threshold`
    /// incidents; per horizon H, the fraction with a run of min(consecutive, H) such months
    /// within the first H months.
    struct Tally {
        var exceed: [Double]
        var run: [Double]
    }

    /// Most events one run may generate before it is cut short (a guard; α < 1 keeps runs finite).
    static let maximumEventsPerRun = 1_000_000

    func simulate(runs: Int, threshold: Int, consecutive: Int, horizons: [Int],
                  generator: inout Xoshiro256StarStar) -> Tally {
        let months = monthEnds.count
        let horizon = monthEnds.last ?? 0
        let mu = parameters.mu, alpha = parameters.alpha, beta = parameters.beta
        let expMinusAlpha = exp(-alpha)
        let historyMass = alpha * excitation * (1 - exp(-beta * horizon))
        var exceedCount = [Int](repeating: 0, count: months)
        var runCount = [Int](repeating: 0, count: horizons.count)
        var counts = [Int](repeating: 0, count: months)
        let sortedHorizons = horizons.enumerated().sorted { $0.element < $1.element }
        var pending: [Double] = []
        pending.reserveCapacity(1_024)
        for _ in 0..<runs {
            for m in 0..<months { counts[m] = 0 }
            pending.removeAll(keepingCapacity: true)
            if mu > 0, levelVolatility > 0 {
                var walk = 0.0, start = 0.0
                for m in 0..<months {
                    // A standard normal by Box–Muller.
                    let z = (-2 * log(generator.nextOpenUnit())).squareRoot() * cos(2 * .pi * generator.nextUnit())
                    walk += levelVolatility * z
                    let rate = mu * exp(walk - Double(m + 1) * levelVolatility * levelVolatility / 2)
                    var t = start - log(generator.nextOpenUnit()) / rate
                    while t < monthEnds[m] {
                        pending.append(t)
                        t -= log(generator.nextOpenUnit()) / rate
                    }
                    start = monthEnds[m]
                }
            } else if mu > 0 {
                var t = -log(generator.nextOpenUnit()) / mu
                while t < horizon {
                    pending.append(t)
                    t += -log(generator.nextOpenUnit()) / mu
                }
            }
            if historyMass > 0 {
                // Arrivals of a unit-rate process mapped through the inverse compensator.
                let scale = alpha * excitation
                var e = -log(generator.nextOpenUnit())
                while e < historyMass {
                    pending.append(-log(1 - e / scale) / beta)
                    e += -log(generator.nextOpenUnit())
                }
            }
            var processed = 0
            while let t = pending.popLast(), processed < Self.maximumEventsPerRun {
                processed += 1
                var m = 0
                while m < months - 1, t >= monthEnds[m] { m += 1 }
                counts[m] += 1
                guard alpha > 0 else { continue }
                // Children: Poisson(α) by inversion.
                let u = generator.nextUnit()
                var p = expMinusAlpha, cumulative = p, k = 0
                while u >= cumulative, k < 64 {
                    k += 1
                    p *= alpha / Double(k)
                    cumulative += p
                }
                for _ in 0..<k {
                    let child = t - log(generator.nextOpenUnit()) / beta
                    if child < horizon { pending.append(child) }
                }
            }
            var streak = 0
            var hIndex = 0
            var best = 0
            for m in 0..<months {
                let hit = counts[m] >= threshold
                if hit { exceedCount[m] += 1 }
                streak = hit ? streak + 1 : 0
                best = max(best, streak)
                while hIndex < sortedHorizons.count, sortedHorizons[hIndex].element == m + 1 {
                    let h = sortedHorizons[hIndex]
                    if best >= min(consecutive, h.element) { runCount[h.offset] += 1 }
                    hIndex += 1
                }
            }
        }
        let n = Double(runs)
        return Tally(exceed: exceedCount.map { Double($0) / n }, run: runCount.map { Double($0) / n })
    }
}
