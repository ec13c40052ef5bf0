import Foundation

/// Simulates the multivariate model forward from an origin given the excitation its history
/// leaves there: for each region k, So (own events) and Sn (neighbours' events) at the origin,
/// so the history's future direct offspring in k arrive with intensity β_k(α_k So + η Sn)e^{−β_k s}.
/// Tallies, over runs, each region's threshold months and runs and the plan-level event
/// (a run in any region) jointly.
struct ConditionalMultivariateSimulator {
    var parameters: MultivariateHawkesParameters
    var structure: NeighbourStructure
    var ownExcitation: [Double]
    var neighbourExcitation: [Double]
    var monthEnds: [Double]
    /// Monthly volatility of each region's background level, as in `ConditionalHawkesSimulator`.
    var levelVolatility: Double = 0

    struct Tally {
        /// exceed[k][m], run[k][h]: fractions of runs; plan[h]: fraction of runs with a run in any region.
        var exceed: [[Double]]
        var run: [[Double]]
        var plan: [Double]
    }

    func simulate(runs: Int, threshold: Int, consecutive: Int, horizons: [Int], generator: inout Xoshiro256StarStar) -> Tally {
        let k = structure.regions.count, months = monthEnds.count
        let horizon = monthEnds.last ?? 0
        var exceedCount = [[Int]](repeating: [Int](repeating: 0, count: months), count: k)
        var runCount = [[Int]](repeating: [Int](repeating: 0, count: horizons.count), count: k)
        var planCount = [Int](repeating: 0, count: horizons.count)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: months), count: k)
        var pending: [(t: Double, region: Int)] = []
        let p = parameters
        for _ in 0..<runs {
            for r in 0..<k { for m in 0..<months { counts[r][m] = 0 } }
            pending.removeAll(keepingCapacity: true)
            for r in 0..<k {
                if p.mu[r] > 0, levelVolatility > 0 {
                    var walk = 0.0, start = 0.0
                    for m in 0..<months {
                        let z = (-2 * log(generator.nextOpenUnit())).squareRoot() * cos(2 * .pi * generator.nextUnit())
                        walk += levelVolatility * z
                        let rate = p.mu[r] * exp(walk - Double(m + 1) * levelVolatility * levelVolatility / 2)
                        var t = start - log(generator.nextOpenUnit()) / rate
                        while t < monthEnds[m] { pending.append((t, r)); t -= log(generator.nextOpenUnit()) / rate }
                        start = monthEnds[m]
                    }
                } else if p.mu[r] > 0 {
                    var t = -log(generator.nextOpenUnit()) / p.mu[r]
                    while t < horizon { pending.append((t, r)); t -= log(generator.nextOpenUnit()) / p.mu[r] }
                }
                let scale = p.alpha[r] * ownExcitation[r] + p.eta * neighbourExcitation[r]
                let mass = scale * (1 - exp(-p.beta[r] * horizon))
                if mass > 0 {
                    var e = -log(generator.nextOpenUnit())
                    while e < mass {
                        pending.append((-log(1 - e / scale) / p.beta[r], r))
                        e -= log(generator.nextOpenUnit())
                    }
                }
            }
            var processed = 0
            while let e = pending.popLast(), processed < ConditionalHawkesSimulator.maximumEventsPerRun {
                processed += 1
                var m = 0
                while m < months - 1, e.t >= monthEnds[m] { m += 1 }
                counts[e.region][m] += 1
                MultivariateHawkesSimulator.spawn(from: e.t, region: e.region, p: p, structure: structure, horizon: horizon,
                                                  generator: &generator) { pending.append(($0, $1)) }
            }
            var anyRun = [Bool](repeating: false, count: horizons.count)
            for r in 0..<k {
                var streak = 0, best = 0
                var bestAt = [Int](repeating: 0, count: months)
                for m in 0..<months {
                    let hit = counts[r][m] >= threshold
                    if hit { exceedCount[r][m] += 1 }
                    streak = hit ? streak + 1 : 0
                    best = max(best, streak)
                    bestAt[m] = best
                }
                for (hi, h) in horizons.enumerated() where h <= months && bestAt[h - 1] >= min(consecutive, h) {
                    runCount[r][hi] += 1
                    anyRun[hi] = true
                }
            }
            for hi in horizons.indices where anyRun[hi] { planCount[hi] += 1 }
        }
        let n = Double(runs)
        return Tally(exceed: exceedCount.map { $0.map { Double($0) / n } }, run: runCount.map { $0.map { Double($0) / n } },
                     plan: planCount.map { Double($0) / n })
    }
}
